package dev.summonersim.llmstub;

import dev.summonersim.llmstub.internal.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One scripted reply: which prompts it answers (a regex found anywhere in the last user message), the tokens it
 * streams, its timings and an optional fault. Immutable; every method returns a new script.
 * <pre>{@code
 * stub.script(ChatScript.whenPromptMatches("(?i)weather")
 *         .tokens("It", "'s", " sunny")
 *         .tokenDelay(Duration.ofMillis(5))
 *         .fault(Fault.resetAfter(2)));
 * }</pre>
 * Unset timings fall back to the stub's {@link LlmStubConfig}; unset tokens to {@link StubScripts#DEFAULT_TOKENS}.
 * Prompt directives ({@code #stub:...}) still apply on top of a script.
 */
public final class ChatScript {

    private final Pattern promptPattern;
    private final List<String> tokens;
    private final Duration ttft;
    private final Duration tokenDelay;
    private final Fault fault;
    private final String model;
    private final RecordedTiming recordedTiming;

    private ChatScript(Pattern promptPattern, List<String> tokens, Duration ttft, Duration tokenDelay, Fault fault,
                       String model, RecordedTiming recordedTiming) {
        this.promptPattern = promptPattern;
        this.tokens = tokens;
        this.ttft = ttft;
        this.tokenDelay = tokenDelay;
        this.fault = fault;
        this.model = model;
        this.recordedTiming = recordedTiming;
    }

    /** A script for every prompt. */
    public static ChatScript anyPrompt() {
        return new ChatScript(null, null, null, null, Fault.none(), null, null);
    }

    /** A script for prompts whose last user message is exactly {@code prompt} (how recorded exchanges match). */
    public static ChatScript whenPromptIs(String prompt) {
        Objects.requireNonNull(prompt, "prompt");
        return whenPromptMatches("\\A" + Pattern.quote(prompt) + "\\z");
    }

    /** A script for prompts whose last user message contains a match of {@code regex} ({@link java.util.regex.Matcher#find()}). */
    public static ChatScript whenPromptMatches(String regex) {
        Objects.requireNonNull(regex, "regex");
        try {
            return new ChatScript(Pattern.compile(regex), null, null, null, Fault.none(), null, null);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid prompt regex '" + regex + "': " + e.getDescription(), e);
        }
    }

    public ChatScript tokens(String... tokens) {
        return tokens(List.of(tokens));
    }

    public ChatScript tokens(List<String> tokens) {
        return new ChatScript(promptPattern, List.copyOf(tokens), ttft, tokenDelay, fault, model, recordedTiming);
    }

    /** A long reply of {@code n} tokens {@code "tok0", " tok1", ...} (as {@code #stub:tokens=N}). */
    public ChatScript numberedTokens(int n) {
        return tokens(StubScripts.numberedTokens(n));
    }

    /** Time to first token: the pause between the response headers and the first content event. */
    public ChatScript ttft(Duration ttft) {
        return new ChatScript(promptPattern, tokens, checkDelay("ttft", ttft), tokenDelay, fault, model, recordedTiming);
    }

    /** The pause before every token after the first (and before the final chunk). */
    public ChatScript tokenDelay(Duration tokenDelay) {
        return new ChatScript(promptPattern, tokens, ttft, checkDelay("tokenDelay", tokenDelay), fault, model,
                recordedTiming);
    }

    public ChatScript fault(Fault fault) {
        return new ChatScript(promptPattern, tokens, ttft, tokenDelay, Objects.requireNonNull(fault, "fault"), model,
                recordedTiming);
    }

    /** Answers only requests for this {@code model} (compared exactly with the request's {@code "model"}). */
    public ChatScript forModel(String model) {
        return new ChatScript(promptPattern, tokens, ttft, tokenDelay, fault, Objects.requireNonNull(model, "model"),
                recordedTiming);
    }

    /** Replays each token with its own recorded delay (see {@link RecordedTiming}) instead of one token delay. */
    public ChatScript recordedTiming(RecordedTiming timing) {
        return new ChatScript(promptPattern, tokens, ttft, tokenDelay, fault, model,
                Objects.requireNonNull(timing, "timing"));
    }

    /** The prompt regex, or null when the script answers every prompt. */
    public String promptRegex() {
        return promptPattern == null ? null : promptPattern.pattern();
    }

    /** The scripted tokens, or null for the default reply. */
    public List<String> tokens() {
        return tokens;
    }

    public Duration ttft() {
        return ttft;
    }

    public Duration tokenDelay() {
        return tokenDelay;
    }

    public Fault fault() {
        return fault;
    }

    /** The model this script is limited to, or null for any. */
    public String model() {
        return model;
    }

    /** Per-token recorded timing, or null when the token delay applies. */
    public RecordedTiming recordedTiming() {
        return recordedTiming;
    }

    /** Whether this script answers {@code prompt} (ignoring directives). */
    public boolean matches(String prompt) {
        return promptPattern == null || (prompt != null && promptPattern.matcher(prompt).find());
    }

    /** The content tokens a client receives from this script for {@code prompt}, directives and faults applied (see {@link StubScripts#tokensFor}). */
    public List<String> tokensFor(String prompt) {
        return Reply.resolve(this, prompt, Duration.ZERO, Duration.ZERO).deliveredTokens();
    }

    private static Duration checkDelay(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " < 0: " + d);
        }
        return d;
    }

    @Override
    public String toString() {
        return "ChatScript{prompt=" + (promptPattern == null ? "*" : "/" + promptPattern.pattern() + "/")
                + (model == null ? "" : ", model=" + model)
                + ", tokens=" + (tokens == null ? "default" : tokens.size()) + ", ttft=" + ttft
                + ", tokenDelay=" + (recordedTiming == null ? tokenDelay : "recorded") + ", fault=" + fault + "}";
    }
}
