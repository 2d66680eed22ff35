package dev.scopelinks.host.report;

import java.util.List;
import java.util.Objects;

/**
 * One built report, as served: one body per plugin socket.
 *
 * @param shards       the bodies, the first one on the plugin's own socket; always at least one
 * @param wantedShards how many shards the report needs within the budget and the shard limit; more
 *                     than {@code shards} while the sockets of new shards are being opened
 * @param omittedNodes nodes left out because even the allowed shards could not hold them
 */
public record ReportSnapshot(List<Shard> shards, int wantedShards, int omittedNodes) {

    public ReportSnapshot {
        shards = List.copyOf(shards);
        if (shards.isEmpty()) {
            throw new IllegalArgumentException("a report has at least one shard");
        }
    }

    /**
     * One shard's body.
     *
     * @param pluginId its plugin id, which its socket is named after
     * @param body     the JSON bytes
     * @param nodes    how many nodes it holds
     * @param entries  how many {@code latest} entries (links) it holds
     */
    public record Shard(String pluginId, ReportBody body, int nodes, int entries) {
        public Shard {
            Objects.requireNonNull(pluginId, "pluginId");
            Objects.requireNonNull(body, "body");
        }
    }

    /** The first shard's body: the whole report while it fits one socket. */
    public ReportBody body() {
        return shards.get(0).body();
    }

    /** Nodes served over all shards. */
    public int nodes() {
        return shards.stream().mapToInt(Shard::nodes).sum();
    }

    /** Bytes served over all shards. */
    public long bytes() {
        return shards.stream().mapToLong(shard -> shard.body().length()).sum();
    }

    /** The largest shard's body size. */
    public int largestShardBytes() {
        return shards.stream().mapToInt(shard -> shard.body().length()).max().orElse(0);
    }
}
