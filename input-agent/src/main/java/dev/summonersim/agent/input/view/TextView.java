package dev.summonersim.agent.input.view;

import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.text.PeerText;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * Streams as live text for people. Every line of stream text starts with the stream's label ({@code [6e475111] },
 * the first 8 characters of its id), tokens are appended as they arrive, and when another stream's token
 * arrives the current line is ended and a new labelled line begins, so interleaved streams stay readable. A
 * terminal event ends the stream with a footer such as {@code [6e475111] [stream_end] 42 tokens in 1.3 s}.
 * Anything that is not a stream event is shown as in the raw view, on a line of its own, without the prompt.
 * A stream that has had no event for {@code stallAfter} and no terminal event is marked once with
 * {@code [6e475111] [stalled] no event for 5.0 s after 923 tokens}, for example when a relay's rate limit dropped
 * the rest of it; {@link #checkStalls()} is called periodically by the agent.
 * Everything a peer chose (token text, error text, the stream id in the label) passes through {@link PeerText}.
 */
public final class TextView implements MessageView {
    private static final int LABEL_LENGTH = 8;
    public static final Duration DEFAULT_STALL_AFTER = Duration.ofSeconds(5);

    private final Screen screen;
    private final LongSupplier nanoClock;
    private final long stallAfterNanos;
    private final Map<String, StreamProgress> streams = new HashMap<>();
    /** The stream whose text ends the output without a newline, or null when the output is at a line start. */
    private String openLineStream;

    /**
     * @param nanoClock monotonic nanoseconds, for the footer's duration (injected so tests can control it)
     */
    public TextView(Screen screen, LongSupplier nanoClock) {
        this(screen, nanoClock, DEFAULT_STALL_AFTER);
    }

    /**
     * @param nanoClock  monotonic nanoseconds, for the footer's duration and stall detection
     * @param stallAfter how long a stream without any event counts as stalled
     */
    public TextView(Screen screen, LongSupplier nanoClock, Duration stallAfter) {
        this.screen = screen;
        this.nanoClock = nanoClock;
        this.stallAfterNanos = stallAfter.toNanos();
        if (stallAfterNanos <= 0) {
            throw new IllegalArgumentException("stallAfter must be positive: " + stallAfter);
        }
    }

    /** Marks every running stream that has been silent for the stall time, once per silence. */
    @Override
    public synchronized void checkStalls() {
        long now = nanoClock.getAsLong();
        for (Map.Entry<String, StreamProgress> entry : streams.entrySet()) {
            StreamProgress progress = entry.getValue();
            if (!progress.stallShown && now - progress.lastEventNanos >= stallAfterNanos) {
                progress.stallShown = true;
                endOpenLine();
                screen.appendText(label(entry.getKey()) + "[stalled] no event for "
                        + String.format(Locale.ROOT, "%.1f s", (now - progress.lastEventNanos) / 1e9) + " after "
                        + tokenCount(progress.tokens) + " (no stream_end yet)\n");
            }
        }
    }

    @Override
    public synchronized void show(ReceivedMessage message) {
        Optional<StreamEvent> event = message instanceof RelayMessage relay
                ? StreamEvent.fromContent(relay.content())
                : Optional.empty();
        if (event.isEmpty()) {
            endOpenLine();
            screen.appendText(TerminalScreen.withoutPromptFrame(InputAgentDisplay.render(message)) + "\n");
            return;
        }
        StreamEvent e = event.get();
        if (e instanceof StreamStart start) {
            // No output yet: a line is opened by the first token, so a stream without tokens leaves no empty line.
            progressOf(start.streamId());
        } else if (e instanceof Token token) {
            progressOf(token.streamId()).tokens++;
            continueLine(token.streamId(), PeerText.sanitize(token.token()));
        } else if (e instanceof StreamEnd end) {
            finish(end.streamId(), summary -> "[stream_end] " + summary);
        } else if (e instanceof StreamCancelled cancelled) {
            finish(cancelled.streamId(), summary -> "[stream_cancelled] after " + summary);
        } else if (e instanceof StreamError error) {
            finish(error.streamId(), summary -> "[stream_error] " + PeerText.oneLine(error.error()) + " after " + summary);
        }
    }

    private StreamProgress progressOf(String streamId) {
        long now = nanoClock.getAsLong();
        StreamProgress progress = streams.computeIfAbsent(streamId, id -> new StreamProgress(now));
        progress.lastEventNanos = now;
        progress.stallShown = false;
        return progress;
    }

    /** Writes stream text, starting a labelled line whenever the output is not already on this stream's line. */
    private void continueLine(String streamId, String text) {
        StringBuilder out = new StringBuilder();
        if (!streamId.equals(openLineStream)) {
            if (openLineStream != null) {
                out.append('\n');
            }
            out.append(label(streamId));
            openLineStream = streamId;
        }
        int from = 0;
        int nl;
        while ((nl = text.indexOf('\n', from)) >= 0) {
            out.append(text, from, nl + 1);
            from = nl + 1;
            // A token's own newline: continue the stream on a new labelled line unless the token ends here.
            if (from < text.length()) {
                out.append(label(streamId));
            } else {
                openLineStream = null;
            }
        }
        out.append(text, from, text.length());
        screen.appendText(out.toString());
    }

    /** Ends the stream with a footer line; {@code footer} gets "N tokens in S s". */
    private void finish(String streamId, UnaryOperator<String> footer) {
        StreamProgress progress = streams.remove(streamId);
        long now = nanoClock.getAsLong();
        long tokens = progress == null ? 0 : progress.tokens;
        double seconds = progress == null ? 0.0 : (now - progress.startNanos) / 1e9;
        endOpenLine();
        String summary = tokenCount(tokens)
                + String.format(Locale.ROOT, " in %.1f s", seconds);
        screen.appendText(label(streamId) + footer.apply(summary) + "\n");
    }

    private void endOpenLine() {
        if (openLineStream != null) {
            screen.appendText("\n");
            openLineStream = null;
        }
    }

    private static String tokenCount(long tokens) {
        return tokens == 1 ? "1 token" : tokens + " tokens";
    }

    static String label(String streamId) {
        String shortId = streamId.length() <= LABEL_LENGTH ? streamId : streamId.substring(0, LABEL_LENGTH);
        return "[" + PeerText.oneLine(shortId) + "] ";
    }

    private static final class StreamProgress {
        final long startNanos;
        long lastEventNanos;
        long tokens;
        boolean stallShown;

        StreamProgress(long startNanos) {
            this.startNanos = startNanos;
            this.lastEventNanos = startNanos;
        }
    }
}
