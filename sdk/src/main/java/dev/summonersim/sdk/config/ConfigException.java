package dev.summonersim.sdk.config;

/**
 * A client configuration that cannot be used as given. The message names the key, the offending value and what
 * was expected, e.g. {@code hyper_parameters.sender.concurrency_limit = 0: expected an integer >= 1}.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code key = value: expected expectation}, with strings quoted and durations in seconds. */
    public static ConfigException invalid(String key, Object value, String expectation) {
        return new ConfigException(key + " = " + describe(value) + ": expected " + expectation);
    }

    private static String describe(Object value) {
        if (value instanceof java.time.Duration d) {
            return java.math.BigDecimal.valueOf(d.toNanos(), 9).stripTrailingZeros().toPlainString() + " s";
        }
        return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
    }
}
