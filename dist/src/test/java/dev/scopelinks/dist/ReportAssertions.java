package dev.scopelinks.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.probe.ProbeClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/** Polls the plugin socket the way Scope's probe does until the report holds the wanted nodes. */
final class ReportAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportAssertions() {
    }

    /**
     * Polls until every topology key in {@code wanted} has all of its node ids, and returns that
     * report's bytes (answered within the probe's budget); fails with the last report when
     * {@code timeout} passes first.
     */
    static byte[] awaitNodes(ProbeClient probe, Map<String, ? extends Collection<String>> wanted, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] last = new byte[0];
        while (System.nanoTime() < deadline) {
            ProbeClient.Response response;
            try {
                response = probe.pollReport();
            } catch (InterruptedIOException slow) {
                // A cold JVM on a shared machine can miss the 500 ms budget once; Scope's probe
                // simply polls again, and so do we. The report returned did answer within budget.
                Thread.sleep(50); // the poll interval, as the probe's
                continue;
            }
            if (response.status() == 200) {
                last = response.body();
                if (hasAll(JSON.readTree(last), wanted)) {
                    return last;
                }
            }
            Thread.sleep(50); // the poll interval: polling is what is tested, so no Eventually around it
        }
        throw new AssertionError("the report never held " + wanted + "; last report:\n"
                + new String(last, StandardCharsets.UTF_8));
    }

    static JsonNode parse(byte[] report) throws IOException {
        return JSON.readTree(report);
    }

    private static boolean hasAll(JsonNode report, Map<String, ? extends Collection<String>> wanted) {
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().stream()
                .allMatch(id -> report.path(entry.getKey()).path("nodes").has(id)));
    }
}
