package dev.summonersim.sdk.python;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * Python's {@code json.dumps} (default arguments) and {@code json.loads}, byte for byte, over the sdk value model:
 * str=String, bool=Boolean, int=Long or BigInteger (Integer/Short/Byte accepted when writing), float=Double (Float
 * accepted when writing), None=null, list=List, dict=Map (insertion order kept; reading produces LinkedHashMap).
 *
 * <p>Both directions run on Jackson: the writer drives a JsonGenerator with Python's separators and escapes, the
 * reader maps Jackson's tokens. Thread-safe: the factory is configured once and never changed.
 */
public final class PythonJson {

    /**
     * Deepest nesting {@link #loads(String)} accepts. Python itself dies with RecursionError at around 1000 levels
     * (quirk Q8); a fixed, lower cap turns such input into a normal syntax error instead.
     */
    public static final int MAX_DEPTH = 512;

    /**
     * Longest number literal accepted, in characters. Python 3.11 refuses int literals above 4300 digits; a relay line
     * is at most 64 KiB anyway, so this only keeps BigInteger parsing (quadratic) bounded.
     */
    static final int MAX_NUMBER_LENGTH = 100_000;

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        // peers choose the keys: no shared symbol table that colliding names could overflow (Jackson would throw
        // IllegalStateException, which is not a syntax error)
        .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
        .streamReadConstraints(StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxNameLength(Integer.MAX_VALUE)
            .build())
        .build();

    private PythonJson() {
    }

    /**
     * {@code json.dumps(v)}: {@code ", "} and {@code ": "} separators, ASCII-only output with lower-case
     * {@code \\uXXXX} escapes (surrogate pairs above the BMP, DEL escaped), {@code NaN}/{@code Infinity}/
     * {@code -Infinity} tokens, Python float repr, exact big integers, key order kept.
     *
     * @throws IllegalArgumentException for values outside the value model, non-convertible keys or cycles
     */
    public static String dumps(Object v) {
        StringWriter out = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            generator.setPrettyPrinter(PythonSeparators.INSTANCE);
            generator.setCharacterEscapes(JsonStringEscapes.pythonAscii());
            new PythonValueWriter(generator).write(v);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot encode value as JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * {@code json.loads(text)}: surrounding JSON whitespace allowed, {@code NaN}/{@code Infinity}/{@code -Infinity}
     * accepted, big integers exact, {@code 1e400} becomes Infinity, the last of duplicate keys wins.
     *
     * @throws JsonSyntaxException when Python would raise JSONDecodeError, or nesting exceeds {@link #MAX_DEPTH}
     */
    public static Object loads(String text) {
        if (text == null) {
            throw new JsonSyntaxException("Expecting value: text is null");
        }
        try (JsonParser parser = FACTORY.createParser(text)) {
            return new PythonValueReader(parser).readDocument();
        } catch (StreamConstraintsException e) {
            throw new JsonSyntaxException("JSON rejected: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + " column " + loc.getColumnNr();
            throw new JsonSyntaxException("Invalid JSON: " + e.getOriginalMessage() + where, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
