package dev.scopelinks.host.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {

    private static boolean matches(String selector, Map<String, String> labels) throws Exception {
        return LabelSelector.parse(selector).matches(labels);
    }

    @Test
    void parsesEveryRequirementKindOfKubectlSyntax() throws Exception {
        LabelSelector selector = LabelSelector.parse("app=web, tier!=db,env in (prod, stage),!canary,"
                + "app.kubernetes.io/part-of,track notin (beta),team==a");

        assertThat(selector.requirements()).extracting(LabelSelector.Requirement::operator).containsExactly(
                LabelSelector.Operator.IN, LabelSelector.Operator.NOT_IN, LabelSelector.Operator.IN,
                LabelSelector.Operator.NOT_EXISTS, LabelSelector.Operator.EXISTS, LabelSelector.Operator.NOT_IN,
                LabelSelector.Operator.IN);
        assertThat(selector.requirements().get(2).values()).containsExactlyInAnyOrder("prod", "stage");
    }

    @Test
    void matchesLikeKubernetes() throws Exception {
        String selector = "app=web,tier!=db,env in (prod,stage),!canary";
        assertThat(matches(selector, Map.of("app", "web", "env", "prod"))).isTrue();
        assertThat(matches(selector, Map.of("app", "web", "env", "stage", "tier", "front"))).isTrue();
        assertThat(matches(selector, Map.of("app", "web", "env", "dev"))).isFalse();
        assertThat(matches(selector, Map.of("app", "web", "env", "prod", "tier", "db"))).isFalse();
        assertThat(matches(selector, Map.of("app", "web", "env", "prod", "canary", "true"))).isFalse();
        assertThat(matches(selector, Map.of("env", "prod"))).isFalse();
        assertThat(matches("", Map.of())).isTrue();
        assertThat(matches("app.kubernetes.io/name", Map.of("app.kubernetes.io/name", "x"))).isTrue();
        assertThat(matches("release=", Map.of("release", ""))).isTrue();
    }

    @Test
    void pointsSyntaxErrorsAtTheOffendingCharacter() {
        assertThatThrownBy(() -> LabelSelector.parse("app=web,env in prod"))
                .isInstanceOfSatisfying(LabelSelector.SyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(15);
                    assertThat(e.getMessage()).isEqualTo("expected '(' to start the list of values, found 'p'");
                });
        assertThatThrownBy(() -> LabelSelector.parse("app>1"))
                .isInstanceOfSatisfying(LabelSelector.SyntaxException.class, e -> assertThat(e.offset()).isEqualTo(3));
        assertThatThrownBy(() -> LabelSelector.parse("app=web,"))
                .isInstanceOfSatisfying(LabelSelector.SyntaxException.class, e -> {
                    assertThat(e.offset()).isEqualTo(8);
                    assertThat(e.getMessage()).isEqualTo("expected a label key, found the end");
                });
        assertThatThrownBy(() -> LabelSelector.parse("env in (prod,"))
                .isInstanceOf(LabelSelector.SyntaxException.class);
        assertThatThrownBy(() -> LabelSelector.parse("-app=x"))
                .hasMessageStartingWith("'-app' is not a valid label key");
    }
}
