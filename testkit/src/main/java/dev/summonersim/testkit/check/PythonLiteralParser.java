package dev.summonersim.testkit.check;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back what Python's repr() prints for the values an InputAgent displays: dict, list, tuple, str, int,
 * float (including nan and inf), True, False and None. This is the reverse of the display format only, not a
 * Python parser: the InputAgent's raw output is all the checker needs it for. Values follow the project's value
 * model (str=String, int=Long or BigInteger, float=Double, dict=LinkedHashMap, list=List, None=null).
 */
public final class PythonLiteralParser {

    private final String text;
    private int pos;

    private PythonLiteralParser(String text) {
        this.text = text;
    }

    /** Parses one complete literal; surrounding whitespace is allowed. */
    public static Object parse(String text) {
        PythonLiteralParser parser = new PythonLiteralParser(text);
        Object value = parser.value();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private Object value() {
        skipSpaces();
        if (pos >= text.length()) {
            throw error("expected a value, found the end of the text");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '[' -> sequence('[', ']');
            case '(' -> sequence('(', ')');
            case '\'', '"' -> string();
            default -> atom();
        };
    }

    private Map<String, Object> dict() {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipSpaces();
        if (peek('}')) {
            pos++;
            return map;
        }
        while (true) {
            Object key = value();
            skipSpaces();
            expect(':');
            map.put(key instanceof String s ? s : String.valueOf(key), value());
            skipSpaces();
            if (peek(',')) {
                pos++;
                skipSpaces();
                if (peek('}')) {
                    pos++;
                    return map;
                }
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> sequence(char open, char close) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipSpaces();
        if (peek(close)) {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpaces();
            if (peek(',')) {
                pos++;
                skipSpaces();
                if (peek(close)) {
                    pos++;
                    return list;
                }
            } else {
                expect(close);
                return list;
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return s.toString();
            }
            if (c != '\\') {
                s.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("unterminated escape");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '\\', '\'', '"' -> s.append(e);
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'a' -> s.append('\u0007');
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'v' -> s.append('\u000b');
                case '0' -> s.append('\0');
                case 'x' -> s.appendCodePoint(hex(2));
                case 'u' -> s.appendCodePoint(hex(4));
                case 'U' -> s.appendCodePoint(hex(8));
                default -> throw error("unknown escape \\" + e);
            }
        }
    }

    private int hex(int digits) {
        if (pos + digits > text.length()) {
            throw error("truncated \\x/\\u escape");
        }
        try {
            int value = Integer.parseUnsignedInt(text.substring(pos, pos + digits), 16);
            pos += digits;
            return value;
        } catch (NumberFormatException e) {
            throw error("bad hex digits in escape");
        }
    }

    private Object atom() {
        int start = pos;
        while (pos < text.length() && ",:]})".indexOf(text.charAt(pos)) < 0 && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "None":
                return null;
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "nan":
                return Double.NaN;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (word.matches("[-+]?\\d+")) {
            BigInteger big = new BigInteger(word);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (word.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return Double.parseDouble(word);
        }
        pos = start;
        throw error("unexpected " + (word.isEmpty() ? "character" : "'" + word + "'"));
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        String near = text.substring(Math.min(pos, text.length()), Math.min(text.length(), pos + 20));
        return new IllegalArgumentException("Python literal: " + what + " at offset " + pos + " near '" + near + "'");
    }
}
