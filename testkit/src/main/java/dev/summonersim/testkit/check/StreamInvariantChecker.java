package dev.summonersim.testkit.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the events one receiver saw, in arrival order, against the streaming invariants: per stream_id,
 * stream_start first; exactly one terminal event (stream_end, stream_cancelled, stream_error) and nothing after
 * it; tokens only in between; stream_id a UUID that is never reused; and, when scripts are given, the token text
 * equal to the script (a prefix of it for cancelled or failed streams). Non-stream messages are not its business:
 * the readers drop them before events get here.
 *
 * <p>Scripts are matched to streams in the order the streams first appear. A stream without a terminal event is
 * compared as if it had ended, so a cut stream reports its missing tail as well as the missing terminal.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class StreamInvariantChecker {

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final List<ExpectedScript> scripts;

    private StreamInvariantChecker(List<ExpectedScript> scripts) {
        this.scripts = scripts == null ? null : List.copyOf(scripts);
    }

    /** Checks structure only: any token text is fine. */
    public static StreamInvariantChecker structural() {
        return new StreamInvariantChecker(null);
    }

    /** Also checks each stream's text; the n-th script is for the n-th stream to appear. */
    public static StreamInvariantChecker expecting(List<ExpectedScript> scriptsInStreamOrder) {
        return new StreamInvariantChecker(scriptsInStreamOrder);
    }

    /** Shorthand for streams whose exact tokens are known (for example from the LLM stub's script). */
    @SafeVarargs
    public static StreamInvariantChecker expectingTokens(List<String>... tokensPerStream) {
        return expecting(java.util.Arrays.stream(tokensPerStream).map(ExpectedScript::ofTokens).toList());
    }

    public CheckReport check(List<ObservedEvent> events) {
        List<Violation> violations = new ArrayList<>();
        Map<String, StreamState> streams = new LinkedHashMap<>();
        int streamEvents = 0;
        for (ObservedEvent event : events) {
            streamEvents++;
            if (event.malformation() != null) {
                violations.add(new Violation(Rule.MALFORMED_EVENT, event, event.malformation()));
            }
            String id = event.streamId();
            if (id == null) {
                continue;
            }
            StreamState state = streams.get(id);
            if (state == null) {
                state = new StreamState(event);
                streams.put(id, state);
                if (!CANONICAL_UUID.matcher(id).matches()) {
                    violations.add(new Violation(Rule.INVALID_STREAM_ID, event,
                            "stream_id " + ObservedEvent.quote(id) + " is not a canonical lowercase UUID"));
                }
                if (!ObservedEvent.STREAM_START.equals(event.type())) {
                    violations.add(new Violation(Rule.START_NOT_FIRST, event,
                            "first event of this stream is " + event.type() + ", not stream_start"));
                }
            } else if (ObservedEvent.STREAM_START.equals(event.type())) {
                violations.add(new Violation(Rule.STREAM_ID_REUSED, event, "stream_id already seen at #"
                        + state.first.position() + (state.terminal != null ? " and ended at #" + state.terminal.position() : "")));
                continue;
            } else if (state.terminal != null) {
                violations.add(new Violation(Rule.EVENT_AFTER_TERMINAL, event,
                        "stream already ended with " + state.terminal.type() + " at #" + state.terminal.position()));
                continue;
            }
            state.last = event;
            if (ObservedEvent.TOKEN.equals(event.type()) && event.token() != null) {
                state.tokens.add(event);
            }
            if (event.isTerminal()) {
                state.terminal = event;
            }
        }
        int index = 0;
        for (StreamState state : streams.values()) {
            if (state.terminal == null) {
                violations.add(new Violation(Rule.MISSING_TERMINAL, state.last,
                        "no stream_end, stream_cancelled or stream_error after " + state.tokens.size() + " tokens"));
            }
            if (scripts != null) {
                if (index < scripts.size()) {
                    violations.addAll(new ScriptComparison(state.tokens, state.terminal, state.last, scripts.get(index)).violations());
                } else {
                    violations.add(new Violation(Rule.UNEXPECTED_STREAM, state.first,
                            "stream " + (index + 1) + " arrived but only " + scripts.size() + " scripts were given"));
                }
            }
            index++;
        }
        violations.sort(Comparator.comparingLong(v -> v.event().position()));
        return new CheckReport(streamEvents, new ArrayList<>(streams.keySet()), violations);
    }

    private static final class StreamState {
        final ObservedEvent first;
        final List<ObservedEvent> tokens = new ArrayList<>();
        ObservedEvent last;
        ObservedEvent terminal;

        StreamState(ObservedEvent first) {
            this.first = first;
            this.last = first;
        }
    }
}
