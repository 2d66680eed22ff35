package dev.scopelinks.providers.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String NODE = """
            apiVersion: v1
            kind: Node
            metadata:
              name: worker-3
              uid: 7a1e0c52-0009-4c1a-9a00-000000000009
              labels:
                topology.kubernetes.io/zone: eu-west-1a
                topology.kubernetes.io/region: eu-west-1
                node.kubernetes.io/instance-type: m5.large
            spec:
              providerID: aws:///eu-west-1a/i-0abc123
            status:
              addresses:
                - {type: InternalIP, address: 10.0.1.17}
                - {type: ExternalIP, address: 203.0.113.7}
                - {type: Hostname, address: ip-10-0-1-17}
              nodeInfo:
                kubeletVersion: v1.29.4
                osImage: Ubuntu 22.04.4 LTS
                kernelVersion: 6.5.0-1020-aws
                architecture: amd64
                containerRuntimeVersion: containerd://1.7.13
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new HostLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return NODE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of("worker-3;<host>");
    }

    @Test
    void namesTheHostNodeAfterTheNodeNotItsUid() {
        assertThat(harness().run(NODE).nodeIds()).containsExactly("worker-3;<host>");
    }

    @Test
    void offersAddressesPlacementAndNodeInfo() {
        ProviderHarness.Run run = harness().run(NODE);

        assertThat(run.variables("worker-3;<host>"))
                .containsEntry("name", "worker-3")
                .containsEntry("internalIP", "10.0.1.17")
                .containsEntry("externalIP", "203.0.113.7")
                .containsEntry("hostname", "ip-10-0-1-17")
                .containsEntry("zone", "eu-west-1a")
                .containsEntry("region", "eu-west-1")
                .containsEntry("instanceType", "m5.large")
                .containsEntry("providerID", "aws:///eu-west-1a/i-0abc123")
                .containsEntry("instanceID", "i-0abc123")
                .containsEntry("kubeletVersion", "v1.29.4")
                .containsEntry("osImage", "Ubuntu 22.04.4 LTS")
                .containsEntry("kernelVersion", "6.5.0-1020-aws")
                .containsEntry("architecture", "amd64")
                .containsEntry("containerRuntimeVersion", "containerd://1.7.13")
                .containsEntry("labels.topology.kubernetes.io/zone", "eu-west-1a")
                .doesNotContainKey("namespace");
    }

    @Test
    void readsTheDeprecatedZoneLabelWhenTheCurrentOneIsMissing() {
        ProviderHarness.Run run = harness().run("""
                apiVersion: v1
                kind: Node
                metadata:
                  name: old-1
                  uid: 7a1e0c52-0010-4c1a-9a00-000000000010
                  labels: {failure-domain.beta.kubernetes.io/zone: us-east-1b}
                """);

        assertThat(run.variables("old-1;<host>")).containsEntry("zone", "us-east-1b").doesNotContainKey("region");
    }

    @Test
    void rendersAConsoleLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  Host:
                    links:
                      - id: console
                        label: Cloud console
                        url: "https://console.aws.example/ec2/home?region={{region}}#InstanceDetails:instanceId={{instanceID}}"
                """).run(NODE);

        assertThat(run.links("worker-3;<host>")).containsEntry("console",
                "https://console.aws.example/ec2/home?region=eu-west-1#InstanceDetails:instanceId=i-0abc123");
        assertThat(run.reportText()).contains("\"Host\"").doesNotContain("\"topology\"");
        assertThat(run.reportFindings()).isEmpty();
    }
}
