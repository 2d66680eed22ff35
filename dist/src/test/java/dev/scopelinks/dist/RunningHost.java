package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scopelinks.host.probe.ProbeClient;
import dev.scopelinks.host.probe.ReportChecker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A host started by the launcher, seen the way Scope's probe sees it: through its socket. */
final class RunningHost implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_BUDGET = Duration.ofSeconds(120);

    private final Process process;
    private final Path socket;
    private final Path log;

    private RunningHost(Process process, Path socket, Path log) {
        this.process = process;
        this.socket = socket;
        this.log = log;
    }

    /** Starts {@code bin/scope-links demo --socket-dir socketDir --admin-port -1 extraArgs}. */
    static RunningHost demo(UnpackedTarball tarball, Path socketDir, String... extraArgs) throws IOException {
        Path log = Files.createTempFile(socketDir.getParent(), "host-", ".log");
        String[] args = new String[4 + extraArgs.length];
        args[0] = "demo";
        args[1] = "--socket-dir";
        args[2] = socketDir.toString();
        args[3] = "--admin-port=-1";
        System.arraycopy(extraArgs, 0, args, 4, extraArgs.length);
        return new RunningHost(tarball.start(log, args), socketDir.resolve("scope-links/scope-links.sock"), log);
    }

    Path socket() {
        return socket;
    }

    /**
     * Polls like Scope's probe until the report has nodes in every one of {@code topologies}, and
     * returns it after checking it as Scope would.
     */
    JsonNode awaitReportWith(List<String> topologies) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_BUDGET.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the host is running; its log:\n%s", log()).isTrue();
            if (Files.exists(socket)) {
                try (ProbeClient probe = new ProbeClient(socket, Duration.ofSeconds(5), "dist-it")) {
                    ProbeClient.Response response = probe.pollReport();
                    last = response.status() + " " + response.bodyText();
                    if (response.status() == 200) {
                        JsonNode report = JSON.readTree(response.body());
                        if (topologies.stream().allMatch(key -> report.path(key).path("nodes").size() > 0)) {
                            List<ReportChecker.Finding> findings = new ReportChecker().check(response.body(),
                                    "scope-links");
                            assertThat(ReportChecker.worst(findings)).as("findings %s", findings)
                                    .isEmpty();
                            return report;
                        }
                    }
                } catch (IOException e) {
                    last = e.toString();
                }
            }
            Thread.sleep(200); // the poll interval of this wait (each round also checks that the process lives)
        }
        throw new AssertionError("no report with nodes in " + topologies + " within " + START_BUDGET.toSeconds()
                + " s; last answer: " + last + "\nlog:\n" + log());
    }

    /** Sends SIGTERM and returns the exit code. */
    int terminate() throws InterruptedException, IOException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s; log:\n%s", log()).isTrue();
        return process.exitValue();
    }

    /** Sends SIGKILL: nothing is cleaned up. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
