package dev.scopelinks.testkit;

import dev.scopelinks.host.plugin.LoadedProvider;
import dev.scopelinks.host.watch.CachedFields;
import dev.scopelinks.host.watch.GenericObjectView;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.LinkProviderFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;

/**
 * Kubernetes objects for provider tests, written as YAML exactly as {@code kubectl get -o yaml}
 * prints them. They reach the provider through the same view the host uses for watched objects.
 *
 * <p>Example:
 * <pre>{@code
 * KubeObject pod = TestObjects.fromYaml("""
 *     apiVersion: v1
 *     kind: Pod
 *     metadata: {name: web-1, namespace: shop, uid: 3f1c}
 *     spec: {nodeName: worker-3}
 *     """);
 * }</pre>
 */
public final class TestObjects {

    private TestObjects() {
    }

    /** The object described by {@code yaml}. */
    public static KubeObject fromYaml(String yaml) {
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        if (resource == null) {
            throw new IllegalArgumentException("no object in YAML:\n" + yaml);
        }
        return new GenericObjectView(resource);
    }

    /**
     * A ReplicaSet controlled by Deployment {@code deployment}, as YAML: what a Pod provider's test
     * puts in the cache so that {@code workloadKind}/{@code workloadName} resolve. Example:
     * {@code replicaSetOf("web", "shop", "web-7d4f8b", "7a1e0c52-0022-4c1a-9a00-000000000022")}.
     */
    public static String replicaSetOf(String deployment, String namespace, String name, String uid) {
        return """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: %s
                  namespace: %s
                  uid: %s
                  ownerReferences:
                    - {apiVersion: apps/v1, kind: Deployment, name: %s, uid: %s-deployment, controller: true}
                """.formatted(name, namespace, uid, deployment, uid);
    }

    /**
     * A Node labelled with {@code zone}, as YAML, for tests of {@code nodeZone}. Example:
     * {@code nodeInZone("worker-3", "eu-west-1a")}.
     */
    public static String nodeInZone(String name, String zone) {
        return """
                apiVersion: v1
                kind: Node
                metadata:
                  name: %s
                  uid: node-%s
                  labels: {topology.kubernetes.io/zone: %s}
                """.formatted(name, name, zone);
    }

    /**
     * The object described by {@code yaml} as the host's informer cache keeps it for a provider of
     * {@code factory}'s kind: the standard metadata plus the fields the provider declares it reads.
     * Look-ups and re-rendering after a config reload see exactly this.
     */
    public static KubeObject asCached(String yaml, LinkProviderFactory factory) {
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        return CachedFields.declaredBy(List.of(new LoadedProvider(factory, "test")))
                .cachedForm(factory.watches(), resource);
    }
}
