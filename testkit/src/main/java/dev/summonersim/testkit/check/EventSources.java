package dev.summonersim.testkit.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns what a receiver saw into {@link ObservedEvent}s, in order. Two sources are understood:
 * <ul>
 *   <li>{@link Format#RECORD}: JSON Lines, one recorded frame, envelope or event per line (the relay's
 *       {@code --record} file). Lines that hold no stream event are skipped; a line that is not JSON is a
 *       malformed event, so nothing is silently lost.</li>
 *   <li>{@link Format#INPUT_AGENT}: the InputAgent's raw display, {@code \r[Received] <python repr>\n> } per
 *       message. Event dicts are read back from their repr.</li>
 * </ul>
 * Positions are 1-based line numbers of the source.
 */
public final class EventSources {

    /** Where the events come from. */
    public enum Format {
        RECORD, INPUT_AGENT, AUTO;

        public static Format parse(String name) {
            return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    private static final String RECEIVED = "[Received] ";
    private static final String UNREADABLE = "unreadable";

    private EventSources() {
    }

    public static List<ObservedEvent> read(Path file, Format format) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(text, format);
    }

    public static List<ObservedEvent> parse(String text, Format format) {
        Format actual = format == Format.AUTO ? detect(text) : format;
        return actual == Format.INPUT_AGENT ? fromInputAgentOutput(text) : fromRecord(text);
    }

    static Format detect(String text) {
        return text.contains(RECEIVED) || text.contains("[From server] ") ? Format.INPUT_AGENT : Format.RECORD;
    }

    public static List<ObservedEvent> fromRecord(String jsonLines) {
        return fromRecord(jsonLines, null);
    }

    /**
     * The events of a relay {@code --record} file that the relay wrote to {@code receiver} (an address as in the
     * record's {@code receivers}, e.g. {@code 127.0.0.1:50490}): what that receiver should have seen. A null
     * receiver keeps every frame.
     */
    public static List<ObservedEvent> fromRecord(String jsonLines, String receiver) {
        List<ObservedEvent> events = new ArrayList<>();
        String[] lines = jsonLines.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            long position = i + 1;
            Object value;
            try {
                value = RecordedPayloads.parseJson(line);
            } catch (IllegalArgumentException e) {
                events.add(unreadable(position, "line is " + e.getMessage()));
                continue;
            }
            if (receiver != null && !(value instanceof Map<?, ?> frame
                    && frame.get("receivers") instanceof List<?> receivers && receivers.contains(receiver))) {
                continue;
            }
            RecordedPayloads.findEvent(value).flatMap(map -> ObservedEvent.fromPayload(position, map)).ifPresent(events::add);
        }
        return events;
    }

    public static List<ObservedEvent> fromInputAgentOutput(String display) {
        List<ObservedEvent> events = new ArrayList<>();
        String[] lines = display.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int marker = line.lastIndexOf("\r" + RECEIVED);
            int start = marker >= 0 ? marker + 1 + RECEIVED.length()
                    : line.startsWith(RECEIVED) ? RECEIVED.length() : -1;
            if (start < 0) {
                continue;
            }
            String body = line.substring(start);
            if (!body.startsWith("{") || !body.contains("'type'")) {
                continue;
            }
            long position = i + 1;
            Object value;
            try {
                value = PythonLiteralParser.parse(body);
            } catch (IllegalArgumentException e) {
                events.add(unreadable(position, e.getMessage()));
                continue;
            }
            Optional<ObservedEvent> event = ObservedEvent.fromPayload(position, value instanceof Map<?, ?> m ? m : null);
            event.ifPresent(events::add);
        }
        return events;
    }

    private static ObservedEvent unreadable(long position, String why) {
        return new ObservedEvent(position, UNREADABLE, null, null, null, why);
    }
}
