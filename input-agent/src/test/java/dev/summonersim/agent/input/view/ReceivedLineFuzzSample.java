package dev.summonersim.agent.input.view;

import dev.summonersim.sdk.python.PythonJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The hostile received lines of the client-decoder fuzz: any text weighted towards control, bidi and surrogate
 * characters, relay frames and SDK envelopes around hostile payloads (stream events with hostile ids, tokens and
 * errors included), bare JSON, deep nesting and truncated frames.
 */
public final class ReceivedLineFuzzSample {
    private ReceivedLineFuzzSample() {
    }

    /** {@code count} lines drawn with {@code seed}: the same lines on every run. */
    public static List<String> lines(int count, long seed) {
        List<String> lines = new ArrayList<>(count);
        // Generators need a jqwik session outside a property.
        JqwikSession.start();
        try {
            hostileLines().generator(1000).stream(new Random(seed)).limit(count)
                    .forEach(shrinkable -> lines.add(shrinkable.value()));
        } finally {
            JqwikSession.finish();
        }
        return lines;
    }

    /** Lines as a relay or a hostile peer could send them. */
    public static Arbitrary<String> hostileLines() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, anyText()),
                Tuple.of(3, anyText().map(ReceivedLineFuzzSample::relayFrame)),
                Tuple.of(4, payloads().map(p -> relayFrame(envelope(p)))),
                Tuple.of(2, payloads().map(PythonJson::dumps)),
                Tuple.of(1, Arbitraries.integers().between(505, 520).map(ReceivedLineFuzzSample::nested)),
                Tuple.of(1, Arbitraries.of("", "\n", "\r\n", "null", "[]", "{}", "\"\"", "{\"content\":",
                        "{\"remote_addr\": 1, \"content\": 2}", "Warning: \u001b]0;PWNED\u0007",
                        "{\"content\": \"{\\\"_version\\\": \\\"1.3.0\\\", \\\"_payload\\\": 1, \\\"_type\\\": \\\"bool\\\"}\"}")));
    }

    /** Any code points, weighted towards the ones a terminal acts on. */
    private static Arbitrary<String> anyText() {
        Arbitrary<Character> controls = Arbitraries.chars().range('\u0000', '\u001f')
                .with('\u007f', '\u009b', '\u0085', '\u202e', '\u2066', '\u2069', '\u202a', '\ufeff', '\ud800');
        Arbitrary<Character> any = Arbitraries.chars();
        Arbitrary<Character> ascii = Arbitraries.chars().range(' ', '~');
        return Arbitraries.frequencyOf(
                        Tuple.of(3, controls), Tuple.of(2, any),
                        Tuple.of(5, ascii))
                .list().ofMaxSize(80).map(chars -> {
                    StringBuilder sb = new StringBuilder();
                    chars.forEach(sb::append);
                    return sb.toString();
                });
    }

    /** JSON values with hostile strings inside, including stream events with hostile ids, tokens and errors. */
    private static Arbitrary<Object> payloads() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(anyText().map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l), Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b), Arbitraries.just(null));
        Arbitrary<Object> event = Combinators.combine(
                Arbitraries.of("stream_start", "token", "stream_end", "stream_cancelled", "stream_error", "other"),
                anyText(), anyText()).as((type, id, text) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("type", type);
                    m.put("stream_id", id);
                    m.put(type.equals("stream_error") ? "error" : "token", text);
                    return (Object) m;
                });
        Arbitrary<Object> list = leaf.list().ofMaxSize(5).map(l -> (Object) new ArrayList<>(l));
        Arbitrary<Object> dict = Combinators.combine(anyText(), leaf).as((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(k, v);
            return (Object) m;
        });
        return Arbitraries.oneOf(leaf, event, list, dict);
    }

    private static String envelope(Object payload) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("_version", "1.3.0");
        env.put("_payload", payload);
        env.put("_type", "str");
        return PythonJson.dumps(env);
    }

    private static String relayFrame(String content) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("remote_addr", "127.0.0.1:50490");
        frame.put("content", content);
        return PythonJson.dumps(frame);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "\"\u001b[2J\"" + "]".repeat(depth);
    }
}
