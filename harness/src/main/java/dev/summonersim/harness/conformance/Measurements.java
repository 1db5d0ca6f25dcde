package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Facts measured at a listener, reported beside the verdict and never part of it: time from the first prompt to the
 * first stream event, token rate between the first and last token, and the largest gap between two stream events.
 */
final class Measurements {

    private Measurements() {
    }

    static String of(Recording.View view) {
        List<Listener.Arrival> events = view.arrivals().stream().filter(a -> a.event().isPresent()).toList();
        if (events.isEmpty() || view.promptNanos().isEmpty()) {
            return "no stream events";
        }
        long firstEvent = ms(events.get(0).nanos() - view.promptNanos().get(0));
        long maxGap = 0;
        for (int i = 1; i < events.size(); i++) {
            maxGap = Math.max(maxGap, events.get(i).nanos() - events.get(i - 1).nanos());
        }
        List<Listener.Arrival> tokens = events.stream()
                .filter(a -> a.event().map(e -> ObservedEvent.TOKEN.equals(e.type())).orElse(false)).toList();
        String rate = "-";
        if (tokens.size() > 1) {
            double seconds = (tokens.get(tokens.size() - 1).nanos() - tokens.get(0).nanos()) / 1e9;
            rate = seconds > 0 ? String.format(Locale.ROOT, "%.0f", (tokens.size() - 1) / seconds) : "-";
        }
        return "first event " + firstEvent + " ms, " + rate + " tokens/s, largest gap " + ms(maxGap) + " ms";
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
