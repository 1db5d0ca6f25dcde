package dev.summonersim.harness.conformance;

/**
 * Text from the agent under test (its output, its tokens) made safe for a terminal and a report: every control
 * character except LF is written as an escape, so a peer cannot move the cursor or change colours.
 */
final class PrintableText {

    private PrintableText() {
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n') {
                s.append('\n');
            } else if (c == '\t') {
                s.append("\\t");
            } else if (c == '\r') {
                s.append("\\r");
            } else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029) {
                s.append(String.format("\\u%04x", c));
            } else {
                s.appendCodePoint(c);
            }
        });
        return s.toString();
    }

    /** One line: LF escaped too. */
    static String oneLine(String text) {
        return escape(text).replace("\n", "\\n");
    }
}
