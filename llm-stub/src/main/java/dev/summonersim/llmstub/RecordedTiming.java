package dev.summonersim.llmstub;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Per-token timing of a recorded answer (written by {@code --record-to}, replayed by {@code --mappings}): instead
 * of one token delay, each content token has its own delay after the previous event, the first one counted from the
 * role chunk (which comes after the script's TTFT); then the end of the stream (finish chunk, or the cut of a
 * recorded fault) comes {@code endDelay} after the last token.
 *
 * @param tokenDelays one per token, in order; a replay with more tokens than delays (a prompt directive asked for
 *                    more) uses the script's token delay for the rest
 * @param endDelay    from the last token to the end of the stream
 */
public record RecordedTiming(List<Duration> tokenDelays, Duration endDelay) {

    public RecordedTiming {
        tokenDelays = List.copyOf(tokenDelays);
        for (Duration d : tokenDelays) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("token delays must be >= 0: " + d);
            }
        }
        Objects.requireNonNull(endDelay, "endDelay");
        if (endDelay.isNegative()) {
            throw new IllegalArgumentException("endDelay < 0: " + endDelay);
        }
    }

    /** The delay before token {@code index}, or null when the recording has none for it. */
    public Duration delayBefore(int index) {
        return index < tokenDelays.size() ? tokenDelays.get(index) : null;
    }

    /** The whole time from the first event to the end, for a non-streaming replay. */
    public Duration total() {
        return tokenDelays.stream().reduce(Duration.ZERO, Duration::plus).plus(endDelay);
    }
}
