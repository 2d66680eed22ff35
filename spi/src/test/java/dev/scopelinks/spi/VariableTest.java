package dev.scopelinks.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VariableTest {

    @Test
    void familyMatchesAnyKeyUnderItsPrefixIncludingDotsAndSlashes() {
        Variable labels = Variable.of("labels.<key>", "a label", "web");
        assertThat(labels.isFamily()).isTrue();
        assertThat(labels.matches("labels.app.kubernetes.io/name")).isTrue();
        assertThat(labels.matches("labels.")).isFalse();
        assertThat(labels.matches("annotations.x")).isFalse();
    }

    @Test
    void plainVariableMatchesOnlyItsName() {
        Variable name = Variable.of("name", "the name", "web");
        assertThat(name.isFamily()).isFalse();
        assertThat(name.matches("name")).isTrue();
        assertThat(name.matches("namespace")).isFalse();
    }

    @Test
    void builderLeavesOutEmptyValuesSoTemplatesSkipInsteadOfServingBrokenUrls() {
        var vars = ObjectVariables.empty().put("a", "1").put("b", "").put("c", (String) null).build();
        assertThat(vars).containsOnlyKeys("a");
    }

    @Test
    void selectorIsOfferedAsASortedLabelQueryAndPerKey() {
        var vars = ObjectVariables.empty().putSelector("selector", Map.of("tier", "front", "app", "web"))
                .build();
        assertThat(vars).containsEntry("selector", "app=web,tier=front").containsEntry("selector.app", "web")
                .containsEntry("selector.tier", "front").hasSize(3);
        assertThat(ObjectVariables.empty().putSelector("selector", Map.of()).build()).isEmpty();
    }
}
