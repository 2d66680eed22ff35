package dev.scopelinks.host.watch;

import dev.scopelinks.spi.KubeObject;
import dev.scopelinks.spi.ResourceType;

/** Receives the watched objects' changes. Called on watch threads: must be quick and must not throw. */
public interface ObjectSink {

    /** {@code object} of {@code type} was added or changed. */
    void upsert(ResourceType type, KubeObject object);

    /** {@code object} of {@code type} is gone. */
    void delete(ResourceType type, KubeObject object);
}
