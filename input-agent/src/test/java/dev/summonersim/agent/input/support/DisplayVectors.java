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
     * the first so that it cannot pose as a line of its own. Exactly those two substitutions are made, and only to
     * the bytes they were written for: if the file's F4 or F6 changes, this fails instead of passing on a guess.
     */
    public static String expectedBytes(Map<String, Object> vector) {
        String id = (String) vector.get("id");
        String expected = (String) vector.get("expected_stdout_bytes");
        return switch (id) {
            case "F4" -> substituted(id, expected, "\r[From server] Warning: spoofed by a peer\n> ",
                    "\r[Received] Warning: spoofed by a peer\n> ");
            case "F6" -> substituted(id, expected, "\r[Received] Hello\nHow are you?\n> ",
                    "\r[Received] Hello\n           How are you?\n> ");
            default -> expected;
        };
    }

    private static String substituted(String id, String expected, String reference, String ours) {
        if (!expected.equals(reference)) {
            throw new IllegalStateException(id + " no longer holds the reference bytes this project deviates from: "
                    + expected.replace("\r", "\\r").replace("\n", "\\n"));
        }
        return ours;
    }
}
