package dev.summonersim.agent.stream;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs server warnings without flooding: a relay's rate limit answers every line over the limit with the same
 * warning, thousands per stream. The first of a run of identical warnings is logged as it is; the repeats are
 * counted and written as one line per {@code window} ({@code <text> (repeated 97 more times in 1.0 s)}). A different
 * warning, or any other message ({@link #flush()}), writes the pending count first, so no repeat goes uncounted;
 * so does a timer one window after a repeat was first left pending, because the last warnings of a cut stream are
 * often followed by nothing at all.
 */
final class RepeatedWarningLog {
    static final Duration DEFAULT_WINDOW = Duration.ofSeconds(1);

    private final Logger log;
    private final LongSupplier nanoClock;
    private final long windowNanos;
    private String lastText;
    private long windowStart;
    private long repeats;
    private final Executor afterWindow;

    /** Writes pending repeats on the JDK's shared delay scheduler: no thread of its own, nothing to close. */
    RepeatedWarningLog(Logger log, LongSupplier nanoClock, Duration window) {
        this(log, nanoClock, window, CompletableFuture.delayedExecutor(window.toNanos(), TimeUnit.NANOSECONDS));
    }

    /** @param afterWindow runs a task one {@code window} later (tests pass one they run by hand) */
    RepeatedWarningLog(Logger log, LongSupplier nanoClock, Duration window, Executor afterWindow) {
        this.log = Objects.requireNonNull(log, "log");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.windowNanos = window.toNanos();
        this.afterWindow = Objects.requireNonNull(afterWindow, "afterWindow");
    }

    /** {@code text} is logged as given; the caller makes it safe for a log (it came from the relay). */
    synchronized void warn(String text) {
        long now = nanoClock.getAsLong();
        if (text.equals(lastText)) {
            repeats++;
            if (now - windowStart >= windowNanos) {
                writeRepeats(now);
            } else if (repeats == 1) {
                long run = windowStart;
                afterWindow.execute(() -> flushRun(run));
            }
            return;
        }
        flush();
        log.warn("{}", text);
        lastText = text;
        windowStart = now;
        repeats = 0;
    }

    /** The timer's flush: only for the window it was set for, so a flood still gets one line per window. */
    private synchronized void flushRun(long runWindowStart) {
        if (windowStart == runWindowStart) {
            flush();
        }
    }

    /** Writes the count of repeats not yet logged, if any. */
    synchronized void flush() {
        if (repeats > 0) {
            writeRepeats(nanoClock.getAsLong());
        }
    }

    private void writeRepeats(long now) {
        log.warn("{} (repeated {} more {} in {} s)", lastText, String.format(Locale.ROOT, "%,d", repeats),
                repeats == 1 ? "time" : "times", String.format(Locale.ROOT, "%.1f", (now - windowStart) / 1e9));
        windowStart = now;
        repeats = 0;
    }
}
