package dev.summonersim.agent.input.view;

import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.text.PeerText;
import dev.summonersim.sdk.wire.InputAgentDisplay;
import dev.summonersim.sdk.wire.ReceivedMessage;
import dev.summonersim.sdk.wire.RelayMessage;
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
 * Everything a peer chose (token text, error text, the stream id in the label) passes through {@link PeerText}.
 */
public final class TextView implements MessageView {
    private static final int LABEL_LENGTH = 8;

    private final Screen screen;
    private final LongSupplier nanoClock;
    private final Map<String, StreamProgress> streams = new HashMap<>();
    /** The stream whose text ends the output without a newline, or null when the output is at a line start. */
    private String openLineStream;

    /**
     * @param nanoClock monotonic nanoseconds, for the footer's duration (injected so tests can control it)
     */
    public TextView(Screen screen, LongSupplier nanoClock) {
        this.screen = screen;
        this.nanoClock = nanoClock;
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
        return streams.computeIfAbsent(streamId, id -> new StreamProgress(nanoClock.getAsLong()));
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
        String summary = (tokens == 1 ? "1 token" : tokens + " tokens")
                + String.format(Locale.ROOT, " in %.1f s", seconds);
        screen.appendText(label(streamId) + footer.apply(summary) + "\n");
    }

    private void endOpenLine() {
        if (openLineStream != null) {
            screen.appendText("\n");
            openLineStream = null;
        }
    }

    static String label(String streamId) {
        String shortId = streamId.length() <= LABEL_LENGTH ? streamId : streamId.substring(0, LABEL_LENGTH);
        return "[" + PeerText.oneLine(shortId) + "] ";
    }

    private static final class StreamProgress {
        final long startNanos;
        long tokens;

        StreamProgress(long startNanos) {
            this.startNanos = startNanos;
        }
    }
}
