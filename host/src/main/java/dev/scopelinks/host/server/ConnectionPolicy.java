package dev.scopelinks.host.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a server treats its connections so that stalled, idle and slow clients lose, never the
 * poller. At the connection limit a new connection is always taken and the least useful open one
 * is closed instead (one that never completed a request before one that did, the longest idle
 * first, a response in progress last). Every phase of a connection has its own deadline.
 *
 * @param maxConnections  connections served at once; the next one evicts the least useful
 * @param idleTimeout     a connection waiting for its next request this long is closed
 * @param headerTimeout   a request whose head has not fully arrived this long after its first byte is closed
 * @param writeTimeout    a response (reading the request body, handling, writing the whole answer) that
 *                        takes longer is cut off: a client that reads slowly loses its connection
 * @param warnInterval    connections closed for cause are logged as one WARN with counts per interval
 */
public record ConnectionPolicy(int maxConnections, Duration idleTimeout, Duration headerTimeout,
                               Duration writeTimeout, Duration warnInterval) {

    /** Scope's probe sends its request at once and reads fast: 2 s for a head is generous. */
    public static final Duration DEFAULT_HEADER_TIMEOUT = Duration.ofSeconds(2);
    /** The probe gives up after 500 ms; ten times that still lets curl read a large report. */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WARN_INTERVAL = Duration.ofSeconds(60);

    public ConnectionPolicy {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive");
        }
        positive(idleTimeout, "idleTimeout");
        positive(headerTimeout, "headerTimeout");
        positive(writeTimeout, "writeTimeout");
        positive(warnInterval, "warnInterval");
    }

    /** How often deadlines are checked: often enough to enforce the shortest one within a quarter of it. */
    Duration checkPeriod() {
        long shortest = Math.min(idleTimeout.toMillis(), Math.min(headerTimeout.toMillis(), writeTimeout.toMillis()));
        return Duration.ofMillis(Math.max(10, Math.min(250, shortest / 4)));
    }

    private static void positive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }
}
