package dev.scopelinks.host.report;

/**
 * What one plugin socket may serve, in what Scope's probe pays for: it decodes the whole body
 * inside the same 500 ms as the request, and its decoder, not the transfer, is what takes the
 * time. Measured with Scope v1.13.2's own plugin client on a loaded 2-core machine: 3.4 MB took
 * about 230 ms and 10 MB about 500 ms, so the default keeps every socket near 3 MB. A report that
 * does not fit is split over several sockets ("shards"), up to {@code maxShards}.
 *
 * @param bytes     the body size each socket stays at or under
 * @param nodes     nodes per socket, 0 for no limit beyond {@code bytes}
 * @param entries   {@code latest} entries (links) per socket, 0 for no limit beyond {@code bytes}
 * @param maxShards sockets at most; past them, nodes are left out (and counted)
 */
public record ShardBudget(long bytes, int nodes, int entries, int maxShards) {

    /** Scope's probe refuses larger bodies outright. */
    public static final long SCOPE_BODY_LIMIT = 50L * 1024 * 1024;
    /** The default per-socket body size. */
    public static final long DEFAULT_BYTES = 3_000_000;
    /** The default number of sockets at most. */
    public static final int DEFAULT_MAX_SHARDS = 16;
    /** A shard goes away only once the whole report would fit in one shard fewer below this share of their budget. */
    public static final double SHRINK_BELOW = 0.7;

    public ShardBudget {
        if (bytes < 1024 || bytes > SCOPE_BODY_LIMIT) {
            throw new IllegalArgumentException("the per-socket budget must be between 1024 bytes and Scope's limit of "
                    + SCOPE_BODY_LIMIT + " bytes, not " + bytes);
        }
        if (nodes < 0 || entries < 0) {
            throw new IllegalArgumentException("node and entry budgets must be 0 (no limit) or positive");
        }
        if (maxShards < 1 || maxShards > 999) {
            throw new IllegalArgumentException("the shard limit must be between 1 and 999, not " + maxShards);
        }
    }

    /** The defaults: about 3 MB per socket, no separate node or entry limit, at most 16 sockets. */
    public static ShardBudget defaults() {
        return new ShardBudget(DEFAULT_BYTES, 0, 0, DEFAULT_MAX_SHARDS);
    }

    /** One socket of at most {@code bytes} (capped at Scope's limit), as before sharding existed. */
    public static ShardBudget singleSocket(long bytes) {
        return new ShardBudget(Math.max(1024, Math.min(bytes, SCOPE_BODY_LIMIT)), 0, 0, 1);
    }

    boolean allows(long usedBytes, int usedNodes, int usedEntries) {
        return usedBytes <= bytes && (nodes == 0 || usedNodes <= nodes) && (entries == 0 || usedEntries <= entries);
    }

    /** Whether totals spread over {@code shards} sockets stay below {@code share} of their combined budget. */
    boolean fitsBelow(double share, int shards, long totalBytes, long totalNodes, long totalEntries) {
        return totalBytes < share * shards * bytes && (nodes == 0 || totalNodes < share * shards * nodes)
                && (entries == 0 || totalEntries < share * shards * entries);
    }
}
