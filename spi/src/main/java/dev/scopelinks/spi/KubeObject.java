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

    /** {@code metadata.name}. Example: {@code "web-7d4f8b-x2k9p"}. */
    String name();

    /** {@code metadata.namespace}; empty for cluster-scoped objects. Example: {@code Optional[shop]}. */
    Optional<String> namespace();

    /** {@code metadata.uid}. Example: {@code "0b6c6a3e-1111-4a2b-9c1d-000000000001"}. */
    String uid();

    /** {@code metadata.labels}; never null. Example: {@code {app.kubernetes.io/name=web}}. */
    Map<String, String> labels();

    /** {@code metadata.annotations}; never null. Example: {@code {team=payments}}. */
    Map<String, String> annotations();

    /** {@code metadata.creationTimestamp}, when the server set one. Example: {@code Optional[2026-11-25T10:00:00Z]}. */
    Optional<Instant> creationTimestamp();

    /** {@code metadata.ownerReferences}; never null. Example: a Pod's {@code [ReplicaSet web-7d4f8b]}. */
    List<OwnerReference> ownerReferences();
}
