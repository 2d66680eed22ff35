package dev.scopelinks.host.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls back with a file's new text whenever its content changes. It watches the file's directory
 * rather than the file, because a Kubernetes ConfigMap volume updates by swapping the {@code ..data}
 * symlink: the file's own inode never changes, but the directory sees the swap. Every wake-up (a
 * directory event, or the interval passing when the platform's watch is slow or missing) compares
 * the content with the last seen, so editors that write in place, rename over the file, or touch it
 * without changes all behave.
 */
public final class FileChangeWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FileChangeWatcher.class);
    /** Lets an editor or kubelet finish a burst of writes before the file is read. */
    private static final long SETTLE_MILLIS = 100;

    private final Path file;
    private final Duration interval;
    private final Consumer<String> onChange;
    private final Consumer<Boolean> onPresence;
    private final WatchService watchService;
    private final Thread thread;
    private byte[] last;
    /** Consecutive checks that found no file; only read and written on the watch thread. */
    private int missingChecks;
    /** Checks done so far; lets a test see that a check ran and found nothing to report. */
    private final AtomicLong checks = new AtomicLong();
    private volatile boolean closed;

    public FileChangeWatcher(Path file, Duration interval, Consumer<String> onChange) throws IOException {
        this(file, interval, onChange, present -> { });
    }

    /**
     * Like {@link #FileChangeWatcher(Path, Duration, Consumer)}; {@code onPresence} hears
     * {@code false} once the file has been missing for two checks in a row (a rename over the file
     * or a ConfigMap swap is not a deletion) and {@code true} when it is back.
     */
    public FileChangeWatcher(Path file, Duration interval, Consumer<String> onChange, Consumer<Boolean> onPresence)
            throws IOException {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.interval = Objects.requireNonNull(interval, "interval");
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        this.onPresence = Objects.requireNonNull(onPresence, "onPresence");
        this.last = read();
        this.watchService = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "config-watch");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            try {
                var key = watchService.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                if (key != null) {
                    Thread.sleep(SETTLE_MILLIS);
                    key.pollEvents();
                    key.reset();
                }
                check();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Handling a change of {} failed", file, e);
            }
        }
    }

    /** How many times the file has been compared with the last seen content so far. */
    long checks() {
        return checks.get();
    }

    private void check() {
        try {
            compare();
        } finally {
            checks.incrementAndGet();
        }
    }

    private void compare() {
        byte[] now = read();
        if (now == null) {
            // A missing file is mid-swap or deleted; the last good config keeps serving.
            if (++missingChecks == 2) {
                onPresence.accept(false);
            }
            return;
        }
        if (missingChecks >= 2) {
            onPresence.accept(true);
        }
        missingChecks = 0;
        if (Arrays.equals(now, last)) {
            return;
        }
        last = now;
        onChange.accept(new String(now, StandardCharsets.UTF_8));
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            watchService.close();
        } catch (IOException e) {
            LOG.debug("Closing the watch of {}", file, e);
        }
    }
}
