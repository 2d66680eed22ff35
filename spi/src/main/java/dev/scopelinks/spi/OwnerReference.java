package dev.scopelinks.spi;

import java.util.Objects;

/**
 * An entry of an object's {@code metadata.ownerReferences}.
 *
 * <p>Example: a Pod owned by ReplicaSet {@code web-7d4f} has
 * {@code new OwnerReference("apps/v1", "ReplicaSet", "web-7d4f", "…uid…", true)}.
 *
 * @param apiVersion the owner's API version
 * @param kind       the owner's kind
 * @param name       the owner's name
 * @param uid        the owner's uid
 * @param controller whether this owner is the managing controller
 */
public record OwnerReference(String apiVersion, String kind, String name, String uid, boolean controller) {

    public OwnerReference {
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uid, "uid");
    }
}
