package dev.summonersim.sdk.logging;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class StrftimeFormatTest {
    private static final LocalDateTime WHEN = LocalDateTime.of(2026, 1, 30, 18, 48, 42, 192_345_678);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "%Y-%m-%d %H:%M:%S.%f   | 2026-01-30 18:48:42.192",
        "%Y-%m-%d %H:%M:%S.%3f  | 2026-01-30 18:48:42.192",
        "%H:%M:%S.%6f           | 18:48:42.192345",
        "%H:%M:%S,%1f           | 18:48:42,1",
        "%d/%b/%y %I:%M %p      | 30/Jan/26 06:48 PM",
        "%A %B %j 100%%         | Friday January 030 100%",
        "[%Q] %S                | [%Q] 42",
        "%S%                    | 42%",
    })
    void translatesPythonDirectivesWithTheReferenceFractionRule(String strftime, String expected) {
        assertThat(StrftimeFormat.toFormatter(strftime).format(WHEN)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullMeansDateTimeWithMilliseconds() {
        assertThat(StrftimeFormat.toFormatter(null).format(WHEN)).isEqualTo("2026-01-30 18:48:42.192");
    }
}
