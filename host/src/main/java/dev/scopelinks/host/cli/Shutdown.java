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
 * <p>Created first thing in a command, on the thread that then starts the host. A signal that
 * arrives while the host is still starting (binding the socket, waiting for the first list of a big
 * cluster) interrupts that thread, so start-up ends promptly and cleans up after itself instead of
 * making Kubernetes wait out its grace period and SIGKILL the pod with the socket left behind. The
 * command then reports the stop with {@link #requested()} and exits 0.
 */
public final class Shutdown {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final Thread starter = Thread.currentThread();
    /** Guarded by {@code this}: whether start-up is over, after which a signal no longer interrupts. */
    private boolean started;

    public Shutdown() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> request("SIG" + signal.getName()));
            } catch (IllegalArgumentException e) {
                LOG.debug("Cannot handle SIG{} here: {}", name, e.getMessage());
            }
        }
    }

    /** Asks for a stop, as a signal does (also how tests stop a command). */
    public synchronized void request(String reason) {
        requested.countDown();
        if (started) {
            LOG.info("{} received; stopping", reason);
        } else {
            LOG.info("{} received during start-up; stopping start-up", reason);
            starter.interrupt();
        }
    }

    /** Start-up is over: a stop request from now on wakes {@link #await()} instead of interrupting. */
    public synchronized void started() {
        started = true;
    }

    /** Whether a stop was requested (so a failure of start-up is just its interruption). */
    public boolean requested() {
        return requested.getCount() == 0;
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
        started();
        if (requested()) {
            Thread.interrupted(); // an interrupt start-up did not notice is spent: stopping is what it asked for
            return;
        }
        requested.await();
    }
}
