package dev.scopelinks.host.report;

import dev.scopelinks.spi.ScopeTopology;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Assembles the report body from the layout and the model's node fragments. Scope refuses bodies
 * over 50 MB and would then drop every link; past the cap the writer leaves nodes out (and says
 * how many) so the rest still arrive.
 */
final class ReportWriter {

    /** Scope's probe refuses larger bodies; stay clear of it. */
    static final long SCOPE_BODY_LIMIT = 50L * 1024 * 1024;

    private static final byte[] NODES_OPEN = ":{\"nodes\":{".getBytes(StandardCharsets.US_ASCII);
    private static final int CLOSING_RESERVE = 64;

    private final long maxBytes;

    ReportWriter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    ReportSnapshot write(ReportLayout layout, ReportModel model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        out.write('{');
        out.writeBytes(layout.plugins());
        int[] nodes = {0};
        int[] omitted = {0};
        for (ScopeTopology topology : layout.topologies()) {
            byte[] templates = layout.templates().get(topology);
            out.write(',');
            out.writeBytes(ReportModel.quoted(topology.reportKey()));
            out.writeBytes(NODES_OPEN);
            long budget = maxBytes - templates.length - CLOSING_RESERVE;
            boolean[] first = {true};
            model.forEachFragment(topology, fragment -> {
                if (out.size() + fragment.length + 1 > budget) {
                    omitted[0]++;
                    return;
                }
                if (!first[0]) {
                    out.write(',');
                }
                first[0] = false;
                out.writeBytes(fragment);
                nodes[0]++;
            });
            out.writeBytes("},".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(templates);
            out.write('}');
        }
        out.write('}');
        return new ReportSnapshot(out.toByteArray(), nodes[0], omitted[0]);
    }
}
