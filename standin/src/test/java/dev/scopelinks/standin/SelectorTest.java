package dev.scopelinks.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SelectorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode pod = read("{\"metadata\":{\"name\":\"web-1\",\"namespace\":\"shop\","
            + "\"labels\":{\"app.kubernetes.io/name\":\"web\",\"tier\":\"front\"}},\"spec\":{\"nodeName\":\"node-a\"}}");

    @Test
    void matchesEqualityInequalityAndExistenceOfLabels() {
        assertThat(Selector.labels("app.kubernetes.io/name=web").test(pod)).isTrue();
        assertThat(Selector.labels("app.kubernetes.io/name==web,tier!=back").test(pod)).isTrue();
        assertThat(Selector.labels("tier!=front").test(pod)).isFalse();
        assertThat(Selector.labels("tier").test(pod)).isTrue();
        assertThat(Selector.labels("!tier").test(pod)).isFalse();
        assertThat(Selector.labels("!team").test(pod)).isTrue();
    }

    @Test
    void matchesSetRequirementsWithCommasInsideParentheses() {
        assertThat(Selector.labels("tier in (front, back),app.kubernetes.io/name notin (db)").test(pod)).isTrue();
        assertThat(Selector.labels("tier notin (front)").test(pod)).isFalse();
        assertThat(Selector.labels("team in (a,b)").test(pod)).isFalse();
    }

    @Test
    void matchesNameNamespaceAndNodeFields() {
        assertThat(Selector.fields("metadata.name=web-1,metadata.namespace=shop").test(pod)).isTrue();
        assertThat(Selector.fields("spec.nodeName==node-a").test(pod)).isTrue();
        assertThat(Selector.fields("spec.nodeName!=node-a").test(pod)).isFalse();
        assertThat(Selector.fields("spec.nodeName=").test(pod)).isFalse();
    }

    @Test
    void refusesAMalformedRequirementNamingIt() {
        assertThatThrownBy(() -> Selector.labels("tier in front")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tier in front");
        assertThatThrownBy(() -> Selector.fields("spec.nodeName")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("spec.nodeName");
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
