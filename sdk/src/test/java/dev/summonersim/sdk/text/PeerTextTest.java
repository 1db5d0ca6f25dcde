package dev.summonersim.sdk.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.python.PythonRepr;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeerTextTest {

    @Test
    void rendersTerminalControlSequencesVisibly() {
        assertThat(PeerText.sanitize("\u001b]0;PWNED\u0007")).isEqualTo("\\x1b]0;PWNED\\x07");
        assertThat(PeerText.sanitize("\u001b[2J")).isEqualTo("\\x1b[2J");
        assertThat(PeerText.sanitize("a\u009b31mb")).isEqualTo("a\\x9b31mb");
        assertThat(PeerText.sanitize("\u0001\u007f\u0000\r")).isEqualTo("\\x01\\x7f\\x00\\x0d");
    }

    @Test
    void rendersBidirectionalControlsVisibly() {
        assertThat(PeerText.sanitize("abc\u202egnp.exe")).isEqualTo("abc\\u202egnp.exe");
        assertThat(PeerText.sanitize("\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069"))
                .isEqualTo("\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069");
    }

    @Test
    void keepsNewlineTabAndPrintableText() {
        String text = "line one\n\ttab, é, 日本, 😀, \\x1b stays a backslash, \u00a0\u200b\u2065\u206a";
        assertThat(PeerText.sanitize(text)).isSameAs(text);
    }

    @Test
    void everyC0AndC1ControlExceptNewlineAndTabIsEscaped() {
        for (int cp = 0; cp <= 0x9f; cp++) {
            boolean control = cp < 0x20 || cp >= 0x7f;
            String out = PeerText.sanitize(String.valueOf((char) cp));
            if (!control || cp == '\n' || cp == '\t') {
                assertThat(out).as("U+%04X", cp).isEqualTo(String.valueOf((char) cp));
            } else {
                assertThat(out).as("U+%04X", cp).isEqualTo(String.format("\\x%02x", cp));
            }
        }
    }

    @Test
    void oneLineAlsoEscapesNewlinesAndTabs() {
        assertThat(PeerText.oneLine("a\nb\tc\u001b")).isEqualTo("a\\nb\\tc\\x1b");
        assertThat(PeerText.oneLine("plain")).isEqualTo("plain");
    }

    @Test
    void pythonReprOfHostileTextStaysByteExact() {
        Map<String, Object> dict = new LinkedHashMap<>();
        dict.put("token", "\u001b]0;PWNED\u0007\u001b[2J\u009b\u202e\u0001\u007f\nend");
        String repr = PythonRepr.repr(dict);
        assertThat(PeerText.sanitize(repr)).isEqualTo(repr);
        assertThat(PeerText.oneLine(repr)).isEqualTo(repr);
    }
}
