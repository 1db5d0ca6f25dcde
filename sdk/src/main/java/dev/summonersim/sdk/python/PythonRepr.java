package dev.summonersim.sdk.python;

import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Python's {@code repr()} and {@code str()} for the sdk value model, as InputAgent prints received content and as
 * the envelope's {@code "str"} cast and StreamAgent's prompt extraction need them.
 *
 * <p>Strings follow CPython's {@code unicode_repr}: single quotes unless the text contains {@code '} and no
 * {@code "}; {@code \\}, the chosen quote, {@code \t \n \r} escaped; other controls and DEL as {@code \xNN};
 * non-ASCII kept when printable, else {@code \xNN}, {@code \\uNNNN} or {@code \UNNNNNNNN} (lower-case hex).
 * "Printable" approximates Python's {@code str.isprintable} with {@link Character#getType}: not printable are
 * categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs other than the ASCII space. Java 17 knows Unicode 13 and Python 3.11
 * Unicode 14, so characters assigned in Unicode 14 are escaped here but printed raw by Python.
 *
 * <p>Containers render like Python: {@code [1, 'a', None]}, {@code {'k': True}}, sets as {@code {1, 2}} or
 * {@code set()}. A container that contains itself prints {@code [...]} / {@code {...}} as Python does. Other Java
 * objects use {@link Object#toString()}.
 */
public final class PythonRepr {

    private PythonRepr() {
    }

    /** Python {@code repr(v)}. */
    public static String repr(Object v) {
        StringBuilder out = new StringBuilder();
        new Renderer(out).value(v);
        return out.toString();
    }

    /** Python {@code str(v)}: strings as they are, everything else as {@link #repr(Object)}. */
    public static String str(Object v) {
        return v instanceof String s ? s : repr(v);
    }

    /** Python {@code repr()} of one string, quotes included. */
    public static String reprString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        appendString(out, s);
        return out.toString();
    }

    private static void appendString(StringBuilder out, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\r') {
                out.append("\\r");
            } else if (cp < 0x20 || cp == 0x7F) {
                appendHex(out, "\\x", cp, 2);
            } else if (cp < 0x7F || isPrintable(cp)) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xFF) {
                appendHex(out, "\\x", cp, 2);
            } else if (cp <= 0xFFFF) {
                appendHex(out, "\\u", cp, 4);
            } else {
                appendHex(out, "\\U", cp, 8);
            }
        }
        out.append(quote);
    }

    private static void appendHex(StringBuilder out, String prefix, int cp, int width) {
        String hex = Integer.toHexString(cp);
        out.append(prefix).append("0".repeat(Math.max(0, width - hex.length()))).append(hex);
    }

    /** Approximation of Python's {@code Py_UNICODE_ISPRINTABLE} for non-ASCII code points (see class doc). */
    private static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.UNASSIGNED:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SPACE_SEPARATOR:
                return false;
            default:
                return true;
        }
    }

    /** One rendering pass; tracks open containers so self-references print like Python's reprlib guard. */
    private static final class Renderer {
        private final StringBuilder out;
        private final IdentityHashMap<Object, Boolean> open = new IdentityHashMap<>();

        Renderer(StringBuilder out) {
            this.out = out;
        }

        void value(Object v) {
            if (v == null) {
                out.append("None");
            } else if (v instanceof String s) {
                appendString(out, s);
            } else if (v instanceof Boolean b) {
                out.append(b ? "True" : "False");
            } else if (v instanceof Double || v instanceof Float) {
                out.append(PythonFloatRepr.repr(((Number) v).doubleValue()));
            } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                    || v instanceof BigInteger) {
                out.append(v);
            } else if (v instanceof List<?> list) {
                sequence(list, "[", "]", "[...]");
            } else if (v instanceof Map<?, ?> map) {
                mapping(map);
            } else if (v instanceof Set<?> set) {
                if (set.isEmpty()) {
                    out.append("set()");
                } else {
                    sequence(set, "{", "}", "{...}");
                }
            } else {
                out.append(v);
            }
        }

        private void sequence(Collection<?> items, String start, String end, String recursive) {
            if (open.put(items, Boolean.TRUE) != null) {
                out.append(recursive);
                return;
            }
            out.append(start);
            Iterator<?> it = items.iterator();
            while (it.hasNext()) {
                value(it.next());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(end);
            open.remove(items);
        }

        private void mapping(Map<?, ?> map) {
            if (open.put(map, Boolean.TRUE) != null) {
                out.append("{...}");
                return;
            }
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<?, ?> entry = it.next();
                value(entry.getKey());
                out.append(": ");
                value(entry.getValue());
                if (it.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
            open.remove(map);
        }
    }
}
