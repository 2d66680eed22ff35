package dev.scopelinks.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProvider;
import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.spi.ObjectVariables;
import dev.scopelinks.spi.ProviderContext;
import dev.scopelinks.spi.ResourceType;
import dev.scopelinks.spi.ScopeTopology;
import dev.scopelinks.spi.SpiVersion;
import dev.scopelinks.spi.Variable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestObjectsTest {

    private static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-1
              namespace: shop
              uid: 11111111-2222-4333-8444-555555555555
              labels: {app: web}
              annotations: {team: storefront}
              ownerReferences:
                - {apiVersion: apps/v1, kind: ReplicaSet, name: web-7d4f8b, uid: r1, controller: true}
            spec:
              nodeName: worker-3
              containers: [{name: main, image: nginx}]
            status:
              podIP: 10.0.0.7
            """;

    @Test
    void cachedCopyKeepsStandardMetadataAndDeclaredFieldsOnly() {
        KubeObject cached = TestObjects.asCached(POD, new NodeNameReader());

        assertThat(cached.kind()).isEqualTo("Pod");
        assertThat(cached.apiVersion()).isEqualTo("v1");
        assertThat(cached.name()).isEqualTo("web-1");
        assertThat(cached.namespace()).contains("shop");
        assertThat(cached.uid()).isEqualTo("11111111-2222-4333-8444-555555555555");
        assertThat(cached.labels()).containsEntry("app", "web");
        assertThat(cached.annotations()).containsEntry("team", "storefront");
        assertThat(cached.ownerReferences()).singleElement().satisfies(owner ->
                assertThat(owner.name()).isEqualTo("web-7d4f8b"));
        assertThat(cached.field("spec.nodeName")).contains("worker-3");
        assertThat(cached.field("status.podIP")).as("not declared, so not cached").isEmpty();
        assertThat(cached.list("spec.containers")).isEmpty();
        assertThat(TestObjects.fromYaml(POD).field("status.podIP")).contains("10.0.0.7");
    }

    /** Declares it reads spec.nodeName only. */
    static final class NodeNameReader implements LinkProviderFactory {
        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public String id() {
            return "Pod";
        }

        @Override
        public ResourceType watches() {
            return ResourceType.namespaced("", "v1", "pods", "Pod");
        }

        @Override
        public ScopeTopology topology() {
            return ScopeTopology.POD;
        }

        @Override
        public List<Variable> variables() {
            return ObjectVariables.STANDARD;
        }

        @Override
        public Set<String> fieldsRead() {
            return Set.of("spec.nodeName");
        }

        @Override
        public LinkProvider create(ProviderContext context) {
            return object -> List.of();
        }
    }
}
