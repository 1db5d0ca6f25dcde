package dev.summonersim.llmstub.internal;

import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.Fault;
import dev.summonersim.llmstub.Lognormal;
import dev.summonersim.llmstub.RecordedTiming;
import dev.summonersim.llmstub.StubScripts;
import java.time.Duration;
import java.util.List;

/**
 * What the stub answers to one request, after script, defaults and prompt directives were combined.
 *
 * @param tokenDelay the delay between tokens (the median when {@code gaps} is a spread)
 * @param gaps       what each inter-token delay is drawn from, in ms; fixed at {@code tokenDelay} unless the stub's
 *                   default spread applies (no script or directive set a delay)
 * @param recorded   per-token delays of a recorded answer, or null; they win over {@code gaps} (by token index)
 *                   unless a prompt directive sets the delay
 */
public record Reply(List<String> tokens, Duration ttft, Duration tokenDelay, Fault fault, Lognormal gaps,
                    RecordedTiming recorded) {

    public Reply {
        tokens = List.copyOf(tokens);
        if (gaps == null) {
            gaps = Lognormal.fixed(tokenDelay.toMillis());
        }
    }

    public Reply(List<String> tokens, Duration ttft, Duration tokenDelay, Fault fault, Lognormal gaps) {
        this(tokens, ttft, tokenDelay, fault, gaps, null);
    }

    public Reply(List<String> tokens, Duration ttft, Duration tokenDelay, Fault fault) {
        this(tokens, ttft, tokenDelay, fault, null, null);
    }

    /** The reply to one request: the script with fixed default timings and the prompt's directives applied. */
    public static Reply resolve(ChatScript script, String prompt, Duration defaultTtft, Duration defaultTokenDelay) {
        return resolve(script, prompt, StubScripts.DEFAULT_TOKENS, defaultTtft,
                Lognormal.fixed(defaultTokenDelay.toMillis()));
    }

    /**
     * The reply to one request when the stub's defaults were drawn for it: {@code defaultTokens} and
     * {@code defaultTtft} apply unless the script sets its own, {@code defaultGaps} unless it sets a token delay.
     */
    public static Reply resolve(ChatScript script, String prompt, List<String> defaultTokens, Duration defaultTtft,
                                Lognormal defaultGaps) {
        boolean ownDelay = script.tokenDelay() != null;
        Reply base = new Reply(script.tokens() == null ? defaultTokens : script.tokens(),
                script.ttft() == null ? defaultTtft : script.ttft(),
                ownDelay ? script.tokenDelay() : Duration.ofMillis(Math.round(defaultGaps.median())),
                script.fault(),
                ownDelay ? null : defaultGaps,
                script.recordedTiming());
        return PromptDirectives.parse(prompt).applyTo(base);
    }

    /** The content tokens a client receives before the stream ends or a fault stops it. */
    public List<String> deliveredTokens() {
        return tokens.subList(0, fault.tokensBeforeStop(tokens.size()));
    }

    /** Recorded delays stay, by token index (so {@code #stub:tokens=N} in a recorded prompt keeps its timing). */
    Reply withTokens(List<String> t) {
        return new Reply(t, ttft, tokenDelay, fault, gaps, recorded);
    }

    Reply withTtft(Duration d) {
        return new Reply(tokens, d, tokenDelay, fault, gaps, recorded);
    }

    Reply withTokenDelay(Duration d) {
        return new Reply(tokens, ttft, d, fault, null, null);
    }

    Reply withFault(Fault f) {
        return new Reply(tokens, ttft, tokenDelay, f, gaps, recorded);
    }
}
