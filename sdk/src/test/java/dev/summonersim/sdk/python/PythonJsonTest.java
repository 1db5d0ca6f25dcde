package dev.summonersim.sdk.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Python json.dumps/json.loads details beyond the shared vectors; expected texts taken from CPython 3.11. */
class PythonJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0.1|0.1", "0.3333333333333333|0.3333333333333333", "4.9E-324|5e-324",
        "1.7976931348623157E308|1.7976931348623157e+308", "1.2345678901234568E17|1.2345678901234568e+17",
        "1.0E16|1e+16", "1.0E15|1000000000000000.0", "1.0E-4|0.0001", "1.0E-5|1e-05", "100000.0|100000.0",
        "-0.0|-0.0", "0.0|0.0", "1.5|1.5", "2.0E23|2e+23", "1.0E23|1e+23", "1.0E22|1e+22", "123.456|123.456",
        "9.999999999999998E15|9999999999999998.0", "NaN|NaN", "Infinity|Infinity", "-Infinity|-Infinity"})
    void floatsAreWrittenAsPythonRepr(double value, String expected) {
        assertThat(PythonJson.dumps(value)).isEqualTo(expected);
    }

    @Test
    void oneThirdAndTheLargeIntegralFloatUseShortestDigits() {
        assertThat(PythonJson.dumps(1.0 / 3)).isEqualTo("0.3333333333333333");
        assertThat(PythonJson.dumps(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PythonRepr.repr(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PythonRepr.repr(Double.NaN)).isEqualTo("nan");
        assertThat(PythonRepr.repr(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(PythonJson.dumps(0.1f)).as("Float widens to double as Python would see it")
            .isEqualTo("0.10000000149011612");
    }

    @Test
    void integersOfEveryAcceptedTypeAndSize() {
        assertThat(PythonJson.dumps(List.of(1, (short) 2, (byte) 3, 4L, Long.MIN_VALUE,
            new BigInteger("100000000000000000000"))))
            .isEqualTo("[1, 2, 3, 4, -9223372036854775808, 100000000000000000000]");
    }

    @Test
    void separatorsKeyOrderAndEmptyContainers() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", List.of());
        map.put("a", new LinkedHashMap<>());
        map.put("m", java.util.Arrays.asList(true, false, null));
        assertThat(PythonJson.dumps(map)).isEqualTo("{\"z\": [], \"a\": {}, \"m\": [true, false, null]}");
    }

    @Test
    void stringEscapesAreAsciiWithLowerCaseHexAndSurrogatePairs() {
        assertThat(PythonJson.dumps("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u0080é\u2028\uffff😀"))
            .isEqualTo("\"\\\"\\\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f\\u0080\\u00e9\\u2028\\uffff"
                + "\\ud83d\\ude00\"");
    }

    @Test
    void longStringsTakeTheSameEscapingPath() {
        String chunk = "é\u007f\"x";
        String expectedChunk = "\\u00e9\\u007f\\\"x";
        assertThat(PythonJson.dumps(chunk.repeat(20_000)))
            .isEqualTo("\"" + expectedChunk.repeat(20_000) + "\"");
    }

    @Test
    void nonStringKeysAreConvertedLikeJsonDumps() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1L, "a");
        map.put(true, "b");
        map.put(null, "c");
        map.put(1.5, "d");
        map.put(Double.NaN, "e");
        map.put("é", "f");
        assertThat(PythonJson.dumps(map))
            .isEqualTo("{\"1\": \"a\", \"true\": \"b\", \"null\": \"c\", \"1.5\": \"d\", \"NaN\": \"e\", "
                + "\"\\u00e9\": \"f\"}");
    }

    @Test
    void unsupportedValuesAndCyclesAreClearErrors() {
        assertThatThrownBy(() -> PythonJson.dumps(new Object())).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("not JSON serializable");
        List<Object> cyclic = new ArrayList<>();
        cyclic.add(cyclic);
        assertThatThrownBy(() -> PythonJson.dumps(cyclic)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("Circular reference");
        assertThatThrownBy(() -> PythonJson.dumps(Map.of(List.of(), 1)))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keys must be");
    }

    @Test
    void loadsBuildsTheValueModel() {
        Object value = PythonJson.loads(" \t\r\n{\"i\": 1, \"big\": 100000000000000000000, \"f\": 1.0, \"e\": 1e5, "
            + "\"neg0\": -0, \"s\": \"\\u00e9\\ud83d\\ude00\", \"l\": [true, false, null], \"o\": {}} \n");
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("i", 1L);
        expected.put("big", new BigInteger("100000000000000000000"));
        expected.put("f", 1.0);
        expected.put("e", 100000.0);
        expected.put("neg0", 0L);
        expected.put("s", "é😀");
        expected.put("l", java.util.Arrays.asList(true, false, null));
        expected.put("o", Map.of());
        assertThat(value).isEqualTo(expected);
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) value).keySet())).containsExactlyElementsOf(expected.keySet());
    }

    @Test
    void loadsAcceptsPythonsNonFiniteTokensAndOverflow() {
        assertThat(PythonJson.loads("[NaN, Infinity, -Infinity, 1e400, -1e400, -0.0]"))
            .isEqualTo(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0));
        assertThat(PythonRepr.repr(PythonJson.loads("-0.0"))).isEqualTo("-0.0");
    }

    @Test
    void lastDuplicateKeyWinsInTheFirstPosition() {
        Object value = PythonJson.loads("{\"a\": 1, \"b\": 2, \"a\": 3}");
        assertThat(PythonRepr.repr(value)).isEqualTo("{'a': 3, 'b': 2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[1, 2", "{'a': 1}", "01", "1.", ".5", "+1", "nan", "INF", "-INF", "+Infinity",
        "Infinity1", "[1,]", "{\"a\" 1}", "\"raw\ttab\"", "\"\\x41\"", "1 2", "true false", "tru", "// c\n1",
        "\u00a01", "[1]x"})
    void loadsRejectsWhatPythonRejects(String text) {
        assertThatThrownBy(() -> PythonJson.loads(text)).isInstanceOf(JsonSyntaxException.class)
            .hasMessageFindingMatch("^(Invalid JSON|Expecting value|Extra data|JSON rejected)");
    }

    @Test
    void depthCapIsExactlyMaxDepth() {
        String ok = "[".repeat(PythonJson.MAX_DEPTH) + "]".repeat(PythonJson.MAX_DEPTH);
        assertThat(PythonJson.loads(ok)).isInstanceOf(List.class);
        String tooDeep = "[".repeat(PythonJson.MAX_DEPTH + 1) + "]".repeat(PythonJson.MAX_DEPTH + 1);
        assertThatThrownBy(() -> PythonJson.loads(tooDeep)).isInstanceOf(JsonSyntaxException.class)
            .hasMessageContaining("depth");
        String deepObjects = "{\"a\": ".repeat(PythonJson.MAX_DEPTH + 1) + "1" + "}".repeat(PythonJson.MAX_DEPTH + 1);
        assertThatThrownBy(() -> PythonJson.loads(deepObjects)).isInstanceOf(JsonSyntaxException.class);
    }

    @Test
    void bigIntegersSurviveRoundTrips() {
        String digits = "9".repeat(5000);
        Object value = PythonJson.loads(digits);
        assertThat(value).isEqualTo(new BigInteger(digits));
        assertThat(PythonJson.dumps(value)).isEqualTo(digits);
        assertThat(PythonJson.loads("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(PythonJson.loads("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(PythonJson.loads("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void dumpsThenLoadsIsIdentityOnTheValueModel() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "line1\nline2 \"q\" \\ é 😀 \u007f");
        value.put("n", java.util.Arrays.asList(1L, -2.5, 1e16, 1e-5, null, Double.NaN));
        value.put("nested", Map.of("k", List.of(Map.of())));
        assertThat(PythonJson.loads(PythonJson.dumps(value))).isEqualTo(value);
    }
}
