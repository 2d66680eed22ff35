package dev.scopelinks.spi;

import java.util.List;

/**
 * Turns one watched object into the Scope nodes it feeds and their template variables.
 *
 * <p>{@link #nodesFor} is called whenever a watched object is added or changes, and again for
 * every cached object after a config reload or once the objects it looks up are listed. The host
 * makes these calls one at a time on one thread, {@code report-render} (the host's
 * {@code ReportUpdater}, the only writer of the report), never on an informer's or the config
 * reload's thread, so a provider needs no locking of its own; tools such as
 * {@code scope-links render} and tests call it from their own thread. Each call runs with the provider jar's class loader as the
 * thread's context class loader. A call must be fast and must not block (look-ups through
 * {@link ObjectLookup} read memory only), since every other object waits for it. It may throw:
 * the host then skips this object, counts and logs the failure, and keeps serving every other
 * object.
 *
 * <p>The host creates one instance per configuration and calls {@link #close()} once when it
 * stops using it: after a config reload has switched to a new instance, and at shutdown.
 *
 * <p>Example: {@code object -> List.of(ScopeNode.of(ScopeTopology.SERVICE, object.uid(), vars))}.
 */
@FunctionalInterface
public interface LinkProvider extends AutoCloseable {

    /**
     * The nodes {@code object} feeds; empty when Scope would not draw it (e.g. a Pod container
     * that has no container id yet). Example: for Deployment {@code web} with uid {@code 7a1e…},
     * one node {@code 7a1e…;<deployment>} with {@code name=web, replicas=3}.
     */
    List<ScopeNode> nodesFor(KubeObject object);

    /**
     * Releases what {@link LinkProviderFactory#create} acquired (a thread pool, a client, a file).
     * Called once, after the host handed this instance its last object: on the thread that applied
     * the config reload that replaced it (once {@code report-render} has switched to its successor),
     * or the one that stops the host; nothing by default.
     * It must not throw: the host logs a failure and carries on.
     *
     * <p>Example: {@code public void close() { refresher.shutdownNow(); }}
     *
     * @since SPI version 1 (added as a default method)
     */
    @Override
    default void close() {
    }
}
