package dev.summonersim.agent.input.support;

import java.util.Map;

/** What the input agent must print for a display vector (F1-F9 of the sdk's test vectors). */
public final class DisplayVectors {
    private DisplayVectors() {
    }

    /**
     * The display vector's expected bytes, with this project's deliberate fixes: (quirk Q15): a peer's payload that
     * starts with "Warning:" is not tagged as coming from the server (the shared file still carries the
     * reference's tag for F4), and (deviation N3) the second line of the multi-line payload F6 is indented under
     * the first so that it cannot pose as a line of its own.
     */
    public static String expectedBytes(Map<String, Object> vector) {
        String expected = (String) vector.get("expected_stdout_bytes");
        return switch ((String) vector.get("id")) {
            case "F4" -> expected.replace("[From server]", "[Received]");
            case "F6" -> expected.replace("Hello\nHow", "Hello\n           How");
            default -> expected;
        };
    }
}
