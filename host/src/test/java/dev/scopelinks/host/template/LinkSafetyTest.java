package dev.scopelinks.host.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LinkSafetyTest {

    private static String reason(String url) {
        RenderResult result = LinkSafety.check(url);
        assertThat(result).as(url).isInstanceOf(RenderResult.Skipped.class);
        return ((RenderResult.Skipped) result).reason();
    }

    private static String served(String url) {
        RenderResult result = LinkSafety.check(url);
        assertThat(result).as(url).isInstanceOf(RenderResult.Rendered.class);
        return ((RenderResult.Rendered) result).url();
    }

    @Test
    void refusesUserInformationBeforeTheHost() {
        assertThat(reason("https://ok.example.com@evil.example/")).isEqualTo(LinkSafety.USERINFO);
        assertThat(reason("https://user:secret@tools.example.com/x")).isEqualTo(LinkSafety.USERINFO);
        assertThat(((RenderResult.Skipped) LinkSafety.check("https://ok.example.com@evil.example/")).detail())
                .isEqualTo("has user information before its host: it reads as a link to 'ok.example.com' but goes "
                        + "to 'evil.example'");
    }

    @Test
    void refusesHostsThatMixLookAlikeScriptsOrSpellALatinWordInCyrillic() {
        assertThat(reason("https://ex\u0430mple.com/")).isEqualTo(LinkSafety.LOOK_ALIKE_HOST);
        assertThat(reason("https://\u0430\u0440\u0440\u04CF\u0435.com/login")).isEqualTo(LinkSafety.LOOK_ALIKE_HOST);
    }

    @Test
    void servesInternationalisedHostsInPunycodeKeepingPortPathAndQuery() {
        assertThat(served("https://b\u00FCcher.example:8443/faq?q=\u00FC#top"))
                .isEqualTo("https://xn--bcher-kva.example:8443/faq?q=\u00FC#top");
        assertThat(served("https://\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444/"))
                .isEqualTo("https://xn--e1afmkfd.xn--p1ai/");
    }

    @Test
    void leavesAsciiHostsAndAddressLiteralsAsWritten() {
        assertThat(served("https://Grafana.Example.com:3000/d/x?var-pod=web-1")).isEqualTo(
                "https://Grafana.Example.com:3000/d/x?var-pod=web-1");
        assertThat(served("http://[fd00::1]:8080/")).isEqualTo("http://[fd00::1]:8080/");
    }

    @Test
    void refusesBidirectionalControlsAnywhereInTheLink() {
        for (char control : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068',
            '\u2069', '\u200E', '\u200F', '\u061C'}) {
            assertThat(reason("https://x.example.com/a" + control + "b")).isEqualTo(LinkSafety.BIDI);
        }
        assertThat(((RenderResult.Skipped) LinkSafety.check("https://x.example.com/\u202Egpj.exe")).detail())
                .isEqualTo("contains the bidirectional control U+202E, which can make a link read as another");
    }

    @Test
    void refusesInvisibleCharactersAnywhereInTheLink() {
        for (String invisible : new String[] {"\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u0085",
            "\u00A0", "\u2028", "\uDB40\uDC01"}) {
            assertThat(reason("https://x.example.com/a" + invisible + "b")).as(invisible).isEqualTo(LinkSafety.INVISIBLE);
        }
        assertThat(reason("https://x\u200B.example.com/")).isEqualTo(LinkSafety.INVISIBLE);
    }

    @Test
    void servesPercentEncodedControlsBecauseTheyShowAsTheirCode() {
        assertThat(served("https://x.example.com/%E2%80%AEgpj.exe")).isEqualTo("https://x.example.com/%E2%80%AEgpj.exe");
    }
}
