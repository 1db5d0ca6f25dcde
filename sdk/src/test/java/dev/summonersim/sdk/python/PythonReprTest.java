package dev.summonersim.sdk.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** repr()/str() as CPython 3.11 prints them. */
class PythonReprTest {

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`plain`|`'plain'`", "`I'm`|`\"I'm\"`", "`both ' and \"`|`'both \\' and \"'`", "`say \"hi\"`|`'say \"hi\"'`",
        "`back\\slash`|`'back\\\\slash'`", "`tab\tnl\ncr\r`|`'tab\\tnl\\ncr\\r'`", "`\u0000\u001b\u007f`|`'\\x00\\x1b\\x7f'`",
        "`\u0085\u00a0\u00ad`|`'\\x85\\xa0\\xad'`", "`héllo 😀`|`'héllo 😀'`", "`\u2028\u200b\ue000`|`'\\u2028\\u200b\\ue000'`",
        "`\udc00`|`'\\udc00'`", "`\udb40\udc01`|`'\\U000e0001'`", "``|`''`", "`\u3000`|`'\\u3000'`"})
    void stringsFollowUnicodeRepr(String value, String expected) {
        assertThat(PythonRepr.repr(value)).isEqualTo(expected);
        assertThat(PythonRepr.reprString(value)).isEqualTo(expected);
        assertThat(PythonRepr.str(value)).isSameAs(value);
    }

    @Test
    void scalarsAndContainers() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("type", "token");
        map.put("token", "I'm");
        map.put("n", Arrays.asList(1L, 2.0, null, true, false, new BigInteger("100000000000000000000"), 1e16,
            Double.NaN, Double.POSITIVE_INFINITY));
        map.put("empty", Map.of());
        assertThat(PythonRepr.repr(map)).isEqualTo("{'type': 'token', 'token': \"I'm\", "
            + "'n': [1, 2.0, None, True, False, 100000000000000000000, 1e+16, nan, inf], 'empty': {}}");
        assertThat(PythonRepr.str(map)).isEqualTo(PythonRepr.repr(map));
        assertThat(PythonRepr.str(null)).isEqualTo("None");
        assertThat(PythonRepr.str(-0.0)).isEqualTo("-0.0");
        assertThat(PythonRepr.str(7)).isEqualTo("7");
    }

    @Test
    void setsAndSelfReferences() {
        assertThat(PythonRepr.repr(new LinkedHashSet<>(List.of(1L, 2L)))).isEqualTo("{1, 2}");
        assertThat(PythonRepr.repr(Set.of())).isEqualTo("set()");
        List<Object> self = new ArrayList<>();
        self.add(1L);
        self.add(self);
        assertThat(PythonRepr.repr(self)).isEqualTo("[1, [...]]");
        Map<String, Object> selfMap = new LinkedHashMap<>();
        selfMap.put("me", selfMap);
        assertThat(PythonRepr.repr(selfMap)).isEqualTo("{'me': {...}}");
    }

    @Test
    void sameContainerTwiceIsNotMistakenForACycle() {
        List<Object> shared = List.of(1L);
        assertThat(PythonRepr.repr(List.of(shared, shared))).isEqualTo("[[1], [1]]");
    }
}
