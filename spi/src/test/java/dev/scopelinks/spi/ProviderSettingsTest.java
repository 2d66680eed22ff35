package dev.scopelinks.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

    private static final ProviderSettings SETTINGS = ProviderSettings.builder()
            .put("console", "https://console.example", "links.yaml:4:16")
            .put("maxShown", "twenty", "links.yaml:5:17")
            .put("verbose", "true")
            .build();

    @Test
    void givesValuesAsWrittenAndDefaultsForKeysNotSet() {
        assertThat(SETTINGS.get("console")).contains("https://console.example");
        assertThat(SETTINGS.get("tab", "logs")).isEqualTo("logs");
        assertThat(SETTINGS.getBoolean("verbose", false)).isTrue();
        assertThat(SETTINGS.getInt("missing", 7)).isEqualTo(7);
        assertThat(SETTINGS.keys()).containsExactlyInAnyOrder("console", "maxShown", "verbose");
    }

    @Test
    void namesTheKeyAndWhereItWasWrittenWhenAValueDoesNotParse() {
        assertThatThrownBy(() -> SETTINGS.getInt("maxShown", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("setting 'maxShown' (links.yaml:5:17) is 'twenty', not a whole number");
        assertThatThrownBy(() -> SETTINGS.require("token")).hasMessage("setting 'token' is required");
    }

    @Test
    void aContextBuiltWithoutSettingsHasNoneAndFindsNoObjects() {
        ProviderContext context = ProviderContext.builder().clusterName("prod-eu").build();

        assertThat(context.clusterName()).isEqualTo("prod-eu");
        assertThat(context.settings().keys()).isEmpty();
        assertThat(context.lookup().byUid("any")).isEmpty();
    }
}
