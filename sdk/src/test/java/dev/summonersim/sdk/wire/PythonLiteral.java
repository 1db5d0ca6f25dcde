package dev.summonersim.sdk.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test-only reader for the small Python literals in the vectors' {@code *_python_repr} fields (str with simple
 * escapes, int, float, True/False/None, list, dict), so every stream_prompt vector is driven from the file instead
 * of being transcribed by hand. Not a general Python parser, and not used by production code.
 */
final class PythonLiteral {

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        PythonLiteral reader = new PythonLiteral(text);
        Object value = reader.value();
        reader.skipSpaces();
        if (reader.pos != text.length()) {
            throw new IllegalArgumentException("trailing text in " + text);
        }
        return value;
    }

    private Object value() {
        skipSpaces();
        char c = text.charAt(pos);
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (!consume(']')) {
                list.add(value());
                consume(',');
            }
            return list;
        }
        if (c == '{') {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            while (!consume('}')) {
                Object key = value();
                expect(':');
                map.put((String) key, value());
                consume(',');
            }
            return map;
        }
        for (var word : List.of("True", "False", "None")) {
            if (text.startsWith(word, pos)) {
                pos += word.length();
                return word.equals("None") ? null : Boolean.valueOf(word.equals("True"));
            }
        }
        int start = pos;
        while (pos < text.length() && "+-0123456789.eEnaif".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String number = text.substring(start, pos);
        if (number.matches("[+-]?[0-9]+")) {
            return Long.parseLong(number);
        }
        return switch (number) {
            case "nan" -> Double.NaN;
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(number);
        };
    }

    private String string(char quote) {
        pos++;
        StringBuilder out = new StringBuilder();
        while (text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                default -> out.append(e);
            }
        }
        pos++;
        return out.toString();
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private boolean consume(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw new IllegalArgumentException("expected " + c + " at " + pos + " in " + text);
        }
    }
}
