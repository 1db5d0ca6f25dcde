package dev.summonersim.testkit.check;

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

    /**
     * Tokens given as a JSON list of strings, e.g. {@code ["Hi", " there"]}; throws IllegalArgumentException when the
     * text is not such a list.
     */
    public static ExpectedScript ofTokensJson(String json) {
        Object value = RecordedPayloads.parseJson(json);
        if (!(value instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw new IllegalArgumentException("expected a JSON list of strings");
        }
        return ofTokens(list.stream().map(String.class::cast).toList());
    }

    public static ExpectedScript ofText(String text) {
        return new ExpectedScript(null, text);
    }

    public boolean hasTokens() {
        return tokens != null;
    }
}
