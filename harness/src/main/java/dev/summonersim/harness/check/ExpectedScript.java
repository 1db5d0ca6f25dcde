package dev.summonersim.harness.check;

import java.util.List;

/**
 * What one stream should carry. With tokens, a wrong stream is explained (lost, duplicated, reordered); with only
 * the text, the checker can say that it differs and where.
 */
public record ExpectedScript(List<String> tokens, String text) {

    public ExpectedScript {
        tokens = tokens == null ? null : List.copyOf(tokens);
        if (text == null) {
            throw new IllegalArgumentException("text must not be null");
        }
    }

    public static ExpectedScript ofTokens(List<String> tokens) {
        return new ExpectedScript(tokens, String.join("", tokens));
    }

    public static ExpectedScript ofText(String text) {
        return new ExpectedScript(null, text);
    }

    public boolean hasTokens() {
        return tokens != null;
    }
}
