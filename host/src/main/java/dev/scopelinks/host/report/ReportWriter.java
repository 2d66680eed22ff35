package dev.scopelinks.host.report;

import dev.scopelinks.host.report.ReportModel.ServedNode;
import dev.scopelinks.spi.ScopeTopology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Assembles the report bodies from the layout and the model's node fragments: decides how many
 * plugin sockets ("shards") the report needs within the {@link ShardBudget}, places every node on
 * one of them, and writes each shard's body at its exact size, so a rebuild copies each byte once.
 *
 * <p><b>Placement.</b> A node's shard is a jump consistent hash of its node id over the number of
 * shards: it depends on nothing else, so a node stays on its shard while others come and go, and
 * going from n to n + 1 shards moves only about 1 / (n + 1) of the nodes, all onto the new one.
 * Each shard carries the templates of the topologies it has nodes of, and no empty topology.
 *
 * <p><b>How many.</b> With hysteresis: a shard is added only when some shard would exceed the
 * budget, and removed only when the whole report would fit in one shard fewer at under
 * {@link ShardBudget#SHRINK_BELOW} of their budget, so a cluster hovering at a boundary does not
 * make sockets come and go.
 *
 * <p><b>Past the shard limit.</b> A shard that is still over budget keeps its nodes in a fixed
 * priority up to the budget and leaves the rest out, and says how many: never a body Scope cannot
 * decode in time. The priority is {@link #KEEP_FIRST}'s topology order (the few nodes that stand for
 * much, Hosts, Namespaces and workloads, before the many Pods and Containers), then the node id's
 * hash, so the same nodes are left out on every rebuild.
 */
final class ReportWriter {

    /** Scope's probe refuses larger bodies. */
    static final long SCOPE_BODY_LIMIT = ShardBudget.SCOPE_BODY_LIMIT;

    private static final byte[] NODES_OPEN = ":{\"nodes\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] COMMA = {','};
    private static final byte[] CLOSE = {'}'};
    /** Per topology beyond its key and templates: the comma before it, NODES_OPEN and two closing braces. */
    private static final int FRAME = 1 + NODES_OPEN.length + 2;
    private static final Comparator<ServedNode> PRIORITY = (a, b) -> Long.compareUnsigned(a.idHash(), b.idHash());

    /** Which topologies' nodes are kept first when not all fit; this is also their order in a body. */
    static final List<ScopeTopology> KEEP_FIRST = List.of(ScopeTopology.HOST, ScopeTopology.NAMESPACE,
            ScopeTopology.DEPLOYMENT, ScopeTopology.DAEMON_SET, ScopeTopology.STATEFUL_SET, ScopeTopology.CRON_JOB,
            ScopeTopology.JOB, ScopeTopology.SERVICE, ScopeTopology.PERSISTENT_VOLUME,
            ScopeTopology.PERSISTENT_VOLUME_CLAIM, ScopeTopology.STORAGE_CLASS, ScopeTopology.VOLUME_SNAPSHOT,
            ScopeTopology.VOLUME_SNAPSHOT_DATA, ScopeTopology.POD, ScopeTopology.CONTAINER);

    private final ShardBudget budget;

    ReportWriter(ShardBudget budget) {
        this.budget = budget;
    }

    /** A writer for one socket of at most {@code maxBytes}. */
    ReportWriter(long maxBytes) {
        this(ShardBudget.singleSocket(maxBytes));
    }

    /** Writes the report on one socket, or as many as the budget asks for and the shard limit allows. */
    ReportSnapshot write(ReportLayout layout, ReportModel model) {
        return write(layout, model, 1, budget.maxShards());
    }

    /**
     * Writes the report.
     *
     * @param current how many shards are served now, for the hysteresis
     * @param serving how many shard sockets are open; nodes go onto no more shards than that
     */
    ReportSnapshot write(ReportLayout layout, ReportModel model, int current, int serving) {
        Nodes nodes = Nodes.of(layout, model);
        int wanted = wanted(layout, nodes, current);
        int count = Math.max(1, Math.min(wanted, serving));
        List<ReportSnapshot.Shard> shards = new ArrayList<>(count);
        int omitted = 0;
        List<List<List<ServedNode>>> placed = place(nodes, count);
        for (int shard = 0; shard < count; shard++) {
            List<List<ServedNode>> own = placed.get(shard);
            byte[] plugins = layout.plugins(shard, count);
            omitted += admit(nodes, plugins, own);
            shards.add(body(layout.shardId(shard), plugins, nodes, own));
        }
        return new ReportSnapshot(shards, wanted, omitted);
    }

    /** The whole report as one body, whatever its size: for printing it, not for serving it. */
    byte[] writeWhole(ReportLayout layout, ReportModel model) {
        Nodes nodes = Nodes.of(layout, model);
        return body(layout.pluginId(), layout.plugins(0, 1), nodes, place(nodes, 1).get(0)).body().toByteArray();
    }

    /** How many shards the report should have now, starting from {@code current}. */
    private int wanted(ReportLayout layout, Nodes nodes, int current) {
        int max = budget.maxShards();
        int count = Math.max(1, Math.min(current, max));
        Tally now = tally(layout, nodes, count);
        if (now.over(budget)) {
            // Jump to what the bytes alone ask for, then step: balanced shards rarely need a second step.
            count = (int) Math.max(count + 1, Math.min(max, (now.bytes() + budget.bytes() - 1) / budget.bytes()));
            while (count < max && tally(layout, nodes, count).over(budget)) {
                count++;
            }
            return Math.min(count, max);
        }
        while (count > 1) {
            // Today's totals decide (one shard fewer differs only by one shard's framing, a few hundred
            // bytes), so a report that stays put costs no second pass over its nodes.
            if (!budget.fitsBelow(ShardBudget.SHRINK_BELOW, count - 1, now.bytes(), now.nodes(), now.entries())) {
                break;
            }
            Tally fewer = tally(layout, nodes, count - 1);
            if (fewer.over(budget)) {
                break;
            }
            count--;
            now = fewer;
        }
        return count;
    }

    /** What each of {@code count} shards would hold if every node were served. */
    private static Tally tally(ReportLayout layout, Nodes nodes, int count) {
        long[] bytes = new long[count];
        int[] nodeCounts = new int[count];
        int[] entries = new int[count];
        for (int shard = 0; shard < count; shard++) {
            bytes[shard] = 2 + layout.plugins(shard, count).length;
        }
        for (int t = 0; t < nodes.topologies(); t++) {
            boolean[] present = new boolean[count];
            for (ServedNode node : nodes.of(t)) {
                int shard = shardOf(node.idHash(), count);
                if (!present[shard]) {
                    present[shard] = true;
                    bytes[shard] += nodes.frame(t);
                }
                bytes[shard] += node.fragment().length + 1;
                nodeCounts[shard]++;
                entries[shard] += node.entries();
            }
        }
        return new Tally(bytes, nodeCounts, entries);
    }

    /** Per shard, per topology (in layout order), the nodes placed on it. */
    private static List<List<List<ServedNode>>> place(Nodes nodes, int count) {
        List<List<List<ServedNode>>> placed = new ArrayList<>(count);
        for (int shard = 0; shard < count; shard++) {
            List<List<ServedNode>> perTopology = new ArrayList<>(nodes.topologies());
            for (int t = 0; t < nodes.topologies(); t++) {
                perTopology.add(new ArrayList<>(count == 1 ? nodes.of(t).size() : nodes.of(t).size() / count + 16));
            }
            placed.add(perTopology);
        }
        for (int t = 0; t < nodes.topologies(); t++) {
            for (ServedNode node : nodes.of(t)) {
                placed.get(shardOf(node.idHash(), count)).get(t).add(node);
            }
        }
        return placed;
    }

    /**
     * Drops from {@code own} what does not fit the budget, keeping nodes in priority order; returns
     * how many went. Within budget, nothing is sorted or dropped.
     */
    private int admit(Nodes nodes, byte[] plugins, List<List<ServedNode>> own) {
        long bytes = 2 + plugins.length;
        int count = 0;
        int entries = 0;
        for (int t = 0; t < own.size(); t++) {
            if (!own.get(t).isEmpty()) {
                bytes += nodes.frame(t);
            }
            for (ServedNode node : own.get(t)) {
                bytes += node.fragment().length + 1;
                entries += node.entries();
            }
            count += own.get(t).size();
        }
        if (budget.allows(bytes, count, entries)) {
            return 0;
        }
        bytes = 2 + plugins.length;
        count = 0;
        entries = 0;
        int omitted = 0;
        boolean full = false;
        for (int t = 0; t < own.size(); t++) {
            List<ServedNode> list = own.get(t);
            if (full) {
                omitted += list.size();
                list.clear();
                continue;
            }
            list.sort(PRIORITY);
            long frame = nodes.frame(t);
            int kept = 0;
            for (ServedNode node : list) {
                long grown = bytes + node.fragment().length + 1 + (kept == 0 ? frame : 0);
                if (!budget.allows(grown, count + 1, entries + node.entries())) {
                    full = true;
                    break;
                }
                bytes = grown;
                count++;
                entries += node.entries();
                kept++;
            }
            omitted += list.size() - kept;
            list.subList(kept, list.size()).clear();
        }
        return omitted;
    }

    private static ReportSnapshot.Shard body(String pluginId, byte[] plugins, Nodes nodes,
                                             List<List<ServedNode>> own) {
        long size = 2 + plugins.length;
        int count = 0;
        int entries = 0;
        int pieceCount = 2;
        for (int t = 0; t < own.size(); t++) {
            if (!own.get(t).isEmpty()) {
                size += nodes.frame(t);
                pieceCount += 2 + 2 * own.get(t).size() - 1;
            }
            for (ServedNode node : own.get(t)) {
                size += node.fragment().length + 1;
                entries += node.entries();
            }
            count += own.get(t).size();
        }
        byte[][] pieces = new byte[pieceCount][];
        int at = 0;
        byte[] open = new byte[1 + plugins.length];
        open[0] = '{';
        System.arraycopy(plugins, 0, open, 1, plugins.length);
        pieces[at++] = open;
        for (int t = 0; t < own.size(); t++) {
            List<ServedNode> list = own.get(t);
            if (list.isEmpty()) {
                continue;
            }
            pieces[at++] = nodes.open(t);
            boolean first = true;
            for (ServedNode node : list) {
                if (!first) {
                    pieces[at++] = COMMA;
                }
                first = false;
                pieces[at++] = node.fragment();
            }
            pieces[at++] = nodes.close(t);
        }
        pieces[at++] = CLOSE;
        long written = 0;
        for (byte[] piece : pieces) {
            written += piece.length;
        }
        if (at != pieces.length || written != size) {
            throw new IllegalStateException("report size miscounted: " + written + " of " + size + " bytes in " + at
                    + " of " + pieces.length + " pieces");
        }
        return new ReportSnapshot.Shard(pluginId, ReportBody.ofPieces(pieces, Math.toIntExact(size)), count, entries);
    }

    /**
     * Lamping and Veach's jump consistent hash: the bucket of {@code key} among {@code buckets}.
     * Growing from n to n + 1 buckets moves exactly the keys that land in the new bucket.
     */
    static int shardOf(long key, int buckets) {
        long bucket = -1;
        long next = 0;
        while (next < buckets) {
            bucket = next;
            key = key * 2862933555777941757L + 1;
            next = (long) ((bucket + 1) * ((double) (1L << 31) / (double) ((key >>> 33) + 1)));
        }
        return (int) bucket;
    }

    private static int rank(ScopeTopology topology) {
        int rank = KEEP_FIRST.indexOf(topology);
        return rank < 0 ? KEEP_FIRST.size() : rank;
    }

    private static int copy(byte[] source, byte[] target, int at) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }

    /** Every node of the model, per topology in layout order, with the topologies' fixed parts. */
    private record Nodes(List<List<ServedNode>> perTopology, List<byte[]> keys, List<byte[]> templates,
                         List<byte[]> opens, List<byte[]> closes) {

        static Nodes of(ReportLayout layout, ReportModel model) {
            List<List<ServedNode>> perTopology = new ArrayList<>();
            List<byte[]> keys = new ArrayList<>();
            List<byte[]> templates = new ArrayList<>();
            List<ScopeTopology> order = new ArrayList<>(layout.topologies());
            order.sort(Comparator.comparingInt(ReportWriter::rank));
            for (ScopeTopology topology : order) {
                List<ServedNode> list = new ArrayList<>(model.nodeCount(topology) + 16);
                model.forEachNode(topology, list::add);
                perTopology.add(list);
                keys.add(ReportModel.quoted(topology.reportKey()));
                templates.add(layout.templates().get(topology));
            }
            List<byte[]> opens = new ArrayList<>();
            List<byte[]> closes = new ArrayList<>();
            for (int t = 0; t < keys.size(); t++) {
                opens.add(concat(COMMA, keys.get(t), NODES_OPEN));
                closes.add(concat(CLOSE, templates.get(t), CLOSE));
            }
            return new Nodes(perTopology, keys, templates, opens, closes);
        }

        private static byte[] concat(byte[]... parts) {
            int size = 0;
            for (byte[] part : parts) {
                size += part.length;
            }
            byte[] joined = new byte[size];
            int at = 0;
            for (byte[] part : parts) {
                at = copy(part, joined, at);
            }
            return joined;
        }

        /** What a shard's part of this topology starts with: {@code ,"<key>":{"nodes":{}. */
        byte[] open(int topology) {
            return opens.get(topology);
        }

        /** What it ends with: the nodes' closing brace, the templates, the topology's closing brace. */
        byte[] close(int topology) {
            return closes.get(topology);
        }

        int topologies() {
            return perTopology.size();
        }

        List<ServedNode> of(int topology) {
            return perTopology.get(topology);
        }

        /** The bytes a topology costs in a shard beyond its nodes (one comma fewer than nodes included). */
        long frame(int topology) {
            return FRAME - 1L + keys.get(topology).length + templates.get(topology).length;
        }
    }

    /** What each shard would hold. */
    private record Tally(long[] perShardBytes, int[] perShardNodes, int[] perShardEntries) {

        boolean over(ShardBudget budget) {
            for (int shard = 0; shard < perShardBytes.length; shard++) {
                if (!budget.allows(perShardBytes[shard], perShardNodes[shard], perShardEntries[shard])) {
                    return true;
                }
            }
            return false;
        }

        long bytes() {
            long sum = 0;
            for (long value : perShardBytes) {
                sum += value;
            }
            return sum;
        }

        long nodes() {
            long sum = 0;
            for (int value : perShardNodes) {
                sum += value;
            }
            return sum;
        }

        long entries() {
            long sum = 0;
            for (int value : perShardEntries) {
                sum += value;
            }
            return sum;
        }
    }
}
