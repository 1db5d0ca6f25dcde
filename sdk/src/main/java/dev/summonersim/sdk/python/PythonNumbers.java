package dev.summonersim.sdk.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Python's {@code int(v)} and {@code float(v)} conversions as the envelope caster uses them: an empty result means
 * Python would raise, and the caster then keeps the value unchanged.
 *
 * <p>String parsing follows Python's literal rules for ASCII text (surrounding whitespace, sign, underscores between
 * digits, {@code nan}/{@code inf}/{@code infinity} in any case for float). Non-ASCII digits, which Python also
 * accepts, are refused here; they never occur in SDK envelopes.
 */
public final class PythonNumbers {

    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern INT_TEXT = Pattern.compile("[+-]?" + DIGITS);
    private static final Pattern FLOAT_TEXT = Pattern.compile(
        "[+-]?(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("(?i)([+-]?)(nan|inf|infinity)");

    private PythonNumbers() {
    }

    /** {@code int(v)}: bool to 0/1, float truncated toward zero, decimal string parsed; Long or BigInteger out. */
    public static Optional<Object> toInt(Object v) {
        if (v instanceof Boolean b) {
            return Optional.of(b ? 1L : 0L);
        }
        if (v instanceof Long || v instanceof BigInteger) {
            return Optional.of(v);
        }
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Optional.of(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                return Optional.empty();
            }
            return Optional.of(normalize(new BigDecimal(d).toBigInteger()));
        }
        if (v instanceof String s) {
            String text = s.strip();
            if (!INT_TEXT.matcher(text).matches()) {
                return Optional.empty();
            }
            return Optional.of(normalize(new BigInteger(text.replace("_", ""))));
        }
        return Optional.empty();
    }

    /** {@code float(v)}: bool to 1.0/0.0, ints converted (too large fails), float literal strings parsed. */
    public static Optional<Object> toFloat(Object v) {
        if (v instanceof Boolean b) {
            return Optional.of(b ? 1.0 : 0.0);
        }
        if (v instanceof Double d) {
            return Optional.of(d);
        }
        if (v instanceof Float f) {
            return Optional.of(f.doubleValue());
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return Optional.of(((Number) v).doubleValue());
        }
        if (v instanceof BigInteger big) {
            double d = big.doubleValue();
            // Python raises OverflowError instead of returning inf for an int too large for a float
            return Double.isInfinite(d) ? Optional.empty() : Optional.of(d);
        }
        if (v instanceof String s) {
            String text = s.strip();
            var special = SPECIAL_FLOAT.matcher(text);
            if (special.matches()) {
                boolean negative = "-".equals(special.group(1));
                if (special.group(2).equalsIgnoreCase("nan")) {
                    return Optional.of(Double.NaN);
                }
                return Optional.of(negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            }
            if (!FLOAT_TEXT.matcher(text).matches()) {
                return Optional.empty();
            }
            return Optional.of(Double.parseDouble(text.replace("_", "")));
        }
        return Optional.empty();
    }

    /** The value model keeps ints that fit in a long as Long. */
    private static Object normalize(BigInteger value) {
        return value.bitLength() < 64 ? (Object) value.longValue() : value;
    }
}
