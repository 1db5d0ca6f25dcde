package dev.summonersim.testkit.check;

/** The streaming invariants, one per way a receiver's view of a stream can be wrong. */
public enum Rule {
    MALFORMED_EVENT("a stream event has a missing or non-string stream_id, token or error"),
    INVALID_STREAM_ID("stream_id is not a canonical lowercase UUID"),
    START_NOT_FIRST("the first event of a stream_id is not stream_start"),
    STREAM_ID_REUSED("stream_start for a stream_id that was already used"),
    EVENT_AFTER_TERMINAL("an event for a stream_id after its terminal event (so also a second terminal)"),
    MISSING_TERMINAL("a stream has no stream_end, stream_cancelled or stream_error"),
    TOKEN_LOST("an expected token never arrived"),
    TOKEN_DUPLICATED("a token arrived more often than the script has it"),
    TOKEN_REORDERED("the tokens arrived, but not in the script's order"),
    TEXT_MISMATCH("the concatenated token text differs from the script in another way"),
    UNEXPECTED_STREAM("more streams arrived than scripts were given");

    private final String meaning;

    Rule(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
