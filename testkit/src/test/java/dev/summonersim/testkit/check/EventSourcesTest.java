package dev.summonersim.testkit.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventSourcesTest {

    private static final String ID = "6e475111-8633-42ea-a456-f146366f131f";

    @Test
    void readsInputAgentRawDisplayIncludingPromptNoise() {
        String display = "> "
                + "\r[Received] How are you?\n> "
                + "\r[Received] {'type': 'stream_start', 'stream_id': '" + ID + "'}\n> "
                + "\r[Received] {'type': 'token', 'stream_id': '" + ID + "', 'token': \"I'm\"}\n> "
                + "\r[Received] {'type': 'token', 'stream_id': '" + ID + "', 'token': 'null'}\n> "
                + "\r[From server] Warning: You are sending messages too quickly. Please slow down.\n> "
                + "\r[Received] {'type': 'stream_end', 'stream_id': '" + ID + "'}\n> ";

        List<ObservedEvent> events = EventSources.parse(display, EventSources.Format.AUTO);

        assertThat(events).containsExactly(
                ObservedEvent.start(2, ID), ObservedEvent.token(3, ID, "I'm"), ObservedEvent.token(4, ID, "null"),
                ObservedEvent.end(6, ID));
    }

    @Test
    void unreadableEventDictBecomesAMalformedEvent() {
        List<ObservedEvent> events = EventSources.fromInputAgentOutput("\r[Received] {'type': 'token', 'stream_id': 'x\n");

        assertThat(events).singleElement().satisfies(e -> assertThat(e.malformation()).contains("unterminated string"));
        assertThat(StreamInvariantChecker.structural().check(events).violationsOf(Rule.MALFORMED_EVENT)).hasSize(1);
    }

    @Test
    void readsRelayFramesEnvelopesAndBareEventsFromJsonLines() {
        String rustFrame = "{\"content\":\"{\\\"_version\\\": \\\"1.3.0\\\", \\\"_payload\\\": {\\\"type\\\": \\\"stream_start\\\", "
                + "\\\"stream_id\\\": \\\"" + ID + "\\\"}, \\\"_type\\\": {\\\"type\\\": \\\"str\\\", \\\"stream_id\\\": \\\"str\\\"}}\","
                + "\"remote_addr\":\"127.0.0.1:50490\"}";
        String recordEntry = "{\"ts\": \"2026-01-30T18:48:42Z\", \"from\": \"127.0.0.1:50490\", \"frame\": "
                + "{\"remote_addr\": \"127.0.0.1:50490\", \"content\": \"{\\\"_version\\\": \\\"1.3.0\\\", \\\"_payload\\\": "
                + "{\\\"type\\\": \\\"token\\\", \\\"stream_id\\\": \\\"" + ID + "\\\", \\\"token\\\": \\\" 42\\\"}}\"}}";
        String envelope = "{\"_version\": \"1.3.0\", \"_payload\": {\"type\": \"token\", \"stream_id\": \"" + ID
                + "\", \"token\": \"null\"}, \"_type\": {}}";
        String prompt = "{\"content\":\"How are you?\",\"remote_addr\":\"127.0.0.1:50491\"}";
        String bare = "{\"type\": \"stream_end\", \"stream_id\": \"" + ID + "\"}";

        List<ObservedEvent> events = EventSources.parse(String.join("\n", prompt, rustFrame, recordEntry, envelope, "", bare, ""),
                EventSources.Format.AUTO);

        assertThat(events).containsExactly(ObservedEvent.start(2, ID), ObservedEvent.token(3, ID, " 42"),
                ObservedEvent.token(4, ID, "null"), ObservedEvent.end(6, ID));
    }

    @Test
    void nonJsonRecordLineIsReportedNotSkipped() {
        List<ObservedEvent> events = EventSources.fromRecord("{\"type\": \"stream_start\", \"stream_id\": \"" + ID + "\"}\n{oops\n");

        assertThat(events).hasSize(2);
        assertThat(events.get(1).malformation()).startsWith("line is not JSON");
    }
}
