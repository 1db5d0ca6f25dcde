package dev.summonersim.agent.input.view;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jline.utils.WCWidth;

/**
 * Wraps one line of output to the terminal width the way a chat client does: words are kept whole where they fit,
 * and every row after the first is indented by the width of the line's tag ({@code [9e1f0e19] },
 * {@code [Received] }), so the text stays in one column under its label:
 * <pre>
 * [9e1f0e19] I'm just a computer program, so I don't have feelings, but I'm
 *            happy to help!
 * </pre>
 * Greedy: appending text to a line changes only its last row, so every row before the last is final.
 */
final class LineWrapper {
    /** A tag this agent writes at the start of a line; a longer bracket is not treated as one. */
    private static final Pattern TAG = Pattern.compile("^\\[[^\\]\\n]{1,40}\\] ");

    private LineWrapper() {
    }

    /**
     * The indent for the rows after the first: the width of the line's leading tag, else of its leading spaces (a
     * continuation line the raw view already indented). Never the left margin for a tagged line, so a peer cannot
     * pad its text until a wrapped row starts with something that looks like a tag.
     */
    static int hangingIndent(String line) {
        Matcher m = TAG.matcher(line);
        if (m.find()) {
            return width(m.group());
        }
        int spaces = 0;
        while (spaces < line.length() && line.charAt(spaces) == ' ') {
            spaces++;
        }
        return spaces;
    }

    /** The line's leading tag with its space, or "". */
    static String tagOf(String line) {
        Matcher m = TAG.matcher(line);
        return m.find() ? m.group() : "";
    }

    /**
     * The rows of {@code text} (no newline in it) at {@code width} columns; the first row starts with
     * {@code firstPrefix}, the others with {@code indent} spaces. A width too small for the indent plus a few
     * characters, or 0 (unknown), means no wrapping.
     */
    static List<String> wrap(String firstPrefix, String text, int indent, int width) {
        List<String> rows = new ArrayList<>();
        if (width <= 0 || width - indent < 8) {
            rows.add(firstPrefix + text);
            return rows;
        }
        String prefix = firstPrefix;
        String rest = text;
        // On a first row that carries its own tag (or indent), never break inside it.
        int unbreakable = firstPrefix.isEmpty() ? fittingChars(text, indent) : 0;
        while (true) {
            int room = width - width(prefix);
            int fit = fittingChars(rest, room);
            if (fit >= rest.length()) {
                rows.add(prefix + rest);
                return rows;
            }
            int breakAt = rest.lastIndexOf(' ', fit);
            int next;
            if (breakAt >= unbreakable && breakAt > 0) {
                next = breakAt + 1; // the space at a row break is dropped, as in a chat client
            } else {
                breakAt = Math.max(fit, Character.charCount(rest.codePointAt(0)));
                next = breakAt;
            }
            rows.add(prefix + rest.substring(0, breakAt));
            rest = rest.substring(next);
            prefix = " ".repeat(indent);
            unbreakable = 0;
        }
    }

    /** How many chars of {@code s} fit in {@code columns}. */
    private static int fittingChars(String s, int columns) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int w = Math.max(0, WCWidth.wcwidth(cp));
            if (used + w > columns) {
                return i;
            }
            used += w;
            i += Character.charCount(cp);
        }
        return i;
    }

    static int width(String s) {
        return s.codePoints().map(cp -> Math.max(0, WCWidth.wcwidth(cp))).sum();
    }
}
