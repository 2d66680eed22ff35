package dev.scopelinks.host.cli;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT and turns it into an orderly stop that ends with exit code 0; the
 * JVM's default would exit with 143 or 130 without running our cleanup first. A shutdown hook
 * covers the other ways the JVM can end, so the socket file is removed in any case but SIGKILL.
 *
 * <p>Created first thing in a command, so a signal that arrives while the host is still starting
 * is remembered and honoured as soon as it is up, instead of killing it half way with 143.
 */
public final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private final CountDownLatch requested = new CountDownLatch(1);

    public Shutdown() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    LOG.info("SIG{} received; stopping", signal.getName());
                    requested.countDown();
                });
            } catch (IllegalArgumentException e) {
                LOG.debug("Cannot handle SIG{} here: {}", name, e.getMessage());
            }
        }
    }

    /** Closes {@code onExit} however the JVM ends (it must tolerate being closed twice). */
    public void closeOnExit(AutoCloseable onExit) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                onExit.close();
            } catch (Exception e) {
                LOG.warn("Cleanup on exit failed", e);
            }
        }, "scope-links-shutdown"));
    }

    /** Blocks until a stop is requested. */
    public void await() throws InterruptedException {
        requested.await();
    }
}
