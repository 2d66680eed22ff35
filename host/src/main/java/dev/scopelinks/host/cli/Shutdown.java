package dev.scopelinks.host.cli;

import ch.qos.logback.classic.LoggerContext;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns SIGTERM or SIGINT (or SIGHUP) into an orderly stop that ends with exit code 0, through a
 * JVM shutdown hook; without it the JVM would exit with 143 or 130 without running our cleanup.
 *
 * <p>Created first thing in a command, on the thread that then starts the host, and closed when the
 * command is over (try-with-resources around all of it). A signal starts the JVM's shutdown, which
 * runs the hook: it asks for a stop as {@link #request(String)} does, so a command in
 * {@link #await()} returns and closes the host, and one still starting (binding the socket, waiting
 * for the first list of a big cluster) is interrupted, so start-up ends promptly and cleans up after
 * itself instead of making Kubernetes wait out its grace period and SIGKILL the pod with the socket
 * left behind. The hook waits for the command to be over, closes whatever was passed to
 * {@link #closeOnExit(AutoCloseable)} as a backstop, flushes the logs and halts the JVM with 0: a
 * JVM that a signal shuts down otherwise reports the signal in its exit status, and
 * {@link System#exit(int)} cannot be called while it shuts down. A command that ends by itself
 * removes the hook on {@link #close()}, so its own exit code stands.
 */
public final class Shutdown implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Shutdown.class);
    /** How long the hook waits for the command to stop; Kubernetes' default grace period is 30 s. */
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch over = new CountDownLatch(1);
    private final Thread starter = Thread.currentThread();
    private final List<AutoCloseable> onExit = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::onJvmShutdown, "scope-links-shutdown");
    /** Guarded by {@code this}: whether start-up is over, after which a stop request no longer interrupts. */
    private boolean started;

    public Shutdown() {
        Runtime.getRuntime().addShutdownHook(hook);
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

    /**
     * Closes {@code closeable} if the JVM shuts down (on a signal) before the command is over; it must
     * tolerate being closed twice, as the command closes it too. Closed in reverse order of passing.
     */
    public void closeOnExit(AutoCloseable closeable) {
        onExit.add(0, closeable);
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

    /** The command is over: from now on the JVM ends with the command's exit code, not by this hook. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook is waiting for this
        }
        over.countDown();
    }

    private void onJvmShutdown() {
        request("Stop signal (SIGTERM, SIGINT or SIGHUP)");
        boolean stopped = false;
        try {
            stopped = over.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (AutoCloseable closeable : onExit) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Cleanup on exit failed", e);
            }
        }
        if (!stopped) {
            LOG.warn("The command did not stop within {} s of the signal; exiting anyway", GRACE.toSeconds());
            return; // the JVM exits with the signal's status
        }
        flushLogs();
        Runtime.getRuntime().halt(ExitCodes.OK);
    }

    private static void flushLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
        System.out.flush();
        System.err.flush();
    }
}
