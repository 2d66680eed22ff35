package dev.scopelinks.host.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.host.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileChangeWatcherTest {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private final List<String> seen = new CopyOnWriteArrayList<>();

    @Test
    void reportsAnInPlaceEditOnceAndIgnoresATouchWithoutChanges() throws Exception {
        Path file = dir.resolve("links.yaml");
        Files.writeString(file, "a: 1\n");
        try (FileChangeWatcher watcher = new FileChangeWatcher(file, Duration.ofMillis(200), seen::add)) {
            watcher.start();

            Files.writeString(file, "a: 2\n");
            Eventually.within(WITHIN, () -> assertThat(seen).containsExactly("a: 2\n"));

            Files.writeString(file, "a: 2\n");
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
            // The second check from now began after the touch (the first may have been under way).
            long checks = watcher.checks();
            Eventually.within(WITHIN, () -> assertThat(watcher.checks()).isGreaterThanOrEqualTo(checks + 2));
            assertThat(seen).containsExactly("a: 2\n");
        }
    }

    @Test
    void followsAConfigMapStyleSymlinkSwapAndSkipsAMomentarilyMissingFile() throws Exception {
        Files.createDirectories(dir.resolve("..v1"));
        Files.writeString(dir.resolve("..v1/links.yaml"), "v: 1\n");
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..v1"));
        Path file = dir.resolve("links.yaml");
        Files.createSymbolicLink(file, Path.of("..data/links.yaml"));
        List<Boolean> presence = new CopyOnWriteArrayList<>();
        try (FileChangeWatcher watcher = new FileChangeWatcher(file, Duration.ofMillis(200), seen::add,
                presence::add)) {
            watcher.start();

            Files.createDirectories(dir.resolve("..v2"));
            Files.writeString(dir.resolve("..v2/links.yaml"), "v: 2\n");
            Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of("..v2"));
            Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);

            Eventually.within(WITHIN, () -> assertThat(seen).containsExactly("v: 2\n"));

            Files.delete(dir.resolve("..data"));
            // Reported missing after two checks that found no file: neither of them changed the config.
            Eventually.within(WITHIN, () -> assertThat(presence).containsExactly(false));
            assertThat(seen).containsExactly("v: 2\n");
        }
    }

    @Test
    void tellsOnceThatTheFileWasDeletedAndAgainWhenItIsBack() throws Exception {
        Path file = dir.resolve("links.yaml");
        Files.writeString(file, "a: 1\n");
        List<Boolean> presence = new CopyOnWriteArrayList<>();
        try (FileChangeWatcher watcher = new FileChangeWatcher(file, Duration.ofMillis(100), seen::add,
                presence::add)) {
            watcher.start();

            Files.delete(file);
            Eventually.within(WITHIN, () -> assertThat(presence).containsExactly(false));

            Files.writeString(file, "a: 1\n");
            Eventually.within(WITHIN, () -> assertThat(presence).containsExactly(false, true));
            assertThat(seen).isEmpty();
        }
    }
}
