package dev.scopelinks.host.testing;

import dev.scopelinks.host.watch.GenericObjectView;
import dev.scopelinks.spi.KubeObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;

/** Objects for the host's own tests, written as {@code kubectl get -o yaml} prints them. */
public final class KubeObjects {

    private KubeObjects() {
    }

    /** The object described by {@code yaml}, seen through the host's own adapter. */
    public static KubeObject fromYaml(String yaml) {
        return new GenericObjectView(Serialization.unmarshal(yaml, GenericKubernetesResource.class));
    }
}
