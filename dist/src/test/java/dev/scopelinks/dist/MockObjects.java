package dev.scopelinks.dist;

import dev.scopelinks.spi.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Creates objects written as YAML in the mock API server, addressed by the resource a provider declares. */
final class MockObjects {

    private final KubernetesClient client;

    MockObjects(KubernetesClient client) {
        this.client = client;
    }

    /** Creates the object and returns it as stored, with the uid the server kept. */
    GenericKubernetesResource create(ResourceType type, String yaml) {
        GenericKubernetesResource resource = Serialization.unmarshal(yaml, GenericKubernetesResource.class);
        var operation = client.genericKubernetesResources(context(type));
        String namespace = resource.getMetadata().getNamespace();
        return type.namespaced() ? operation.inNamespace(namespace).resource(resource).create()
                : operation.resource(resource).create();
    }

    /** What the mock server needs to answer API discovery for {@code type}, as for an installed CRD. */
    static CustomResourceDefinitionContext discoverable(ResourceType type) {
        return new CustomResourceDefinitionContext.Builder()
                .withGroup(type.group())
                .withVersion(type.version())
                .withPlural(type.plural())
                .withKind(type.kind())
                .withScope(type.namespaced() ? "Namespaced" : "Cluster")
                .build();
    }

    private static ResourceDefinitionContext context(ResourceType type) {
        return new ResourceDefinitionContext.Builder()
                .withGroup(type.group())
                .withVersion(type.version())
                .withPlural(type.plural())
                .withKind(type.kind())
                .withNamespaced(type.namespaced())
                .build();
    }
}
