package dev.summonersim.sdk.python;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;

/**
 * Python {@code json.dumps} default separators on one line: {@code ", "} between items and {@code ": "} after keys,
 * no other whitespace. Jackson's DefaultPrettyPrinter adds a space before the colon and newlines, hence this class.
 * Stateless, so one instance can be shared by every generator.
 */
final class PythonSeparators implements PrettyPrinter {

    static final PythonSeparators INSTANCE = new PythonSeparators();

    private PythonSeparators() {
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator g) throws IOException {
        // one value per dumps() call: nothing between root values
    }

    @Override
    public void writeStartObject(JsonGenerator g) throws IOException {
        g.writeRaw('{');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
        g.writeRaw('}');
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
        g.writeRaw(", ");
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(": ");
    }

    @Override
    public void writeStartArray(JsonGenerator g) throws IOException {
        g.writeRaw('[');
    }

    @Override
    public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
        g.writeRaw(']');
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
        g.writeRaw(", ");
    }

    @Override
    public void beforeArrayValues(JsonGenerator g) throws IOException {
    }

    @Override
    public void beforeObjectEntries(JsonGenerator g) throws IOException {
    }
}
