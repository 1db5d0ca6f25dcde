package dev.summonersim.sdk.python;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * String escaping of the two JSON writers this protocol meets, plugged into Jackson's generator.
 *
 * <p>Jackson's own escapes use upper-case hex ({@code \\u001F}) and cannot be told to escape DEL only, so every
 * character that needs an escape is declared {@link #ESCAPE_CUSTOM} and spelled out here:
 * <ul>
 *   <li>{@link #pythonAscii()}: Python {@code json.dumps} with {@code ensure_ascii=True}: short forms for
 *       {@code \" \\ \n \r \t \b \f}, lower-case {@code \\u00XX} for other controls and DEL, and {@code \\uXXXX} for
 *       every non-ASCII UTF-16 unit (so astral characters become surrogate pairs, as Python writes them);</li>
 *   <li>{@link #rustSerde()}: serde_json's {@code to_string}: the same short forms and lower-case {@code \\u00XX}
 *       for other controls, but DEL and all non-ASCII written raw.</li>
 * </ul>
 * {@code /} is never escaped. Instances are immutable.
 */
public final class JsonStringEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final boolean asciiOnly;
    private final int[] asciiCodes;

    private JsonStringEscapes(boolean asciiOnly) {
        this.asciiOnly = asciiOnly;
        int[] codes = new int[128];
        for (int c = 0; c < 0x20; c++) {
            codes[c] = ESCAPE_CUSTOM;
        }
        codes['"'] = ESCAPE_CUSTOM;
        codes['\\'] = ESCAPE_CUSTOM;
        if (asciiOnly) {
            codes[0x7F] = ESCAPE_CUSTOM;
        }
        this.asciiCodes = codes;
    }

    private static final JsonStringEscapes PYTHON_ASCII = new JsonStringEscapes(true);
    private static final JsonStringEscapes RUST_SERDE = new JsonStringEscapes(false);

    /** Shared instance; immutable, so every generator may use it. */
    public static JsonStringEscapes pythonAscii() {
        return PYTHON_ASCII;
    }

    /** Shared instance; immutable, so every generator may use it. */
    public static JsonStringEscapes rustSerde() {
        return RUST_SERDE;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
        // Jackson keeps a reference; hand out a copy so no caller can change our table.
        return asciiCodes.clone();
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        String escape = escapeOf(ch);
        return escape == null ? null : new SerializedString(escape);
    }

    /** The escape text for one UTF-16 unit, or null when it is written as is. */
    String escapeOf(int ch) {
        switch (ch) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            default:
                break;
        }
        if (ch < 0x20 || (asciiOnly && ch >= 0x7F)) {
            return unicodeEscape(ch);
        }
        return null;
    }

    private static String unicodeEscape(int ch) {
        return new String(new char[] {'\\', 'u', HEX[(ch >> 12) & 0xF], HEX[(ch >> 8) & 0xF], HEX[(ch >> 4) & 0xF],
            HEX[ch & 0xF]});
    }
}
