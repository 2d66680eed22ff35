package dev.scopelinks.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A read-only view of one Kubernetes object, as the host's watch delivered it.
 *
 * <p>Metadata every object has comes through named methods; anything else through
 * {@link Fields}. A provider reads only what it declared in
 * {@link LinkProviderFactory#fieldsRead()}: the host may keep nothing else in memory.
 *
 * <p>Example: {@code object.field("status.podIP").orElse("")}.
 */
public interface KubeObject extends Fields {

    /** The object's {@code apiVersion}, e.g. {@code "apps/v1"}. */
    String apiVersion();

    /** The object's {@code kind}, e.g. {@code "Deployment"}. */
    String kind();

    /** {@code metadata.name}. */
    String name();

    /** {@code metadata.namespace}; empty for cluster-scoped objects. */
    Optional<String> namespace();

    /** {@code metadata.uid}. */
    String uid();

    /** {@code metadata.labels}; never null. */
    Map<String, String> labels();

    /** {@code metadata.annotations}; never null. */
    Map<String, String> annotations();

    /** {@code metadata.creationTimestamp}, when the server set one. */
    Optional<Instant> creationTimestamp();

    /** {@code metadata.ownerReferences}; never null. */
    List<OwnerReference> ownerReferences();
}
