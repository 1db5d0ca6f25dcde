package dev.summonersim.testkit.check;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonLiteralParserTest {

    @Test
    void readsAnEventDictWithBothQuoteStyles() {
        Object value = PythonLiteralParser.parse(
                "{'type': 'token', 'stream_id': '6e475111-8633-42ea-a456-f146366f131f', 'token': \"I'm\"}");

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("type", "token");
        expected.put("stream_id", "6e475111-8633-42ea-a456-f146366f131f");
        expected.put("token", "I'm");
        assertThat(value).isEqualTo(expected);
    }

    @Test
    void readsEscapesAsPythonWritesThem() {
        // vector F9 of the display format: {'t': 'both \' and "', 'u': 'tab\t'}
        Object value = PythonLiteralParser.parse("{'t': 'both \\' and \"', 'u': 'tab\\t', 'v': '\\x7f\\u2028\\U0001f600\\\\'}");

        assertThat(value).isEqualTo(Map.of("t", "both ' and \"", "u", "tab\t", "v", "\u007f\u2028\uD83D\uDE00\\"));
    }

    @Test
    void readsScalarsAndLists() {
        // vector F7: [1, 'a', None, 1e+16, True]
        assertThat(PythonLiteralParser.parse("[1, 'a', None, 1e+16, True]")).isEqualTo(Arrays.asList(1L, "a", null, 1e16, true));
        assertThat(PythonLiteralParser.parse("[nan, inf, -inf, -0.5, False, ()]"))
                .isEqualTo(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.5, false, List.of()));
        assertThat(PythonLiteralParser.parse("123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void refusesBrokenText() {
        assertThatThrownBy(() -> PythonLiteralParser.parse("{'type': 'token'")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected '}'");
        assertThatThrownBy(() -> PythonLiteralParser.parse("{'a': 'b'} tail")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> PythonLiteralParser.parse("'open")).hasMessageContaining("unterminated string");
    }
}
