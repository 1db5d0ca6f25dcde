package dev.summonersim.testkit.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two-point loss detection, for streams whose text nobody knows in advance (a real LLM): what a sender emitted
 * (for example the relay's {@code --record} of that sender's frames) against what one receiver saw. Every emitted
 * event that never arrived is LOST, every extra copy DUPLICATED, and every event that arrived out of the emitted
 * order REORDERED, each with its position on both sides.
 *
 * <p>Events are matched by their content (type, stream_id, token, error): each arrival takes the next unmatched
 * emission of the same value from where the receiver is in the emitted sequence (an earlier one only when none is
 * ahead), and an arrival with no unmatched emission left is a duplicate. Out-of-order arrivals are those outside a
 * longest run of arrivals in emitted order, so one late event is reported once, not together with everything it
 * overtook. Positions are exact for distinct values; when a value repeats (a token like ","), a loss or copy of it
 * may be attributed to another of its occurrences.
 */
public final class DeliveryComparison {

    /** How a receiver's view differs from the emitted sequence. */
    public enum Kind {
        LOST("emitted, never received"),
        DUPLICATED("received more often than emitted"),
        REORDERED("received out of the emitted order");

        private final String meaning;

        Kind(String meaning) {
            this.meaning = meaning;
        }

        public String meaning() {
            return meaning;
        }
    }

    /**
     * One difference.
     *
     * @param kind             what went wrong
     * @param event            the event (with its position on the side where it exists: the receiver's, or for
     *                         LOST the emitted one)
     * @param emittedPosition  its 1-based index in the emitted sequence, 0 for a duplicate copy
     * @param receivedPosition its 1-based index among the receiver's events, 0 when lost
     */
    public record Discrepancy(Kind kind, ObservedEvent event, int emittedPosition, int receivedPosition) {

        @Override
        public String toString() {
            String what = ObservedEvent.quote(event.type()) + " stream_id=" + event.streamId()
                    + (ObservedEvent.TOKEN.equals(event.type()) ? " token=" + ObservedEvent.quote(event.token()) : "");
            return switch (kind) {
                case LOST -> "LOST emitted #" + emittedPosition + " " + what;
                case DUPLICATED -> "DUPLICATED received #" + receivedPosition + " " + what;
                case REORDERED -> "REORDERED received #" + receivedPosition + " (emitted #" + emittedPosition + ") " + what;
            };
        }
    }

    private DeliveryComparison() {
    }

    public static List<Discrepancy> compare(List<ObservedEvent> emitted, List<ObservedEvent> received) {
        Map<Key, TreeSet<Integer>> unmatched = new HashMap<>();
        for (int i = 0; i < emitted.size(); i++) {
            unmatched.computeIfAbsent(Key.of(emitted.get(i)), k -> new TreeSet<>()).add(i);
        }
        List<Discrepancy> found = new ArrayList<>();
        boolean[] arrived = new boolean[emitted.size()];
        List<int[]> matched = new ArrayList<>(); // {emitted index, received index}
        int cursor = 0; // the emitted index after the last in-order match
        for (int r = 0; r < received.size(); r++) {
            ObservedEvent event = received.get(r);
            TreeSet<Integer> candidates = unmatched.getOrDefault(Key.of(event), new TreeSet<>());
            if (candidates.isEmpty()) {
                found.add(new Discrepancy(Kind.DUPLICATED, event, 0, r + 1));
                continue;
            }
            // the next emission of this value from where the receiver is; an earlier one only if none is ahead
            Integer ahead = candidates.ceiling(cursor);
            int e = ahead != null ? ahead : candidates.first();
            candidates.remove(e);
            if (ahead != null) {
                cursor = e + 1;
            }
            arrived[e] = true;
            matched.add(new int[] {e, r});
        }
        for (int e = 0; e < emitted.size(); e++) {
            if (!arrived[e]) {
                found.add(new Discrepancy(Kind.LOST, emitted.get(e), e + 1, 0));
            }
        }
        boolean[] inOrder = inOrderKeepingEarlierArrivals(matched);
        for (int m = 0; m < matched.size(); m++) {
            if (!inOrder[m]) {
                int[] pair = matched.get(m);
                found.add(new Discrepancy(Kind.REORDERED, received.get(pair[1]), pair[0] + 1, pair[1] + 1));
            }
        }
        found.sort(Comparator.comparingInt((Discrepancy d) -> d.receivedPosition() > 0
                ? d.receivedPosition() : Integer.MAX_VALUE).thenComparingInt(Discrepancy::emittedPosition));
        return found;
    }

    /**
     * Marks the arrivals that belong to one longest run in emitted order. Among runs of equal length it keeps the
     * earlier arrivals, so when two events swap places, the one that came late is the one reported.
     */
    private static boolean[] inOrderKeepingEarlierArrivals(List<int[]> matched) {
        int n = matched.size();
        // A longest increasing run of the arrivals equals, reversed, a longest increasing run of the negated indexes
        // taken backwards; the patience method below keeps the last-processed (here: earliest-arriving) element on ties.
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = -matched.get(n - 1 - i)[0];
        }
        boolean[] reversed = longestIncreasingRun(values);
        boolean[] inRun = new boolean[n];
        for (int i = 0; i < n; i++) {
            inRun[i] = reversed[n - 1 - i];
        }
        return inRun;
    }

    private static boolean[] longestIncreasingRun(int[] values) {
        int n = values.length;
        int[] tailIndex = new int[n + 1];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int lo = 1;
            int hi = length;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (values[tailIndex[mid]] < values[i]) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            previous[i] = lo > 1 ? tailIndex[lo - 1] : -1;
            tailIndex[lo] = i;
            length = Math.max(length, lo);
        }
        boolean[] inRun = new boolean[n];
        for (int i = length > 0 ? tailIndex[length] : -1; i >= 0; i = previous[i]) {
            inRun[i] = true;
        }
        return inRun;
    }

    private record Key(String type, String streamId, String token, String error) {
        static Key of(ObservedEvent e) {
            return new Key(e.type(), e.streamId(), e.token(), e.error());
        }
    }
}
