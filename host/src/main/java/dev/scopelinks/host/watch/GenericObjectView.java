package dev.scopelinks.host.watch;

import dev.scopelinks.spi.Fields;
import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.OwnerReference;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The SPI's view of a fabric8 {@link GenericKubernetesResource} as a watch event or a one-off read
 * delivers it. What the informer caches keep is a {@link CachedObject} instead.
 */
public final class GenericObjectView implements KubeObject {

    private final GenericKubernetesResource resource;
    private final ObjectMeta metadata;
    private final MapFields fields;

    public GenericObjectView(GenericKubernetesResource resource) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.metadata = resource.getMetadata() == null ? new ObjectMeta() : resource.getMetadata();
        Map<String, Object> properties = resource.getAdditionalProperties();
        this.fields = new MapFields(properties == null ? Map.of() : properties);
    }

    @Override
    public String apiVersion() {
        return Objects.toString(resource.getApiVersion(), "");
    }

    @Override
    public String kind() {
        return Objects.toString(resource.getKind(), "");
    }

    @Override
    public String name() {
        return Objects.toString(metadata.getName(), "");
    }

    @Override
    public Optional<String> namespace() {
        return Optional.ofNullable(metadata.getNamespace()).filter(ns -> !ns.isEmpty());
    }

    @Override
    public String uid() {
        return Objects.toString(metadata.getUid(), "");
    }

    @Override
    public Map<String, String> labels() {
        return metadata.getLabels() == null ? Map.of() : metadata.getLabels();
    }

    @Override
    public Map<String, String> annotations() {
        return metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
    }

    @Override
    public Optional<Instant> creationTimestamp() {
        String text = metadata.getCreationTimestamp();
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<OwnerReference> ownerReferences() {
        return ownerReferences(metadata.getOwnerReferences(), UnaryOperator.identity());
    }

    /**
     * fabric8's owner references as the SPI's, each string through {@code strings}; references
     * without a kind or a name are left out.
     */
    static List<OwnerReference> ownerReferences(List<io.fabric8.kubernetes.api.model.OwnerReference> references,
                                                UnaryOperator<String> strings) {
        if (references == null) {
            return List.of();
        }
        return references.stream()
                .filter(ref -> ref.getKind() != null && ref.getName() != null)
                .map(ref -> new OwnerReference(strings.apply(Objects.toString(ref.getApiVersion(), "")),
                        strings.apply(ref.getKind()), strings.apply(ref.getName()),
                        strings.apply(Objects.toString(ref.getUid(), "")), Boolean.TRUE.equals(ref.getController())))
                .toList();
    }

    @Override
    public Optional<String> field(String path) {
        return fields.field(path);
    }

    @Override
    public List<Fields> list(String path) {
        return fields.list(path);
    }

    @Override
    public Map<String, String> map(String path) {
        return fields.map(path);
    }

    @Override
    public String toString() {
        return kind() + " " + namespace().map(ns -> ns + "/").orElse("") + name();
    }
}
