package dev.summonersim.llmstub.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.llmstub.internal.ScriptFileFormat.FaultEntry;
import dev.summonersim.llmstub.internal.ScriptFileFormat.ScriptEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one proxied chat completion into a replayable script as its bytes pass through: the content tokens, the
 * time from the response headers to the first event ({@code ttftMs}), each token's delay after the previous
 * token (the first after the first event), and the delay from the last token to the end. Only the prompt, the
 * model, the tokens and the timing are kept: never a header, never the request body.
 */
final class ExchangeRecording {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** How the upstream's stream ended. */
    enum Ending { EOF, CUT }

    private final String prompt;
    private final String model;
    private final long headersNanos;
    private final SseEventSplitter splitter = new SseEventSplitter();
    private final List<String> tokens = new ArrayList<>();
    private final List<Long> delays = new ArrayList<>();
    private long firstEventNanos = -1;
    private long lastTokenNanos;
    private long endNanos = -1;
    private boolean finished;
    private boolean errorEvent;

    /** @param model the request's {@code model}, or null when it had none (the script then answers any model) */
    ExchangeRecording(String prompt, String model, long headersNanos) {
        this.prompt = prompt;
        this.model = model;
        this.headersNanos = headersNanos;
    }

    /** Feeds the next {@code length} body bytes, which start at body offset {@code offset}. */
    void bytes(byte[] buffer, int length, long offset, ArrivalTimes arrivals) {
        for (SseEventSplitter.Event e : splitter.feed(buffer, 0, length)) {
            event(e.data(), arrivals.arrivalOf(offset + e.endIndex()));
        }
    }

    private void event(String data, long nanos) {
        if (endNanos >= 0) {
            return; // the usage chunk and [DONE] after the finish chunk carry no timing worth replaying
        }
        if (firstEventNanos < 0) {
            firstEventNanos = nanos;
            lastTokenNanos = nanos;
        }
        if ("[DONE]".equals(data)) {
            finished = true;
            endNanos = nanos;
            return;
        }
        JsonNode chunk;
        try {
            chunk = JSON.readTree(data);
        } catch (IOException e) {
            return; // a broken event is passed through to the caller but not replayed
        }
        if (chunk.has("error")) {
            errorEvent = true;
            endNanos = nanos;
            return;
        }
        JsonNode choice = chunk.path("choices").path(0);
        JsonNode content = choice.path("delta").path("content");
        if (content.isTextual() && !content.asText().isEmpty()) {
            tokens.add(content.asText());
            delays.add(millis(nanos - lastTokenNanos));
            lastTokenNanos = nanos;
        }
        JsonNode finish = choice.path("finish_reason");
        if (finish.isTextual()) {
            finished = true;
            endNanos = nanos;
        }
    }

    /** The script of a stream that ended at {@code nanos}, cleanly or cut; a cut or error is kept as its fault. */
    ScriptEntry stream(Ending ending, long nanos) {
        long end = endNanos >= 0 ? endNanos : nanos;
        long first = firstEventNanos >= 0 ? firstEventNanos : end;
        long last = firstEventNanos >= 0 ? lastTokenNanos : end;
        FaultEntry fault = null;
        if (errorEvent) {
            fault = new FaultEntry("error-after", null, tokens.size(), null);
        } else if (!finished) {
            fault = new FaultEntry(ending == Ending.CUT ? "reset-after" : "truncate", null, tokens.size(), null);
        }
        return new ScriptEntry(null, prompt, model, List.copyOf(tokens), null, null, millis(first - headersNanos),
                null, List.copyOf(delays), millis(end - last), fault);
    }

    /** The script of a non-streaming answer: its whole content as one token after the whole response time. */
    static ScriptEntry completion(String prompt, String model, byte[] body, long elapsedNanos) {
        try {
            JsonNode content = JSON.readTree(body).path("choices").path(0).path("message").path("content");
            if (!content.isTextual()) {
                return null;
            }
            return new ScriptEntry(null, prompt, model, List.of(content.asText()), null, null, millis(elapsedNanos),
                    null, List.of(0L), 0L, null);
        } catch (IOException e) {
            return null;
        }
    }

    int tokenCount() {
        return tokens.size();
    }

    private static long millis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }
}
