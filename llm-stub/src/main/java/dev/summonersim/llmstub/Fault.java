package dev.summonersim.llmstub;

import java.time.Duration;
import java.util.Objects;

/**
 * A failure the stub injects into one reply, as an immutable value (like MockWebServer's socket effects).
 * "After N tokens" counts content tokens; when N is larger than the reply, the fault fires after the last token.
 */
public final class Fault {

    /** What goes wrong. */
    public enum Kind {
        /** Nothing: a normal reply. */
        NONE,
        /** A non-2xx status with OpenAI's error JSON body instead of a stream. */
        HTTP,
        /** A {@code data: {"error": ...}} event after N tokens, then the stream ends without {@code [DONE]}. */
        ERROR_AFTER,
        /** A TCP reset (RST) after N tokens. */
        RESET_AFTER,
        /** A clean end of the stream after N tokens, with no finish_reason and no {@code [DONE]}. */
        TRUNCATE_AFTER,
        /** One event whose data is broken JSON after N tokens; the rest of the stream follows normally. */
        MALFORMED_AFTER,
        /** After N tokens nothing more is sent while the connection stays open (until the stub closes). */
        STALL_AFTER
    }

    /** Used by {@link #truncate()}: the fault fires after the last token. */
    public static final int ALL_TOKENS = Integer.MAX_VALUE;
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofMillis(200);
    private static final Fault NONE = new Fault(Kind.NONE, 0, 0, null);

    private final Kind kind;
    private final int status;
    private final int afterTokens;
    private final Duration retryAfter;

    private Fault(Kind kind, int status, int afterTokens, Duration retryAfter) {
        this.kind = kind;
        this.status = status;
        this.afterTokens = afterTokens;
        this.retryAfter = retryAfter;
    }

    public static Fault none() {
        return NONE;
    }

    /** HTTP error before the stream: 401, 429 (with {@code retry-after-ms: 200}), 500, 503 or any other 4xx/5xx. */
    public static Fault http(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("HTTP fault status must be 400..599: " + status);
        }
        return new Fault(Kind.HTTP, status, 0, status == 429 ? DEFAULT_RETRY_AFTER : null);
    }

    /** HTTP 429 {@code rate_limit_exceeded} with the given {@code retry-after-ms} header. */
    public static Fault rateLimited(Duration retryAfter) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative()) {
            throw new IllegalArgumentException("retryAfter < 0: " + retryAfter);
        }
        return new Fault(Kind.HTTP, 429, 0, retryAfter);
    }

    public static Fault errorAfter(int tokens) {
        return new Fault(Kind.ERROR_AFTER, 200, checkCount(tokens), null);
    }

    public static Fault resetAfter(int tokens) {
        return new Fault(Kind.RESET_AFTER, 200, checkCount(tokens), null);
    }

    /** Clean EOF after all tokens, without finish_reason and {@code [DONE]}. */
    public static Fault truncate() {
        return truncateAfter(ALL_TOKENS);
    }

    public static Fault truncateAfter(int tokens) {
        return new Fault(Kind.TRUNCATE_AFTER, 200, checkCount(tokens), null);
    }

    public static Fault malformedAfter(int tokens) {
        return new Fault(Kind.MALFORMED_AFTER, 200, checkCount(tokens), null);
    }

    public static Fault stallAfter(int tokens) {
        return new Fault(Kind.STALL_AFTER, 200, checkCount(tokens), null);
    }

    private static int checkCount(int tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("token count < 0: " + tokens);
        }
        return tokens;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status of the reply (200 for every fault that happens inside a stream). */
    public int status() {
        return status;
    }

    public int afterTokens() {
        return afterTokens;
    }

    /** The {@code retry-after-ms} value for a 429, else null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /**
     * How many of {@code tokenCount} content tokens a client receives before this fault stops it. For
     * {@link Kind#MALFORMED_AFTER} that is N although the stub writes the rest after the broken event: the official
     * clients fail on it.
     */
    public int tokensBeforeStop(int tokenCount) {
        return switch (kind) {
            case NONE -> tokenCount;
            case HTTP -> 0;
            default -> Math.min(afterTokens, tokenCount);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fault f && f.kind == kind && f.status == status && f.afterTokens == afterTokens
                && Objects.equals(f.retryAfter, retryAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, status, afterTokens, retryAfter);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "Fault.none()";
            case HTTP -> "Fault.http(" + status + (retryAfter == null ? "" : ", retry-after-ms=" + retryAfter.toMillis()) + ")";
            default -> "Fault." + kind + "(" + (afterTokens == ALL_TOKENS ? "all" : afterTokens) + ")";
        };
    }
}
