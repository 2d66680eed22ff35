package dev.scopelinks.dist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scopelinks.host.probe.ProbeClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tarball as an operator gets it: unpacked into a fresh directory and run through its launcher. */
class TarballIT {

    private static final String PODS_JAR = "scope-links-provider-pods-0.1.0.jar";

    @TempDir
    static Path unpackDir;

    static UnpackedTarball tarball;

    @TempDir
    Path work;

    @BeforeAll
    static void unpack() throws Exception {
        tarball = UnpackedTarball.unpack(unpackDir);
    }

    @Test
    void shipsLauncherLibrariesOneJarPerProviderConfigAndNotices() {
        assertThat(tarball.resolve("bin/scope-links")).isExecutable();
        assertThat(tarball.resolve("lib")).isDirectoryContaining("glob:**/scope-links-host-*.jar")
                .isDirectoryContaining("glob:**/scope-links-spi-*.jar");
        assertThat(tarball.resolve("providers")).isDirectoryContaining("glob:**/scope-links-provider-deployments-*.jar")
                .isDirectoryContaining("glob:**/scope-links-provider-services-*.jar")
                .isDirectoryContaining("glob:**/" + PODS_JAR);
        assertThat(tarball.resolve("lib")).isDirectoryNotContaining("glob:**/scope-links-provider-*.jar");
        for (String file : List.of("conf/scope-links.yaml", "README", "LICENSE", "THIRD-PARTY", "Dockerfile",
                "k8s/base/kustomization.yaml", "k8s/sidecar/cluster-agent-patch.yaml")) {
            assertThat(tarball.resolve(file)).as(file).isRegularFile();
        }
    }

    @Test
    void validatesTheShippedConfig() throws Exception {
        Command.Result result = tarball.run("validate", "conf/scope-links.yaml");

        assertThat(result.exitCode()).as("%s", result).isZero();
        assertThat(result.stdout()).contains("conf/scope-links.yaml: valid (3 provider(s)");
    }

    @Test
    void rejectsABrokenConfigNamingFileLineAndColumn() throws Exception {
        Path broken = work.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(tarball.resolve("conf/scope-links.yaml"))
                .replace("        label: Dashboard\n        url: \"{{{dashboard}}}/#/service/",
                        "        lable: Dashboard\n        url: \"{{{dashboard}}}/#/service/"));
        int line = lineOf(broken, "lable: Dashboard");

        Command.Result result = tarball.run("validate", broken.toString());

        assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
        assertThat(result.stderr()).containsPattern("broken\\.yaml:" + line + ":\\d+");
    }

    @Test
    void demoServesACheckedReportAndRemovesItsSocketOnSigterm() throws Exception {
        try (RunningHost host = RunningHost.demo(tarball, work.resolve("plugins"))) {
            JsonNode report = host.awaitReportWith(List.of("Deployment", "Service", "Pod"));

            assertThat(report.path("Plugins").get(0).path("id").asText()).isEqualTo("scope-links");
            assertThat(host.terminate()).as("exit code after SIGTERM").isZero();
            assertThat(host.socket()).doesNotExist();
        }
    }

    @Test
    void aProviderJarRemovedIsGoneFromTheReportAndAddedBackIsPickedUp() throws Exception {
        Path parked = work.resolve(PODS_JAR);
        Files.move(tarball.resolve("providers/" + PODS_JAR), parked);
        try {
            // The built-in demo config names Pod; without its provider the config must not mention it.
            Path config = work.resolve("no-pods.yaml");
            Files.writeString(config, String.join("\n",
                    "apiVersion: scope-links/v1",
                    "plugin: {id: scope-links, label: Links}",
                    "providers:",
                    "  Deployment:",
                    "    links: [{id: home, label: Home, url: \"https://example.com/d/{{namespace}}/{{name}}\"}]",
                    "  Service:",
                    "    links: [{id: home, label: Home, url: \"https://example.com/s/{{namespace}}/{{name}}\"}]",
                    ""));
            try (RunningHost host = RunningHost.demo(tarball, work.resolve("without"), "--config", config.toString())) {
                JsonNode report = host.awaitReportWith(List.of("Deployment", "Service"));

                assertThat(report.path("Pod").path("nodes").size()).as("Pod nodes without the Pod provider").isZero();
                assertThat(host.terminate()).isZero();
            }
            Command.Result refused = tarball.run("validate", tarball.resolve("conf/scope-links.yaml").toString());
            assertThat(refused.exitCode()).as("%s", refused).isEqualTo(2);
            assertThat(refused.stderr()).contains("Pod");
        } finally {
            Files.move(parked, tarball.resolve("providers/" + PODS_JAR));
        }

        try (RunningHost host = RunningHost.demo(tarball, work.resolve("with"))) {
            JsonNode report = host.awaitReportWith(List.of("Deployment", "Service", "Pod"));

            assertThat(report.path("Pod").path("nodes").size()).isPositive();
            assertThat(host.terminate()).isZero();
        }
    }

    @Test
    void aHostKilledWithSigkillLeavesAStaleSocketThatTheNextStartReplaces() throws Exception {
        Path socketDir = work.resolve("plugins");
        try (RunningHost killed = RunningHost.demo(tarball, socketDir)) {
            killed.awaitReportWith(List.of("Deployment"));
            killed.kill();
            assertThat(killed.socket()).as("SIGKILL leaves the socket file behind").exists();
        }

        try (RunningHost next = RunningHost.demo(tarball, socketDir)) {
            next.awaitReportWith(List.of("Deployment", "Service", "Pod"));
            try (ProbeClient probe = new ProbeClient(next.socket(), ProbeClient.PROBE_TIMEOUT, "dist-it")) {
                for (int poll = 0; poll < 3; poll++) {
                    assertThat(probe.pollReport().status()).isEqualTo(200);
                }
            }
            assertThat(next.log()).contains("Removing stale socket");
            assertThat(next.terminate()).isZero();
        }
    }

    private static int lineOf(Path file, String text) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }
}
