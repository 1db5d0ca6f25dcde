package dev.summonersim.llmstub.internal;

import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.Fault;
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

    public record ScriptEntry(String match, List<String> tokens, Integer tokenCount, Boolean jsonLike,
                              Long ttftMs, Long tokenDelayMs, FaultEntry fault) {
    }

    public record FaultEntry(String type, Integer status, Integer after, Long retryAfterMs) {
    }

    /** @throws IllegalArgumentException saying which field is wrong */
    public static ChatScript toScript(ScriptEntry e) {
        ChatScript s = e.match() == null ? ChatScript.anyPrompt() : ChatScript.whenPromptMatches(e.match());
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

    private static int required(Integer value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("this fault needs \"" + field + "\"");
        }
        return value;
    }
}
