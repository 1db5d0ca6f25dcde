package dev.summonersim.sdk.python;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns Jackson's token stream into plain Java values the way Python's {@code json.loads} builds Python objects:
 * objects become LinkedHashMap (a repeated key keeps its first position and takes the last value, like a Python
 * dict), integers Long or BigInteger, other numbers Double. Jackson does the parsing; this class only maps tokens.
 */
final class PythonValueReader {

    /** The only non-finite tokens Python accepts; Jackson's ALLOW_NON_NUMERIC_NUMBERS also takes "+INF" etc. */
    private static final Set<String> PYTHON_NON_FINITE = Set.of("NaN", "Infinity", "-Infinity");

    private final JsonParser parser;

    PythonValueReader(JsonParser parser) {
        this.parser = parser;
    }

    /** Reads exactly one document and insists that nothing but whitespace follows it. */
    Object readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw new JsonSyntaxException("Expecting value: the text is empty or only whitespace");
        }
        Object value = read(first);
        if (parser.nextToken() != null) {
            throw new JsonSyntaxException("Extra data after the JSON value at " + location());
        }
        return value;
    }

    private Object read(JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT:
                return readObject();
            case START_ARRAY:
                return readArray();
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return readInteger();
            case VALUE_NUMBER_FLOAT:
                return readFloat();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonSyntaxException("Unexpected token " + token + " at " + location());
        }
    }

    private Map<String, Object> readObject() throws IOException {
        Map<String, Object> map = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            map.put(key, read(parser.nextToken()));
        }
        if (token != JsonToken.END_OBJECT) {
            throw new JsonSyntaxException("Unterminated object at " + location());
        }
        return map;
    }

    private List<Object> readArray() throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new JsonSyntaxException("Unterminated array at " + location());
            }
            list.add(read(token));
        }
        return list;
    }

    private Object readInteger() throws IOException {
        if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            return parser.getBigIntegerValue();
        }
        return parser.getLongValue();
    }

    private Double readFloat() throws IOException {
        if (parser.isNaN() && !PYTHON_NON_FINITE.contains(parser.getText())) {
            throw new JsonSyntaxException("Expecting value: '" + parser.getText() + "' at " + location()
                + " (only NaN, Infinity and -Infinity are accepted)");
        }
        // Double.parseDouble semantics: "1e400" becomes Infinity, as float("1e400") does in Python
        return parser.getDoubleValue();
    }

    private String location() {
        var loc = parser.currentLocation();
        return "line " + loc.getLineNr() + " column " + loc.getColumnNr();
    }
}
