package dev.scopelinks.bench;

import dev.scopelinks.host.metrics.HostMetrics;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.report.ReportBody;
import dev.scopelinks.host.server.PluginSocketServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;

/**
 * Soaks the plugin socket: a probe polls once a second, with Scope's 500 ms budget, while
 * persistent hostile clients (300 idle, 100 slowloris, 50 garbage, 32 reading 5 bytes a second,
 * each coming back 250 ms after the server closes it) crowd the socket under the default
 * connection policy. Prints polls answered, latency percentiles, and what the server closed.
 *
 * <p>Run: {@code bench/run soak [minutes] [report bytes]} (default 5 minutes, 1 MiB).
 */
public final class ConnectionSoak {

    private static final String[] REASONS = {"limit", "header-deadline", "write-deadline", "idle"};

    private ConnectionSoak() {
    }

    public static void main(String[] args) throws Exception {
        Duration length = Duration.ofMinutes(args.length > 0 ? Long.parseLong(args[0]) : 5);
        int bodySize = args.length > 1 ? Integer.parseInt(args[1]) : 1 << 20;
        byte[] body = new byte[bodySize];
        Arrays.fill(body, (byte) ' ');
        Path root = Files.createTempDirectory("scope-links-soak");
        Path socket = root.resolve("scope-links/scope-links.sock");
        HostMetrics metrics = new HostMetrics();
        ReportBody served = ReportBody.of(body);
        PluginSocketServer server = new PluginSocketServer(new PluginSocketServer.Settings(socket,
                Duration.ofSeconds(30), Duration.ofSeconds(1), 64), () -> served, metrics);
        server.start();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong connects = new AtomicLong();
        List<Thread> crowd = new ArrayList<>();
        spawn(crowd, 300, "idle", socket, running, connects);
        spawn(crowd, 100, "slowloris", socket, running, connects);
        spawn(crowd, 50, "garbage", socket, running, connects);
        spawn(crowd, 32, "slow-reader", socket, running, connects);

        List<Long> latencies = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        long end = System.nanoTime() + length.toNanos();
        int probeConnections;
        try (ProbeClient probe = new ProbeClient(socket, ProbeClient.PROBE_TIMEOUT, "soak-probe")) {
            while (System.nanoTime() < end) {
                long start = System.nanoTime();
                try {
                    ProbeClient.Response response = probe.pollReport();
                    if (response.status() == 200 && response.body().length == bodySize) {
                        latencies.add(response.nanos());
                    } else {
                        failures.add("poll " + (latencies.size() + failures.size() + 1) + ": status "
                                + response.status());
                    }
                } catch (IOException e) {
                    failures.add("poll " + (latencies.size() + failures.size() + 1) + ": " + e);
                }
                Thread.sleep(Math.max(0, 1000 - (System.nanoTime() - start) / 1_000_000));
            }
            probeConnections = probe.connectionsOpened();
        }
        String metricsText = scrape(metrics);
        long rssKb = rssKb();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        running.set(false);
        server.close();

        latencies.sort(Long::compare);
        int polls = latencies.size() + failures.size();
        System.out.printf("%d min, %d KiB report: %d polls, %d answered within 500 ms, %d failed%n",
                length.toMinutes(), bodySize / 1024, polls, latencies.size(), failures.size());
        if (!latencies.isEmpty()) {
            System.out.printf("poll latency ms: p50 %.1f  p99 %.1f  max %.1f%n", percentile(latencies, 50),
                    percentile(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);
        }
        System.out.printf("the probe opened %d connection(s)%n", probeConnections);
        System.out.printf("hostile connections made: %d; JVM threads at the end: %d (crowd: %d); RSS %d MiB%n",
                connects.get(), threads, crowd.size(), rssKb / 1024);
        for (String reason : REASONS) {
            System.out.printf("evicted %-16s %s%n", reason, sample(metricsText,
                    "scope_links_connections_evicted_total{listener=\"scope-links\",reason=\"" + reason + "\"}"));
        }
        System.out.printf("refused                  %s%n",
                sample(metricsText, "scope_links_connections_refused_total{listener=\"scope-links\"}"));
        failures.stream().limit(10).forEach(failure -> System.out.println("  failure: " + failure));
        System.exit(0);
    }

    private static void spawn(List<Thread> crowd, int count, String behaviour, Path socket, AtomicBoolean running,
                              AtomicLong connects) {
        for (int i = 0; i < count; i++) {
            Random random = new Random(crowd.size());
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    try (UnixSocketChannel channel = UnixSocketChannel.open(new UnixSocketAddress(socket.toFile()))) {
                        connects.incrementAndGet();
                        misbehave(behaviour, channel, random, running);
                    } catch (IOException e) {
                        // closed by the server: come back
                    } catch (InterruptedException e) {
                        return;
                    }
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "soak-" + behaviour + "-" + i);
            thread.setDaemon(true);
            crowd.add(thread);
            thread.start();
        }
    }

    private static void misbehave(String behaviour, UnixSocketChannel channel, Random random, AtomicBoolean running)
            throws IOException, InterruptedException {
        ByteBuffer buffer = ByteBuffer.allocate(behaviour.equals("slow-reader") ? 5 : 4096);
        switch (behaviour) {
            case "slowloris":
                write(channel, "GET /report HTTP/1.1\r\nHost: plugin\r\n");
                for (int header = 0; running.get(); header++) {
                    Thread.sleep(300);
                    write(channel, "X-Slow-" + header + ": 1\r\n");
                }
                return;
            case "garbage":
                byte[] noise = new byte[2048];
                random.nextBytes(noise);
                channel.write(ByteBuffer.wrap(noise));
                break;
            case "slow-reader":
                write(channel, "GET /report HTTP/1.1\r\nHost: plugin\r\n\r\n");
                break;
            default:
                break;
        }
        while (running.get() && channel.read(buffer) >= 0) {
            buffer.clear();
            if (behaviour.equals("slow-reader")) {
                Thread.sleep(1000);
            }
        }
    }

    private static void write(UnixSocketChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String scrape(HostMetrics metrics) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String sample(String text, String series) {
        return text.lines().filter(line -> line.startsWith(series + " ")).map(line -> line.substring(series.length() + 1))
                .findFirst().orElse("0");
    }

    private static long rssKb() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS:"))
                .map(line -> line.replaceAll("\\D", "")).mapToLong(Long::parseLong).findFirst().orElse(0);
    }
}
