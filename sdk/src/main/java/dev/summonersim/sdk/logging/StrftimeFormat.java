package dev.summonersim.sdk.logging;

import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.SignStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Translates a Python strftime format into a {@link DateTimeFormatter}, with the reference logger's extension:
 * {@code %f} is milliseconds (3 digits) and {@code %<n>f} is n fraction digits (1..9). Unknown directives stay
 * literal so that a typo shows up in the log instead of failing the program.
 */
final class StrftimeFormat {
    static final String DEFAULT = "%Y-%m-%d %H:%M:%S.%f";

    private StrftimeFormat() {
    }

    static DateTimeFormatter toFormatter(String strftime) {
        String format = strftime == null ? DEFAULT : strftime;
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                b.appendLiteral(c);
                i++;
                continue;
            }
            int j = i + 1;
            while (j < format.length() && Character.isDigit(format.charAt(j))) {
                j++;
            }
            if (j == format.length()) {
                b.appendLiteral(format.substring(i));
                break;
            }
            char directive = format.charAt(j);
            String digits = format.substring(i + 1, j);
            if (!digits.isEmpty() && directive != 'f') {
                b.appendLiteral(format.substring(i, j + 1));
            } else if (!append(b, directive, digits.isEmpty() ? 3 : Integer.parseInt(digits))) {
                b.appendLiteral("%" + directive);
            }
            i = j + 1;
        }
        return b.toFormatter(Locale.ENGLISH);
    }

    private static boolean append(DateTimeFormatterBuilder b, char directive, int fractionDigits) {
        switch (directive) {
            case 'Y' -> b.appendValue(ChronoField.YEAR, 4, 10, SignStyle.NORMAL);
            case 'y' -> b.appendValueReduced(ChronoField.YEAR, 2, 2, 2000);
            case 'm' -> b.appendValue(ChronoField.MONTH_OF_YEAR, 2);
            case 'd' -> b.appendValue(ChronoField.DAY_OF_MONTH, 2);
            case 'H' -> b.appendValue(ChronoField.HOUR_OF_DAY, 2);
            case 'I' -> b.appendValue(ChronoField.CLOCK_HOUR_OF_AMPM, 2);
            case 'M' -> b.appendValue(ChronoField.MINUTE_OF_HOUR, 2);
            case 'S' -> b.appendValue(ChronoField.SECOND_OF_MINUTE, 2);
            case 'f' -> {
                int n = Math.max(1, Math.min(9, fractionDigits));
                b.appendFraction(ChronoField.NANO_OF_SECOND, n, n, false);
            }
            case 'j' -> b.appendValue(ChronoField.DAY_OF_YEAR, 3);
            case 'p' -> b.appendText(ChronoField.AMPM_OF_DAY, TextStyle.SHORT);
            case 'a' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.SHORT);
            case 'A' -> b.appendText(ChronoField.DAY_OF_WEEK, TextStyle.FULL);
            case 'b' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.SHORT);
            case 'B' -> b.appendText(ChronoField.MONTH_OF_YEAR, TextStyle.FULL);
            case 'z' -> b.appendOffset("+HHMM", "+0000");
            case 'Z' -> b.appendZoneText(TextStyle.SHORT);
            case '%' -> b.appendLiteral('%');
            default -> {
                return false;
            }
        }
        return true;
    }
}
