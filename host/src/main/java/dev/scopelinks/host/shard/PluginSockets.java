package dev.scopelinks.host.shard;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.report.ReportLayout;
import dev.scopelinks.host.report.ReportPublisher;
import dev.scopelinks.host.report.ReportSnapshot;
import dev.scopelinks.host.server.PluginSocketServer;
import dev.scopelinks.host.server.SocketInUseException;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One plugin socket per shard of the report: {@code <root>/<id>/<id>.sock} always, and
 * {@code <root>/<id>-2/<id>-2.sock}, {@code <id>-3}, … while the report needs them. Scope's probe
 * finds every socket under its plugin root and polls each as a plugin of its own, with its own
 * 500 ms, so each shard gets a full decode budget; its footer lists every shard.
 *
 * <p>The first socket opens with the host and its failure fails the start. Further sockets open in
 * the background (a predecessor may still hold one for up to the takeover wait), and only an open
 * socket gets nodes; they close right after a rebuild has moved their nodes away. Sockets of higher
 * shards left behind by a killed instance are removed at start, since the probe would show them as
 * plugins in error.
 */
public final class PluginSockets implements ReportPublisher.Sockets, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PluginSockets.class);
    /** How soon a shard socket that could not be opened is tried again. */
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final Function<Path, PluginSocketServer.Settings> settings;
    private final Function<String, Path> socketPath;
    private final ReportPublisher publisher;
    private final HostMetrics metrics;
    private final ScheduledExecutorService opener;
    private final AtomicBoolean openPending = new AtomicBoolean();
    private final Set<Integer> failedBefore = new HashSet<>();
    private final List<PluginSocketServer> servers = new ArrayList<>();
    private volatile int serving;
    private boolean closed;

    /**
     * @param socketPath the socket path of a plugin id
     * @param settings   the server settings for a socket path
     * @param publisher  the report whose shards the sockets serve
     */
    public PluginSockets(Function<String, Path> socketPath, Function<Path, PluginSocketServer.Settings> settings,
                         ReportPublisher publisher, HostMetrics metrics) {
        this.socketPath = Objects.requireNonNull(socketPath, "socketPath");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.opener = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "plugin-sockets");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Opens the plugin's own socket (returning once it answers) and starts following the report's shards. */
    public void start() throws IOException, SocketInUseException, InterruptedException {
        PluginSocketServer first = server(0);
        first.start();
        synchronized (this) {
            servers.add(first);
            serving = 1;
        }
        opener.execute(this::removeStaleShards);
        publisher.serveOn(this);
    }

    /** The plugin's own socket. */
    public Path socketPath() {
        return socketPath.apply(publisher.layout().pluginId());
    }

    /** Every socket open now, the plugin's own first. */
    public synchronized List<Path> socketPaths() {
        return servers.stream().map(PluginSocketServer::socketPath).toList();
    }

    @Override
    public int serving() {
        return serving;
    }

    /** Healthy while every open socket still accepts. */
    public synchronized boolean isRunning() {
        return !servers.isEmpty() && servers.stream().allMatch(PluginSocketServer::isRunning);
    }

    @Override
    public void reconcile(ReportSnapshot snapshot) {
        int keep = Math.max(1, Math.max(snapshot.wantedShards(), snapshot.shards().size()));
        List<PluginSocketServer> surplus = new ArrayList<>();
        synchronized (this) {
            // Runs on the builder thread right after the snapshot that emptied these shards went out,
            // so no rebuild can hand them nodes again before they are gone.
            while (servers.size() > keep) {
                surplus.add(servers.remove(servers.size() - 1));
            }
            serving = servers.size();
        }
        surplus.forEach(this::closeShard);
        if (snapshot.wantedShards() > serving) {
            requestOpen();
        }
    }

    private void requestOpen() {
        if (openPending.compareAndSet(false, true)) {
            try {
                opener.execute(this::openWanted);
            } catch (RejectedExecutionException stopped) {
                openPending.set(false);
            }
        }
    }

    private void openWanted() {
        openPending.set(false);
        boolean opened = false;
        while (true) {
            int index;
            synchronized (this) {
                index = servers.size();
                if (closed || index >= publisher.snapshot().wantedShards()) {
                    break;
                }
            }
            PluginSocketServer server = server(index);
            try {
                server.start();
            } catch (IOException | SocketInUseException | RuntimeException e) {
                server.close();
                if (failedBefore.add(index)) {
                    LOG.error("Could not open the socket of shard {} ({}): {}. Its nodes stay out of the report "
                            + "until it opens; trying again every {} s", index + 1, socketPath(index), e.getMessage(),
                            RETRY.toSeconds());
                }
                retryLater();
                break;
            } catch (InterruptedException e) {
                server.close();
                Thread.currentThread().interrupt();
                break;
            }
            boolean kept;
            synchronized (this) {
                kept = !closed && index == servers.size() && index < publisher.snapshot().wantedShards();
                if (kept) {
                    servers.add(server);
                    serving = servers.size();
                }
            }
            if (!kept) {
                closeShard(server);
                break;
            }
            failedBefore.remove(index);
            opened = true;
        }
        if (opened) {
            publisher.requestRebuild();
        }
    }

    private void retryLater() {
        try {
            opener.schedule(this::requestOpen, RETRY.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopped) {
            // closing
        }
    }

    private PluginSocketServer server(int index) {
        return new PluginSocketServer(settings.apply(socketPath(index)), () -> publisher.body(index), metrics);
    }

    private Path socketPath(int index) {
        return socketPath.apply(publisher.layout().shardId(index));
    }

    /** Closes a shard's socket and, for shards beyond the first, its then empty directory. */
    private void closeShard(PluginSocketServer server) {
        server.close();
        removeEmptyDirectory(server.socketPath().getParent());
    }

    /**
     * Removes sockets of shards this instance does not serve that nothing answers on: left by a
     * killed instance that had more shards. A live one (a predecessor still running) stays.
     */
    private void removeStaleShards() {
        String pluginId = publisher.layout().pluginId();
        Path root = socketPath(0).getParent().getParent();
        Pattern shardName = Pattern.compile(Pattern.quote(pluginId) + "-([2-9]|[1-9][0-9]{1,2})");
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(root)) {
            candidates = entries.filter(entry -> shardName.matcher(entry.getFileName().toString()).matches()).toList();
        } catch (IOException e) {
            LOG.debug("Could not look for stale shard sockets in {}: {}", root, e.toString());
            return;
        }
        for (Path directory : candidates) {
            Matcher matcher = shardName.matcher(directory.getFileName().toString());
            matcher.matches();
            int index = Integer.parseInt(matcher.group(1)) - 1;
            Path path = socketPath(index);
            if (!isSocketFile(path) || answers(path)) {
                continue;
            }
            synchronized (this) {
                if (closed || index < servers.size()) {
                    continue;
                }
                try {
                    Files.deleteIfExists(path);
                    LOG.info("Removed stale shard socket {} (nothing answers on it)", path);
                } catch (IOException e) {
                    LOG.warn("Could not remove stale shard socket {}: {}", path, e.toString());
                }
            }
            removeEmptyDirectory(directory);
        }
    }

    private static boolean isSocketFile(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean answers(Path path) {
        try (UnixSocketChannel channel = UnixSocketChannel.open(new UnixSocketAddress(path.toFile()))) {
            return channel.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void removeEmptyDirectory(Path directory) {
        if (directory == null || directory.equals(socketPath(0).getParent())) {
            return;
        }
        try {
            Files.deleteIfExists(directory);
        } catch (DirectoryNotEmptyException e) {
            LOG.trace("{} still holds files; left in place", directory);
        } catch (IOException e) {
            LOG.debug("Could not remove {}: {}", directory, e.toString());
        }
    }

    /** Closes every socket, the plugin's own last, and removes their files. */
    @Override
    public void close() {
        List<PluginSocketServer> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(servers);
            servers.clear();
            serving = 0;
        }
        opener.shutdownNow();
        try {
            opener.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            closeShard(all.get(i));
        }
    }
}
