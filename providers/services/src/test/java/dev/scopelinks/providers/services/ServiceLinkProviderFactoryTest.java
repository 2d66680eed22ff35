package dev.scopelinks.providers.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scopelinks.spi.LinkProviderFactory;
import dev.scopelinks.testkit.LinkProviderContractTest;
import dev.scopelinks.testkit.ProviderHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceLinkProviderFactoryTest extends LinkProviderContractTest {

    private static final String NODE_ID = "7a1e0c52-0041-4c1a-9a00-000000000041;<service>";

    private static final String SERVICE = """
            apiVersion: v1
            kind: Service
            metadata:
              name: web
              namespace: shop
              uid: 7a1e0c52-0041-4c1a-9a00-000000000041
            spec:
              type: LoadBalancer
              clusterIP: 10.96.0.12
              selector: {app: web}
            """;

    @Override
    protected LinkProviderFactory factory() {
        return new ServiceLinkProviderFactory();
    }

    @Override
    protected String sampleObject() {
        return SERVICE;
    }

    @Override
    protected List<String> sampleNodeIds() {
        return List.of(NODE_ID);
    }

    @Test
    void offersTypeClusterIpAndSelector() {
        assertThat(harness().run(SERVICE).variables(NODE_ID))
                .containsEntry("type", "LoadBalancer")
                .containsEntry("clusterIP", "10.96.0.12")
                .containsEntry("selector", "app=web")
                .containsEntry("selector.app", "web");
    }

    @Test
    void leavesClusterIpAbsentForAHeadlessService() {
        ProviderHarness.Run run = harness().run("""
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: shop, uid: 7a1e0c52-0042-4c1a-9a00-000000000042}
                spec: {clusterIP: None}
                """);

        assertThat(run.variables("7a1e0c52-0042-4c1a-9a00-000000000042;<service>"))
                .doesNotContainKey("clusterIP").containsEntry("type", "ClusterIP");
    }

    @Test
    void rendersAServiceLinkIntoAReportScopeAccepts() {
        ProviderHarness.Run run = harness().withConfig("""
                providers:
                  Service:
                    links:
                      - id: dashboard
                        label: Dashboard
                        url: "https://dash.example/#/service/{{namespace}}/{{name}}"
                """).run(SERVICE);

        assertThat(run.links(NODE_ID)).containsEntry("dashboard", "https://dash.example/#/service/shop/web");
        assertThat(run.reportFindings()).isEmpty();
    }
}
