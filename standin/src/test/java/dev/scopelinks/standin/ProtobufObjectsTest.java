package dev.scopelinks.standin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProtobufObjectsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body kubectl 1.32 posts for {@code kubectl create deployment web --image=nginx}. */
    private static final String KUBECTL_CREATE_DEPLOYMENT = "azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EqsBCh8KA3dlYhIAGgAiA"
            + "CoAMgA4AEIAWgoKA2FwcBIDd2ViEnoIARIMCgoKA2FwcBIDd2ViGmAKHAoAEgAaACIAKgAyADgAQgBaCgoDYXBwEgN3ZWISQBIiCgVu"
            + "Z2lueBIFbmdpbngqAEIAagByAIABAIgBAJABAKIBABoAMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAiAgoAKAA4ABoMCAAQABgAIAA"
            + "oADgAGgAiAA==";

    @Test
    void readsTheDeploymentKubectlCreateSends() throws Exception {
        Optional<JsonNode> decoded = ProtobufObjects.decode(Base64.getDecoder().decode(KUBECTL_CREATE_DEPLOYMENT),
                JSON);

        assertThat(decoded).isPresent();
        assertThat(decoded.get()).isEqualTo(JSON.readTree("""
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "labels": {"app": "web"}},
                 "spec": {"replicas": 1, "selector": {"matchLabels": {"app": "web"}},
                          "template": {"metadata": {"labels": {"app": "web"}},
                                       "spec": {"containers": [{"name": "nginx", "image": "nginx"}]}}}}
                """));
    }

    @Test
    void leavesAnythingElseAlone() {
        assertThat(ProtobufObjects.decode("{\"kind\":\"Pod\"}".getBytes(StandardCharsets.UTF_8), JSON)).isEmpty();
        assertThat(ProtobufObjects.decode(new byte[] {'k', '8', 's', 0, 10, 99}, JSON)).isEmpty();
    }
}
