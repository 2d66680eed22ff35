package dev.scopelinks.host.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import jnr.unixsocket.UnixSocketAddress;
import jnr.unixsocket.UnixSocketChannel;

/**
 * Clients that misbehave the ways a hostile or broken neighbour does, each on its own thread, and
 * persistent: when the server closes one, it comes back a second later and misbehaves again (the
 * soak in bench/ comes back after 250 ms).
 */
final class HostileClients implements AutoCloseable {

    /** What one client does on each connection, until the server ends it. */
    enum Behaviour {
        /** Connects and sends nothing. */
        IDLE,
        /** Sends a request head one header line at a time, never finishing it. */
        SLOWLORIS,
        /** Sends bytes that are not HTTP. */
        GARBAGE,
        /** Sends a valid request for the report and reads the answer at 5 bytes a second. */
        SLOW_READER
    }

    /** Opens one connection to the server under test. */
    @FunctionalInterface
    interface Dialer {
        ByteChannel dial() throws IOException;
    }

    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final Dialer dialer;
    private final String requestPath;
    private final List<Thread> threads = new ArrayList<>();
    private final List<ByteChannel> channels = new ArrayList<>();
    private final AtomicInteger connects = new AtomicInteger();
    private volatile boolean running = true;

    private HostileClients(Dialer dialer, String requestPath) {
        this.dialer = dialer;
        this.requestPath = requestPath;
    }

    static HostileClients onUnixSocket(Path socket, String requestPath) {
        return new HostileClients(() -> UnixSocketChannel.open(new UnixSocketAddress(socket.toFile())), requestPath);
    }

    static HostileClients onTcp(InetSocketAddress address, String requestPath) {
        return new HostileClients(() -> SocketChannel.open(address), requestPath);
    }

    /** Starts {@code count} clients behaving as {@code behaviour}. */
    HostileClients start(Behaviour behaviour, int count) {
        for (int i = 0; i < count; i++) {
            long seed = threads.size();
            Thread thread = new Thread(() -> run(behaviour, new Random(seed)), "hostile-" + behaviour + "-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** How many connections the clients have made so far. */
    int connects() {
        return connects.get();
    }

    private void run(Behaviour behaviour, Random random) {
        while (running) {
            try (ByteChannel channel = dialer.dial()) {
                register(channel);
                connects.incrementAndGet();
                misbehave(behaviour, channel, random);
            } catch (IOException e) {
                // the server ended this connection: come back
            } catch (InterruptedException e) {
                return;
            }
            try {
                Thread.sleep(RECONNECT_PAUSE.toMillis()); // a hostile client comes back after a moment
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void misbehave(Behaviour behaviour, ByteChannel channel, Random random)
            throws IOException, InterruptedException {
        switch (behaviour) {
            case IDLE:
                drain(channel, 4096, Duration.ZERO);
                break;
            case SLOWLORIS:
                write(channel, "GET " + requestPath + " HTTP/1.1\r\nHost: plugin\r\n");
                for (int header = 0; running; header++) {
                    Thread.sleep(300); // slowloris: a header line now and then is what this client is
                    write(channel, "X-Slow-" + header + ": 1\r\n");
                }
                break;
            case GARBAGE:
                byte[] noise = new byte[2048];
                random.nextBytes(noise);
                noise[noise.length - 2] = '\r';
                noise[noise.length - 1] = '\n';
                channel.write(ByteBuffer.wrap(noise));
                drain(channel, 4096, Duration.ZERO);
                break;
            default:
                write(channel, "GET " + requestPath + " HTTP/1.1\r\nHost: plugin\r\n\r\n");
                drain(channel, 5, Duration.ofSeconds(1));
        }
    }

    private void drain(ByteChannel channel, int chunk, Duration pause) throws IOException, InterruptedException {
        ByteBuffer buffer = ByteBuffer.allocate(chunk);
        while (running && channel.read(buffer) >= 0) {
            buffer.clear();
            if (!pause.isZero()) {
                Thread.sleep(pause.toMillis()); // a slow reader: reading slowly is what this client is
            }
        }
    }

    private static void write(ByteChannel channel, String text) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    private synchronized void register(ByteChannel channel) {
        channels.add(channel);
        channels.removeIf(open -> !open.isOpen());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        synchronized (this) {
            for (ByteChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }
        for (Thread thread : threads) {
            thread.interrupt();
        }
        // Close the server first: its end of every connection going away is what unblocks these threads.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            thread.join(Math.max(1, left / 1_000_000));
        }
    }
}
