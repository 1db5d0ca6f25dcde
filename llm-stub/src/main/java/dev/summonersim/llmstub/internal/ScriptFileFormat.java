package dev.summonersim.llmstub.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.Fault;
import dev.summonersim.llmstub.RecordedTiming;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The JSON shape of a mapping file ({@code {"scripts": [...]}}), bound by Jackson, and its conversion. */
public final class ScriptFileFormat {

    private static final Map<String, Function<FaultEntry, Fault>> FAULTS = Map.of(
            "http", f -> f.retryAfterMs() != null
                    ? Fault.rateLimited(Duration.ofMillis(f.retryAfterMs()))
                    : Fault.http(required(f.status(), "status")),
            "error-after", f -> Fault.errorAfter(required(f.after(), "after")),
            "reset-after", f -> Fault.resetAfter(required(f.after(), "after")),
            "truncate", f -> f.after() == null ? Fault.truncate() : Fault.truncateAfter(f.after()),
            "malformed-after", f -> Fault.malformedAfter(required(f.after(), "after")),
            "stall", f -> Fault.stallAfter(f.after() == null ? 1 : f.after()));

    private ScriptFileFormat() {
    }

    public record ScriptFile(List<ScriptEntry> scripts) {
    }

    /**
     * One script. {@code prompt} (exact last user message) and {@code model} are how recorded exchanges match;
     * {@code tokenDelaysMs} and {@code endDelayMs} are their per-token timing (see {@link RecordedTiming}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScriptEntry(String match, String prompt, String model, List<String> tokens, Integer tokenCount,
                              Boolean jsonLike, Long ttftMs, Long tokenDelayMs, List<Long> tokenDelaysMs,
                              Long endDelayMs, FaultEntry fault) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FaultEntry(String type, Integer status, Integer after, Long retryAfterMs) {
    }

    /** @throws IllegalArgumentException saying which field is wrong */
    public static ChatScript toScript(ScriptEntry e) {
        if (e.match() != null && e.prompt() != null) {
            throw new IllegalArgumentException("give only one of \"match\" (a regex) and \"prompt\" (the exact text)");
        }
        ChatScript s = e.match() != null ? ChatScript.whenPromptMatches(e.match())
                : e.prompt() != null ? ChatScript.whenPromptIs(e.prompt()) : ChatScript.anyPrompt();
        if (e.model() != null) {
            s = s.forModel(e.model());
        }
        int tokenSources = (e.tokens() != null ? 1 : 0) + (e.tokenCount() != null ? 1 : 0)
                + (Boolean.TRUE.equals(e.jsonLike()) ? 1 : 0);
        if (tokenSources > 1) {
            throw new IllegalArgumentException("give only one of \"tokens\", \"tokenCount\" and \"jsonLike\"");
        }
        if (e.tokens() != null) {
            if (e.tokens().contains(null)) {
                throw new IllegalArgumentException("\"tokens\" must be strings, found null");
            }
            s = s.tokens(e.tokens());
        }
        if (e.tokenCount() != null) {
            s = s.numberedTokens(e.tokenCount());
        }
        if (Boolean.TRUE.equals(e.jsonLike())) {
            s = s.tokens(dev.summonersim.llmstub.StubScripts.JSON_LIKE_TOKENS);
        }
        if (e.ttftMs() != null) {
            s = s.ttft(Duration.ofMillis(e.ttftMs()));
        }
        if (e.tokenDelayMs() != null) {
            s = s.tokenDelay(Duration.ofMillis(e.tokenDelayMs()));
        }
        if (e.tokenDelaysMs() != null || e.endDelayMs() != null) {
            s = s.recordedTiming(recordedTiming(e));
        }
        if (e.fault() != null) {
            Function<FaultEntry, Fault> f = FAULTS.get(e.fault().type());
            if (f == null) {
                throw new IllegalArgumentException("\"fault.type\" is '" + e.fault().type()
                        + "', expected one of " + FAULTS.keySet().stream().sorted().toList());
            }
            s = s.fault(f.apply(e.fault()));
        }
        return s;
    }

    private static RecordedTiming recordedTiming(ScriptEntry e) {
        if (e.tokenDelayMs() != null) {
            throw new IllegalArgumentException("give only one of \"tokenDelayMs\" and \"tokenDelaysMs\"/\"endDelayMs\"");
        }
        List<Long> delays = e.tokenDelaysMs() == null ? List.of() : e.tokenDelaysMs();
        if (delays.contains(null)) {
            throw new IllegalArgumentException("\"tokenDelaysMs\" must be numbers, found null");
        }
        return new RecordedTiming(delays.stream().map(Duration::ofMillis).toList(),
                Duration.ofMillis(e.endDelayMs() == null ? 0 : e.endDelayMs()));
    }

    private static int required(Integer value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("this fault needs \"" + field + "\"");
        }
        return value;
    }
}
