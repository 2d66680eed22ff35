package dev.scopelinks.providers.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeploymentLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String NODE_ID = "7a1e0c52-0031-4c1a-9a00-000000000031;<deployment>";

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
              namespace: shop
              uid: 7a1e0c52-0031-4c1a-9a00-000000000031
              labels: {app.kubernetes.io/name: web, team: payments}
            spec:
              replicas: 3
              selector:
                matchLabels: {tier: frontend, app: web}
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new DeploymentLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return DEPLOYMENT;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of(NODE_ID);
    }

    @Test
    void offersReplicasAndTheSelectorSortedForALabelQuery() {
        assertThat(harness().run(DEPLOYMENT).variables(NODE_ID))
                .containsEntry("replicas", "3")
                .containsEntry("selector", "app=web,tier=frontend")
                .containsEntry("selector.tier", "frontend")
                .containsEntry("labels.app.kubernetes.io/name", "web");
    }

    @Test
    void rendersAWorkloadDashboardLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                cluster: prod-eu
                providers:
                  Deployment:
                    links:
                      - id: metrics
                        label: Metrics
                        url: "https://grafana.example/d/w?var-cluster={{cluster}}&var-namespace={{namespace}}&var-workload={{name}}&q={{selector}}"
                """).run(DEPLOYMENT);

        assertThat(run.links(NODE_ID)).containsEntry("metrics",
                "https://grafana.example/d/w?var-cluster=prod-eu&var-namespace=shop&var-workload=web&q=app%3Dweb%2Ctier%3Dfrontend");
        assertThat(run.reportFindings()).isEmpty();
    }
}
