package dev.summonersim.sdk.python;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's {@code float.__repr__}: the shortest decimal string that reads back as the same double, written in fixed
 * notation when the decimal exponent is in [-4, 16) and in scientific notation ({@code 1e+16}, {@code 1e-05})
 * otherwise.
 *
 * <p>JDK 17's {@link Double#toString(double)} is not always shortest (it prints {@code 4.9E-324} for the smallest
 * subnormal, Python prints {@code 5e-324}), so the digits are searched with {@link BigDecimal} instead: for each
 * precision from 1 to 17, the candidates next to the exact binary value are checked for an exact round trip through
 * {@link Double#parseDouble(String)} (which is correctly rounded). This is slower than Ryu but only runs for floats,
 * which are rare on this protocol.
 */
final class PythonFloatRepr {

    private static final RoundingMode[] ROUNDINGS = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR,
        RoundingMode.CEILING};

    private PythonFloatRepr() {
    }

    /** Digits and decimal exponent of the shortest round-trip form: value = 0.DIGITS x 10^pointPosition. */
    private record Shortest(String digits, int pointPosition) {
    }

    /** Python {@code repr(float)} for finite values, {@code nan}, {@code inf} and {@code -inf}. */
    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        return finite(value);
    }

    /** The JSON token Python's {@code json.dumps} writes ({@code NaN}, {@code Infinity}, {@code -Infinity}). */
    static String jsonToken(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        return finite(value);
    }

    private static String finite(double value) {
        boolean negative = (Double.doubleToRawLongBits(value) & Long.MIN_VALUE) != 0;
        if (value == 0.0) {
            return negative ? "-0.0" : "0.0";
        }
        Shortest s = shortest(Math.abs(value));
        String body = layout(s.digits(), s.pointPosition());
        return negative ? "-" + body : body;
    }

    private static Shortest shortest(double magnitude) {
        BigDecimal exact = new BigDecimal(magnitude);
        // Double.toString always round-trips and is at most one digit too long, so start there and walk down:
        // if p digits round-trip then so do p + 1, hence the first failure ends the search.
        int precision = significantDigits(Double.toString(magnitude));
        while (precision > 1 && closestRoundTrip(exact, magnitude, precision - 1) != null) {
            precision--;
        }
        BigDecimal best = closestRoundTrip(exact, magnitude, precision);
        if (best == null) {
            // cannot happen for finite doubles (17 digits always round-trip); kept as a safe fallback
            best = exact.round(new MathContext(17, RoundingMode.HALF_EVEN));
        }
        return toShortest(best);
    }

    /** The precision-digit decimal nearest to the exact value that still reads back as it, or null if none. */
    private static BigDecimal closestRoundTrip(BigDecimal exact, double magnitude, int precision) {
        BigDecimal best = null;
        for (RoundingMode mode : ROUNDINGS) {
            BigDecimal candidate = exact.round(new MathContext(precision, mode));
            if (Double.parseDouble(candidate.toString()) != magnitude) {
                continue;
            }
            // Near powers of two the round-trip interval is lopsided, so the nearest candidate may not round-trip
            // while the other neighbour does; of several that do, Python keeps the nearest.
            if (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0) {
                best = candidate;
            }
        }
        return best;
    }

    /** Number of significant digits in Java's rendering, e.g. "1.0E-5" -> 1, "123.45" -> 5. */
    private static int significantDigits(String javaText) {
        int end = javaText.indexOf('E');
        String mantissa = (end < 0 ? javaText : javaText.substring(0, end)).replace(".", "");
        int first = 0;
        while (first < mantissa.length() - 1 && mantissa.charAt(first) == '0') {
            first++;
        }
        int last = mantissa.length();
        while (last > first + 1 && mantissa.charAt(last - 1) == '0') {
            last--;
        }
        return last - first;
    }

    private static Shortest toShortest(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        // value = digits x 10^-scale = 0.digits x 10^(len - scale)
        return new Shortest(digits, digits.length() - stripped.scale());
    }

    /** Mirrors CPython's {@code format_float_short} for repr: exponent form when exp < -4 or exp >= 16. */
    private static String layout(String digits, int pointPosition) {
        int exponent = pointPosition - 1;
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (exponent < -4 || exponent >= 16) {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            out.append('e').append(exponent < 0 ? '-' : '+');
            int absExp = Math.abs(exponent);
            if (absExp < 10) {
                out.append('0');
            }
            out.append(absExp);
        } else if (pointPosition <= 0) {
            out.append("0.");
            out.append("0".repeat(-pointPosition));
            out.append(digits);
        } else if (pointPosition >= digits.length()) {
            out.append(digits);
            out.append("0".repeat(pointPosition - digits.length()));
            out.append(".0");
        } else {
            out.append(digits, 0, pointPosition).append('.').append(digits, pointPosition, digits.length());
        }
        return out.toString();
    }
}
