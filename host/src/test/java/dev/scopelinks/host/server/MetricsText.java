package dev.scopelinks.host.server;

import dev.scopelinks.host.metrics.HostMetrics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Reads one sample out of the host's Prometheus text output, as a scraper would see it. */
final class MetricsText {

    private MetricsText() {
    }

    /** The value of {@code name{labels}} (labels as written, e.g. {@code listener="admin",reason="limit"}), or 0. */
    static double value(HostMetrics metrics, String name, String labels) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        metrics.writeTo(out);
        String prefix = name + "{" + labels + "} ";
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.parseDouble(line.substring(prefix.length()).trim());
            }
        }
        return 0;
    }
}
