package dev.summonersim.sdk.text;

/**
 * Makes text a peer controls safe to write to a terminal or a log: every character that a terminal would act on
 * instead of showing is replaced by a visible escape, so a token, an error text or a relayed line cannot set the
 * window title, clear the screen, move the cursor or reorder what is shown.
 *
 * <p>Escaped: C0 controls except newline and tab ({@code \x00}-{@code \x1f}, written {@code \x1b}), DEL
 * ({@code \x7f}), C1 controls ({@code \x80}-{@code \x9f}, written {@code \x9b}) and the bidirectional embedding,
 * override and isolate controls U+202A-U+202E and U+2066-U+2069 (written <code>&#92;u202e</code>). Hex digits are
 * lower-case, as in Python's {@code repr}. Everything else, including a backslash, is kept, so text without such
 * characters, and any Python {@code repr} (which already escapes them), comes back unchanged.
 *
 * <p>This is a deliberate deviation from the reference, which prints peer text as it is (quirk N3 in
 * docs/protocol.md).
 */
public final class PeerText {

    private PeerText() {
    }

    /** The text with control and bidirectional characters made visible; newlines and tabs are kept. */
    public static String sanitize(String text) {
        return escape(text, false);
    }

    /**
     * As {@link #sanitize}, and newlines and tabs are escaped too ({@code \n}, {@code \t}), for text quoted inside
     * one line of a log or a label, where a newline would let a peer start a line of its own.
     */
    public static String oneLine(String text) {
        return escape(text, true);
    }

    /** Whether {@link #sanitize} would change the code point. */
    public static boolean isUnsafe(int codePoint) {
        return (codePoint < 0x20 && codePoint != '\n' && codePoint != '\t')
                || (codePoint >= 0x7f && codePoint <= 0x9f)
                || (codePoint >= 0x202a && codePoint <= 0x202e)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }

    private static String escape(String text, boolean oneLine) {
        int first = firstToEscape(text, oneLine);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (oneLine && c == '\n') {
                out.append("\\n");
            } else if (oneLine && c == '\t') {
                out.append("\\t");
            } else if (isUnsafe(c)) {
                // Every unsafe code point is in the BMP and not a surrogate, so testing chars is exact.
                String hex = Integer.toHexString(c);
                if (c <= 0xff) {
                    out.append("\\x").append(hex.length() == 1 ? "0" : "").append(hex);
                } else {
                    out.append("\\u").append(hex);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int firstToEscape(String text, boolean oneLine) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isUnsafe(c) || (oneLine && (c == '\n' || c == '\t'))) {
                return i;
            }
        }
        return -1;
    }
}
