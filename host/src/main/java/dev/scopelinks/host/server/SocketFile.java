package dev.scopelinks.host.server;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The socket's path on disk, and the rules for taking it over. A file left by a killed instance
 * refuses connections and is replaced; a live instance is waited for, never stolen, because two
 * plugins on one path would each get half of the probe's polls.
 */
final class SocketFile {

    private static final Logger LOG = LoggerFactory.getLogger(SocketFile.class);
    private static final Duration POLL = Duration.ofMillis(250);
    /** The probe (root) can always enter; others may look but not create or replace files. */
    private static final Set<PosixFilePermission> DIRECTORY_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path path;

    SocketFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** Makes the path free to bind: creates the directory, removes a stale socket, waits out a live one. */
    void claim(Duration waitForLiveOwner) throws IOException, SocketInUseException, InterruptedException {
        createDirectories(path.getParent());
        long deadline = System.nanoTime() + waitForLiveOwner.toNanos();
        boolean announced = false;
        while (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isOther()) {
                throw new SocketInUseException(path + " exists and is not a socket; remove it if it is not needed");
            }
            if (!isLive()) {
                LOG.info("Removing stale socket {} (nothing answers on it)", path);
                Files.deleteIfExists(path);
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SocketInUseException("another process answers on " + path + " and did not go away within "
                        + waitForLiveOwner.toSeconds() + " s; stop it, or use another --socket-dir or plugin id");
            }
            if (!announced) {
                LOG.warn("Another process answers on {}; waiting up to {} s for it to go", path,
                        waitForLiveOwner.toSeconds());
                announced = true;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Creates the missing directories on the way to the socket, each {@code rwxr-xr-x} whatever
     * the umask: under umask 000 {@code createDirectories} alone would leave them writable by
     * anyone, who could then replace the socket. The mode is set after creating, because the
     * umask also applies to a mode given at creation. Directories that exist are left alone.
     */
    private static void createDirectories(Path directory) throws IOException {
        Path absolute = directory.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            createDirectories(parent);
        }
        try {
            Files.createDirectory(absolute);
        } catch (FileAlreadyExistsException e) {
            return; // created meanwhile by someone else, whose mode we do not change
        }
        try {
            Files.setPosixFilePermissions(absolute, DIRECTORY_MODE);
        } catch (UnsupportedOperationException e) {
            LOG.debug("{} has no POSIX permissions to set", absolute);
        }
    }

    /** Lets the probe (root) and the socket's group connect, and nobody else. */
    void restrictPermissions() {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw----"));
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not set the permissions of {}: {}", path, e.toString());
        }
    }

    /** The file's identity, to tell our socket from a successor's when removing it. */
    Object fileKey() {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Removes the socket if it is still the one identified by {@code ownKey}. */
    void remove(Object ownKey) {
        try {
            Object key = fileKey();
            if (key != null && (ownKey == null || ownKey.equals(key))) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", path, e.toString());
        }
    }

    private boolean isLive() {
        try (UnixSocketChannel channel = UnixSocketChannel.open(new UnixSocketAddress(path.toFile()))) {
            return channel.isConnected();
        } catch (IOException e) {
            return false;
        }
    }
}
