package dev.scopelinks.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's own directory (kubeconfig, plugin root): removed with everything in it when the demo
 * stops, however it stops, so a demo leaves nothing behind. Closing it twice is harmless: both the
 * command's normal end and the JVM's shutdown hook (SIGTERM) close it.
 */
final class TemporaryDirectory implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TemporaryDirectory.class);

    private final Path path;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TemporaryDirectory(Path path) {
        this.path = path;
    }

    /** A new directory {@code <java.io.tmpdir>/<prefix>…}. */
    static TemporaryDirectory create(String prefix) throws IOException {
        return new TemporaryDirectory(Files.createTempDirectory(prefix));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            List<Path> deepestFirst = tree.sorted(Comparator.reverseOrder()).toList();
            for (Path entry : deepestFirst) {
                try {
                    Files.deleteIfExists(entry);
                } catch (NoSuchFileException e) {
                    // Removed meanwhile (the host removes its socket as it stops).
                }
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Could not remove the demo's directory {}: {}", path, e.toString());
        }
    }
}
