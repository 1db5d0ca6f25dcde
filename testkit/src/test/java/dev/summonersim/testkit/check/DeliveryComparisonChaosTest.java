package dev.summonersim.testkit.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayRunOptions;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.relay.chaos.ChaosSpec;
import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.protocol.RelayMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two-point loss detection against the chaos relay, without any script: a sender emits one stream of distinct
 * tokens, the relay drops, duplicates or reorders frames (seeded) and labels each such frame in its record, and the
 * comparison of the record with what the receiver saw must name exactly the labelled frames, at their positions.
 */
class DeliveryComparisonChaosTest {

    private static final int TOKENS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"drop=0.08 seed=11, drop, LOST", "dup=0.08 seed=11, duplicate, DUPLICATED",
        "reorder=0.08 seed=11, reorder, REORDERED"})
    void eachChaosFrameIsReportedAtItsPosition(String chaos, String label, DeliveryComparison.Kind kind) throws Exception {
        Path record = dir.resolve("record.jsonl");
        List<String> received;
        List<Integer> labelled = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<ObservedEvent> emitted;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.forTesting(), RelayRunOptions.builder()
                .recordFile(record).chaos(ChaosSpec.parse(chaos.replace(' ', ','))).build());
             Socket sender = connect(relay); Socket receiver = connect(relay)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.connectedClients() == 2);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            Thread reader = readLines(receiver, lines);
            sendStream(sender.getOutputStream());
            // the relay's record has every emitted frame once the sender's last one is in it
            await().atMost(Duration.ofSeconds(30)).until(() -> recordLines(record) >= TOKENS + 2);
            for (String line : Files.readAllLines(record)) {
                JsonNode frame = JSON.readTree(line);
                labels.add(frame.path("chaos").asText());
                if (label.equals(frame.path("chaos").asText())) {
                    labelled.add(frame.path("seq").asInt());
                }
            }
            int expected = TOKENS + 2 + (kind == DeliveryComparison.Kind.DUPLICATED ? labelled.size() : 0)
                    - (kind == DeliveryComparison.Kind.LOST ? labelled.size() : 0);
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.size() >= expected);
            received = List.copyOf(lines);
            emitted = EventSources.fromRecord(Files.readString(record));
            receiver.close();
            reader.join(5_000);
        }

        List<ObservedEvent> seen = new ArrayList<>();
        for (String line : received) {
            if (MessageDecoder.decode(line) instanceof RelayMessage relayed) {
                ObservedEvent.fromPayload(seen.size() + 1, relayed.content()).ifPresent(seen::add);
            }
        }
        List<DeliveryComparison.Discrepancy> found = DeliveryComparison.compare(emitted, seen);

        assertThat(labelled).as("the seed must produce some " + label + " frames").isNotEmpty();
        if (kind == DeliveryComparison.Kind.REORDERED) {
            labelled = heldBehindTheirSuccessor(labels);
        }
        assertThat(found).as(found.toString()).allSatisfy(d -> assertThat(d.kind()).isEqualTo(kind));
        List<Integer> positions = found.stream().map(d -> kind == DeliveryComparison.Kind.DUPLICATED
                ? emittedPositionOf(emitted, d.event()) : d.emittedPosition()).toList();
        assertThat(positions).as(found.toString()).containsExactlyElementsOf(labelled);
    }

    @Test
    void withoutChaosNothingIsReported() throws Exception {
        Path record = dir.resolve("clean.jsonl");
        try (RelayServer relay = RelayServer.start(RelayServerConfig.forTesting(),
                RelayRunOptions.builder().recordFile(record).build());
             Socket sender = connect(relay); Socket receiver = connect(relay)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> relay.connectedClients() == 2);
            List<String> lines = Collections.synchronizedList(new ArrayList<>());
            readLines(receiver, lines);
            sendStream(sender.getOutputStream());
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.size() >= TOKENS + 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> recordLines(record) >= TOKENS + 2);
            List<ObservedEvent> seen = new ArrayList<>();
            for (String line : List.copyOf(lines)) {
                if (MessageDecoder.decode(line) instanceof RelayMessage relayed) {
                    ObservedEvent.fromPayload(seen.size() + 1, relayed.content()).ifPresent(seen::add);
                }
            }
            assertThat(DeliveryComparison.compare(EventSources.fromRecord(Files.readString(record)), seen)).isEmpty();
        }
    }

    /**
     * The relay holds a "reorder" frame until the next frame has gone out; a "reorder" frame that arrives while one is
     * held is sent at once and releases it, and a frame still held at the end has nothing left to overtake it.
     */
    private static List<Integer> heldBehindTheirSuccessor(List<String> labels) {
        List<Integer> late = new ArrayList<>();
        Integer held = null;
        for (int i = 0; i < labels.size(); i++) {
            boolean reorder = "reorder".equals(labels.get(i));
            if (held != null) {
                late.add(held);
                held = null;
            } else if (reorder) {
                held = i + 1;
            }
        }
        return late;
    }

    /** Where the copied event was emitted (tokens are distinct, so the value identifies it). */
    private static int emittedPositionOf(List<ObservedEvent> emitted, ObservedEvent copy) {
        for (int i = 0; i < emitted.size(); i++) {
            ObservedEvent e = emitted.get(i);
            if (e.type().equals(copy.type()) && java.util.Objects.equals(e.token(), copy.token())) {
                return i + 1;
            }
        }
        return -1;
    }

    private static void sendStream(OutputStream out) throws IOException {
        String id = UUID.randomUUID().toString();
        StringBuilder lines = new StringBuilder(EnvelopeCodec.encode(Map.of("type", "stream_start", "stream_id", id)));
        for (int i = 0; i < TOKENS; i++) {
            lines.append(EnvelopeCodec.encode(new java.util.LinkedHashMap<>(Map.of("type", "token", "stream_id", id,
                    "token", " t" + i))));
        }
        lines.append(EnvelopeCodec.encode(Map.of("type", "stream_end", "stream_id", id)));
        out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static long recordLines(Path record) throws IOException {
        if (!Files.exists(record)) {
            return 0;
        }
        return Files.readAllLines(record).stream().filter(l -> l.endsWith("}")).count();
    }

    private static Socket connect(RelayServer relay) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", relay.port()), 5_000);
        return socket;
    }

    private static Thread readLines(Socket socket, List<String> into) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    into.add(line);
                }
            } catch (IOException closed) {
                // the test closed the socket
            }
        }, "chaos-test-receiver");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
