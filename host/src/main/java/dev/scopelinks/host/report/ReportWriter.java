package dev.scopelinks.host.report;

import dev.scopelinks.spi.ScopeTopology;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the report body from the layout and the model's node fragments. The fragments are
 * gathered first and the body is allocated at its exact size, so a rebuild of a 40 MB report
 * copies each byte once instead of through a growing buffer.
 *
 * <p>Scope refuses bodies over 50 MB and would then drop every link; past the cap the writer
 * leaves nodes out (and says how many) so the rest still arrive.
 */
final class ReportWriter {

    /** Scope's probe refuses larger bodies; stay clear of it. */
    static final long SCOPE_BODY_LIMIT = 50L * 1024 * 1024;

    private static final byte[] NODES_OPEN = ":{\"nodes\":{".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NODES_CLOSE = "},".getBytes(StandardCharsets.US_ASCII);

    private final long maxBytes;

    ReportWriter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    ReportSnapshot write(ReportLayout layout, ReportModel model) {
        List<byte[]> parts = new ArrayList<>();
        parts.add(layout.plugins());
        // The fixed parts are counted first, so the cap leaves room for every topology's frame.
        long[] size = {2 + layout.plugins().length};
        List<byte[]> keys = new ArrayList<>();
        for (ScopeTopology topology : layout.topologies()) {
            byte[] key = ReportModel.quoted(topology.reportKey());
            keys.add(key);
            size[0] += 1 + key.length + NODES_OPEN.length + NODES_CLOSE.length + layout.templates().get(topology).length
                    + 1;
        }
        int[] nodes = {0};
        int[] omitted = {0};
        int topologyIndex = 0;
        for (ScopeTopology topology : layout.topologies()) {
            parts.add(keys.get(topologyIndex++));
            int before = nodes[0];
            model.forEachFragment(topology, fragment -> {
                long grown = size[0] + fragment.length + 1;
                if (grown > maxBytes) {
                    omitted[0]++;
                    return;
                }
                size[0] = grown;
                parts.add(fragment);
                nodes[0]++;
            });
            if (nodes[0] > before) {
                size[0]--; // n fragments need n - 1 commas
            }
            parts.add(null); // ends this topology's fragments
            parts.add(layout.templates().get(topology));
        }
        byte[] body = new byte[Math.toIntExact(size[0])];
        int at = 0;
        body[at++] = '{';
        at = copy(layout.plugins(), body, at);
        int index = 1;
        for (int t = 0; t < layout.topologies().size(); t++) {
            body[at++] = ',';
            at = copy(parts.get(index++), body, at);
            at = copy(NODES_OPEN, body, at);
            boolean first = true;
            while (parts.get(index) != null) {
                if (!first) {
                    body[at++] = ',';
                }
                first = false;
                at = copy(parts.get(index++), body, at);
            }
            index++;
            at = copy(NODES_CLOSE, body, at);
            at = copy(parts.get(index++), body, at);
            body[at++] = '}';
        }
        body[at] = '}';
        return new ReportSnapshot(body, nodes[0], omitted[0]);
    }

    private static int copy(byte[] source, byte[] target, int at) {
        System.arraycopy(source, 0, target, at, source.length);
        return at + source.length;
    }
}
