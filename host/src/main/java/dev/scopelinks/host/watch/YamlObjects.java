package dev.scopelinks.host.watch;

import dev.scopelinks.spi.KubeObject;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;

/** Objects read from YAML files (as {@code kubectl get -o yaml} prints them), seen as watched objects are. */
public final class YamlObjects {

    private YamlObjects() {
    }

    /**
     * Every object in {@code yaml}: one document, several separated by {@code ---}, or a {@code List}.
     *
     * @throws IllegalArgumentException when the text holds no Kubernetes object
     */
    public static List<KubeObject> read(String yaml) {
        List<KubeObject> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.isBlank()) {
                continue;
            }
            GenericKubernetesResource resource = Serialization.unmarshal(document, GenericKubernetesResource.class);
            if (resource == null) {
                continue;
            }
            Object items = resource.getAdditionalProperties().get("items");
            if (resource.getKind() != null && resource.getKind().endsWith("List") && items instanceof List<?> list) {
                for (Object item : list) {
                    objects.add(new GenericObjectView(Serialization.unmarshal(Serialization.asYaml(item),
                            GenericKubernetesResource.class)));
                }
            } else {
                objects.add(new GenericObjectView(resource));
            }
        }
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("no Kubernetes object in the file");
        }
        return objects;
    }
}
