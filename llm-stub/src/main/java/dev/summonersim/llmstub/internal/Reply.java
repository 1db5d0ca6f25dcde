package dev.summonersim.llmstub.internal;

import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.Fault;
import dev.summonersim.llmstub.StubScripts;
import java.time.Duration;
import java.util.List;

/** What the stub answers to one request, after script, defaults and prompt directives were combined. */
public record Reply(List<String> tokens, Duration ttft, Duration tokenDelay, Fault fault) {

    public Reply {
        tokens = List.copyOf(tokens);
    }

    /** The reply to one request: the script with the stub's default timings and the prompt's directives applied. */
    public static Reply resolve(ChatScript script, String prompt, Duration defaultTtft, Duration defaultTokenDelay) {
        Reply base = new Reply(script.tokens() == null ? StubScripts.DEFAULT_TOKENS : script.tokens(),
                script.ttft() == null ? defaultTtft : script.ttft(),
                script.tokenDelay() == null ? defaultTokenDelay : script.tokenDelay(),
                script.fault());
        return PromptDirectives.parse(prompt).applyTo(base);
    }

    /** The content tokens a client receives before the stream ends or a fault stops it. */
    public List<String> deliveredTokens() {
        return tokens.subList(0, fault.tokensBeforeStop(tokens.size()));
    }

    Reply withTokens(List<String> t) {
        return new Reply(t, ttft, tokenDelay, fault);
    }

    Reply withTtft(Duration d) {
        return new Reply(tokens, d, tokenDelay, fault);
    }

    Reply withTokenDelay(Duration d) {
        return new Reply(tokens, ttft, d, fault);
    }

    Reply withFault(Fault f) {
        return new Reply(tokens, ttft, tokenDelay, f);
    }
}
