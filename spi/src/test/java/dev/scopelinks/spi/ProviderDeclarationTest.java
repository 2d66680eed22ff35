package dev.scopelinks.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderDeclarationTest {

    private static final ResourceType WIDGETS = ResourceType.namespaced("example.com", "v1", "widgets", "Widget");
    private static final ResourceType PODS = ResourceType.namespaced("", "v1", "pods", "Pod");

    /** A provider as a newcomer writes one: the declaration is all there is. */
    static final class WidgetFactory extends DeclaredLinkProviderFactory {
        WidgetFactory() {
            super(ProviderDeclaration.of(SpiVersion.CURRENT, "Widget", WIDGETS, ScopeTopology.DEPLOYMENT)
                    .standardVariables()
                    .field("replicas", "spec.replicas", "desired replicas", "3")
                    .selector("selector", "spec.selector.matchLabels", "the pod selector's match labels", "app=web",
                            "web"));
        }
    }

    static final class PodFactory extends DeclaredLinkProviderFactory {
        PodFactory() {
            super(ProviderDeclaration.of(SpiVersion.CURRENT, "Pod", PODS, ScopeTopology.POD)
                    .field("phase", "status.phase", "the Pod's phase", "Running")
                    .owner("ReplicaSet", "web-7d4f8b")
                    .workload()
                    .nodeZone("spec.nodeName"));
        }
    }

    static final class ContainerFactory extends DeclaredLinkProviderFactory {
        ContainerFactory() {
            super(ProviderDeclaration.of(SpiVersion.CURRENT, "Container", PODS, ScopeTopology.CONTAINER)
                    .nodePerElement("status.containerStatuses", status -> status.field("containerID"))
                    .computed("podName", "the Pod's name", "web-1", KubeObject::name)
                    .elementField("image", "image", "the image", "nginx:1.27"));
        }
    }

    private static final MapObject WIDGET = new MapObject("example.com/v1", "Widget", "shop", "web",
            Map.of("team", "a"), List.of(), Map.of("spec", Map.of("replicas", 3,
                    "selector", Map.of("matchLabels", Map.of("tier", "front", "app", "web")))));

    @Test
    void oneFieldDeclarationGivesTheDocumentedVariableTheCachedFieldAndTheValue() {
        WidgetFactory factory = new WidgetFactory();

        assertThat(factory.variables()).contains(Variable.of("replicas", "desired replicas (spec.replicas)", "3"));
        assertThat(factory.fieldsRead()).containsExactlyInAnyOrder("spec.replicas", "spec.selector.matchLabels");
        assertThat(factory.create(ProviderContext.builder().build()).nodesFor(WIDGET)).singleElement()
                .satisfies(node -> {
                    assertThat(node.nodeId()).isEqualTo("uid-web;<deployment>");
                    assertThat(node.variables()).containsEntry("replicas", "3").containsEntry("name", "web")
                            .containsEntry("labels.team", "a").containsEntry("selector", "app=web,tier=front")
                            .containsEntry("selector.tier", "front");
                });
    }

    @Test
    void declaresEveryVariableItCanGiveAndGivesOnlyDeclaredOnes() {
        WidgetFactory factory = new WidgetFactory();

        assertThat(factory.variables()).extracting(Variable::name).containsExactly("name", "namespace", "uid", "kind",
                "labels.<key>", "annotations.<key>", "replicas", "selector", "selector.<key>");
        Map<String, String> variables = factory.create(ProviderContext.builder().build()).nodesFor(WIDGET).get(0)
                .variables();
        assertThat(variables.keySet()).allSatisfy(name -> assertThat(factory.variables())
                .anyMatch(variable -> variable.matches(name)));
    }

    @Test
    void takesIdVersionResourceAndTopologyFromTheDeclaration() {
        WidgetFactory factory = new WidgetFactory();

        assertThat(factory.spiVersion()).isEqualTo(SpiVersion.CURRENT);
        assertThat(factory.id()).isEqualTo("Widget");
        assertThat(factory.watches()).isEqualTo(WIDGETS);
        assertThat(factory.topology()).isEqualTo(ScopeTopology.DEPLOYMENT);
        assertThat(factory.watchesOptionalApi()).isFalse();
    }

    @Test
    void watchesOwnersAndNodesOnlyForTheTemplatesThatUseTheirVariables() {
        PodFactory factory = new PodFactory();

        assertThat(factory.dependsOn()).containsExactlyInAnyOrder(OwnerChain.REPLICA_SETS, OwnerChain.JOBS,
                ProviderDeclaration.NODES);
        assertThat(factory.dependsOn(Set.of("phase", "ownerName"))).isEmpty();
        assertThat(factory.dependsOn(Set.of("workloadName"))).containsExactlyInAnyOrder(OwnerChain.REPLICA_SETS,
                OwnerChain.JOBS);
        assertThat(factory.dependsOn(Set.of("nodeZone"))).containsExactly(ProviderDeclaration.NODES);
        assertThat(factory.fieldsRead()).containsExactlyInAnyOrder("status.phase", "spec.nodeName");
    }

    @Test
    void resolvesTheWorkloadThroughTheReplicaSetAndTheZoneThroughTheNode() {
        MapObject replicaSet = new MapObject("apps/v1", "ReplicaSet", "shop", "web-7d4f8b", Map.of(),
                List.of(new OwnerReference("apps/v1", "Deployment", "web", "uid-d", true)), Map.of());
        MapObject node = new MapObject("v1", "Node", null, "worker-3",
                Map.of("failure-domain.beta.kubernetes.io/zone", "eu-west-1a"), List.of(), Map.of());
        MapObject pod = new MapObject("v1", "Pod", "shop", "web-7d4f8b-x2k9p", Map.of(),
                List.of(new OwnerReference("apps/v1", "ReplicaSet", "web-7d4f8b", "uid-web-7d4f8b", true)),
                Map.of("spec", Map.of("nodeName", "worker-3"), "status", Map.of("phase", "Running")));
        ObjectLookup lookup = new ObjectLookup() {
            @Override
            public Optional<KubeObject> byName(ResourceType type, String namespace, String name) {
                return List.<KubeObject>of(replicaSet, node).stream()
                        .filter(object -> object.kind().equals(type.kind()) && object.name().equals(name)).findFirst();
            }

            @Override
            public Optional<KubeObject> byUid(String uid) {
                return Optional.empty();
            }
        };

        Map<String, String> variables = new PodFactory().create(ProviderContext.builder().lookup(lookup).build())
                .nodesFor(pod).get(0).variables();

        assertThat(variables).containsEntry("phase", "Running").containsEntry("ownerKind", "ReplicaSet")
                .containsEntry("ownerName", "web-7d4f8b").containsEntry("workloadKind", "Deployment")
                .containsEntry("workloadName", "web").containsEntry("nodeZone", "eu-west-1a");
    }

    @Test
    void leavesCrossObjectVariablesOutWhenTheOtherObjectsAreNotCached() {
        MapObject pod = new MapObject("v1", "Pod", "shop", "web-1", Map.of(),
                List.of(new OwnerReference("apps/v1", "ReplicaSet", "web-7d4f8b", "", true)),
                Map.of("spec", Map.of("nodeName", "worker-3")));

        Map<String, String> variables = new PodFactory().create(ProviderContext.builder().build()).nodesFor(pod).get(0)
                .variables();

        assertThat(variables).containsEntry("ownerKind", "ReplicaSet").doesNotContainKeys("workloadKind", "nodeZone");
    }

    @Test
    void feedsOneNodePerListElementWithAnIdAndSharesTheObjectsVariables() {
        MapObject pod = new MapObject("v1", "Pod", "shop", "web-1", Map.of(), List.of(), Map.of("status",
                Map.of("containerStatuses", List.of(Map.of("containerID", "c1", "image", "nginx:1.27"),
                        Map.of("image", "busybox:1.36"), Map.of("containerID", "c3", "image", "envoy:1.30")))));
        ContainerFactory factory = new ContainerFactory();

        List<ScopeNode> nodes = factory.create(ProviderContext.builder().build()).nodesFor(pod);

        assertThat(nodes).extracting(ScopeNode::nodeId).containsExactly("c1;<container>", "c3;<container>");
        assertThat(nodes.get(1).variables()).containsEntry("podName", "web-1").containsEntry("image", "envoy:1.30");
        assertThat(factory.fieldsRead()).containsExactly("status.containerStatuses");
        assertThat(factory.variables()).extracting(Variable::name).containsExactly("podName", "image");
    }

    @Test
    void laterChangesToADeclarationDoNotChangeAFactoryBuiltFromIt() {
        ProviderDeclaration declaration = ProviderDeclaration.of(SpiVersion.CURRENT, "Widget", WIDGETS,
                ScopeTopology.DEPLOYMENT).field("replicas", "spec.replicas", "desired replicas", "3");
        DeclaredLinkProviderFactory factory = new DeclaredLinkProviderFactory(declaration) { };

        declaration.field("paused", "spec.paused", "whether rollouts are paused", "false");

        assertThat(factory.variables()).extracting(Variable::name).containsExactly("replicas");
        assertThat(factory.fieldsRead()).containsExactly("spec.replicas");
    }
}
