package dev.summonersim.llmstub.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a byte stream into SSE events as the bytes arrive, however the network split them: an event ends at a blank
 * line ({@code \n\n}, {@code \r\n\r\n} or {@code \r\r}); its {@code data:} lines are joined with {@code \n}, comment
 * lines and other fields are dropped (the WHATWG rules the OpenAI SDKs follow).
 */
final class SseEventSplitter {

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private boolean lastWasCr;

    /** One complete event: its data, and the index in the fed bytes of the line break that completed it. */
    record Event(String data, int endIndex) {
    }

    /** Feeds bytes; returns every event completed by them (events without data lines are skipped). */
    List<Event> feed(byte[] bytes, int offset, int length) {
        List<Event> events = new ArrayList<>(1);
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                endOfLine(events, i);
            } else {
                line.write(b);
            }
        }
        return events;
    }

    private void endOfLine(List<Event> events, int index) {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        if (text.isEmpty()) {
            if (hasData) {
                events.add(new Event(data.toString(), index));
            }
            data.setLength(0);
            hasData = false;
            return;
        }
        if (text.startsWith("data:")) {
            String value = text.substring(5);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (hasData) {
                data.append('\n');
            }
            data.append(value);
            hasData = true;
        }
    }
}
