package dev.scopelinks.host.server;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Turns connections closed for cause into at most one WARN line per interval, with counts per
 * reason. A flood of bad clients must not flood the log: one line per refused connection once
 * wrote megabytes a second. The first event is logged at once, later ones when the interval has
 * passed (on the next event or the next deadline check), and whatever is left when the server stops.
 */
final class ConnectionWarnings {

    private final Logger log;
    private final String listener;
    private final long intervalNanos;
    private final Map<String, Long> pending = new TreeMap<>();
    private long lastLogged;
    private boolean loggedBefore;

    ConnectionWarnings(Logger log, String listener, Duration interval) {
        this.log = log;
        this.listener = listener;
        this.intervalNanos = interval.toNanos();
    }

    synchronized void record(String reason) {
        pending.merge(reason, 1L, Long::sum);
        flushIfDue();
    }

    /** Logs what has gathered if the interval has passed since the last line. */
    synchronized void flushIfDue() {
        if (!pending.isEmpty() && (!loggedBefore || System.nanoTime() - lastLogged >= intervalNanos)) {
            flush();
        }
    }

    /** Logs whatever has gathered, due or not. */
    synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        long total = pending.values().stream().mapToLong(Long::longValue).sum();
        String reasons = pending.entrySet().stream().map(entry -> entry.getKey() + ": " + entry.getValue())
                .collect(Collectors.joining(", "));
        log.warn("{}: closed {} stalled, slow or surplus connection(s){} ({}) so that Scope's probe stays served; "
                        + "see scope_links_connections_evicted_total and _refused_total", listener, total,
                loggedBefore ? " since the last such line" : "", reasons);
        pending.clear();
        lastLogged = System.nanoTime();
        loggedBefore = true;
    }
}
