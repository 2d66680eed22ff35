package dev.scopelinks.host.report;

import java.util.Objects;

/**
 * One built report, as served.
 *
 * @param body         the JSON bytes
 * @param nodes        how many nodes it holds
 * @param omittedNodes nodes left out to keep the body under the size cap
 */
public record ReportSnapshot(byte[] body, int nodes, int omittedNodes) {

    public ReportSnapshot {
        Objects.requireNonNull(body, "body");
    }
}
