package dev.summonersim.llmstub;

import dev.summonersim.llmstub.internal.PromptDirectives;
import java.util.ArrayList;
import java.util.List;

/** The stub's built-in replies, so tests can compute the text they expect to see downstream. */
public final class StubScripts {

    /**
     * The default reply: realistic leading-space tokens, plus bare JSON-like tokens ({@code "null"}, {@code " 42"},
     * {@code "true"}, {@code "{}"}) whose text must survive a relay unparsed (quirk Q3).
     */
    public static final List<String> DEFAULT_TOKENS = List.of(
            "I'm", " just", " a", " computer", " program", ",", " so", " I", " don't", " have", " feelings",
            ",", " but", " I'm", " happy", " to", " help", "!", " Quick", " JSON", " check", ":", " ",
            "null", ",", " 42", ",", " ", "true", " and", " ", "{}", ".");

    /** Tokens that each look like JSON on their own; {@code #stub:json-like} streams exactly these. */
    public static final List<String> JSON_LIKE_TOKENS = List.of(
            "null", " 42", "true", "{}", " [1, 2]", " \"quoted\"", " false", " -3.5");

    private StubScripts() {
    }

    /** {@code "tok0", " tok1", ... " tok<n-1>"}: the long stream of {@code #stub:tokens=N}. */
    public static List<String> numberedTokens(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("token count < 0: " + n);
        }
        List<String> tokens = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tokens.add(i == 0 ? "tok0" : " tok" + i);
        }
        return List.copyOf(tokens);
    }

    /**
     * The exact content tokens a client receives, in order, when the default script answers {@code prompt},
     * directives included: {@code #stub:tokens=N}/{@code #stub:json-like} choose the list, and faults cut it
     * ({@code error-after}, {@code reset-after}, {@code malformed-after}, {@code stall} and {@code truncate} keep the
     * first N; an HTTP fault gives an empty list). After a malformed event the stub still writes the remaining
     * tokens, but the official clients have failed by then.
     *
     * @throws IllegalArgumentException for an unknown directive or a bad value (the stub answers 400 then)
     */
    public static List<String> tokensFor(String prompt) {
        return ChatScript.anyPrompt().tokensFor(prompt);
    }
}
