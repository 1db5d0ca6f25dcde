package dev.summonersim.relay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.relay.chaos.ChaosSpec;
import dev.summonersim.sdk.protocol.RelayFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.summonersim.relay.RelayConformanceTest.awaitClients;
import static dev.summonersim.relay.RelayConformanceTest.frame;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class RecordAndChaosTest {
    @TempDir
    Path dir;

    @Test
    void recordsEveryRelayedFrameAsJsonLines() throws Exception {
        Path file = dir.resolve("records/relay.jsonl");
        Instant before = Instant.now();
        RelayServer relay = RelayServer.start(RelayServerConfig.forTesting(), RelayRunOptions.builder().recordFile(file).build());
        String senderAddr;
        String receiverAddr;
        try (LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            senderAddr = a.address();
            receiverAddr = b.address();
            a.send("one\n{\"k\": \"héllo\"}\n");
            b.next();
            b.next();
            b.send("three\n");
            a.next();
        } finally {
            relay.close();
        }
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> records = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            records.add(json.readTree(line));
        }
        assertThat(records).hasSize(3);
        JsonNode first = records.get(0);
        assertThat(first.get("seq").asLong()).isEqualTo(1);
        assertThat(first.get("sender").asText()).isEqualTo(senderAddr);
        assertThat(first.get("sender_seq").asLong()).isEqualTo(1);
        assertThat(first.get("content").asText()).isEqualTo("one");
        assertThat(first.get("receivers")).hasSize(1);
        assertThat(first.get("receivers").get(0).asText()).isEqualTo(receiverAddr);
        assertThat(first.has("chaos")).isFalse();
        Instant ts = Instant.parse(first.get("ts").asText());
        assertThat(ts).isBetween(before, Instant.now());
        assertThat(first.get("ts_us").asLong() / 1000).isEqualTo(ts.toEpochMilli());
        assertThat(records.get(1).get("content").asText()).isEqualTo("{\"k\": \"héllo\"}");
        assertThat(records.get(1).get("sender_seq").asLong()).isEqualTo(2);
        assertThat(records.get(2).get("sender").asText()).isEqualTo(receiverAddr);
        assertThat(records.get(2).get("seq").asLong()).isEqualTo(3);
    }

    @Test
    void chaosDropAndDuplicateAreVisibleToReceivers() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        Path file = dir.resolve("dropped.jsonl");
        RelayServer dropping = RelayServer.start(RelayServerConfig.forTesting(), RelayRunOptions.builder()
                .recordFile(file).chaos(ChaosSpec.parse("drop=1,seed=1")).build());
        try (LineClient a = LineClient.connect(dropping.port());
             LineClient b = LineClient.connect(dropping.port())) {
            awaitClients(dropping, 2);
            a.send("lost\n");
            b.send("also lost\n");
            org.awaitility.Awaitility.await().atMost(LineClient.WAIT)
                    .until(() -> Files.exists(file) && Files.readAllLines(file).size() == 2);
            dropping.close();
            assertThat(b.next()).as("drop=1 relays nothing before the shutdown notice")
                    .isEqualTo(ServerNotices.SHUTTING_DOWN);
            assertThat(a.next()).isEqualTo(ServerNotices.SHUTTING_DOWN);
        } finally {
            dropping.close();
        }
        assertThat(Files.readAllLines(file)).allSatisfy(l -> assertThat(l).contains("\"chaos\":\"drop\""));
        try (RelayServer duplicating = RelayServer.start(RelayServerConfig.forTesting(), RelayRunOptions.builder()
                .chaos(ChaosSpec.parse("dup=1")).build());
             LineClient a = LineClient.connect(duplicating.port());
             LineClient b = LineClient.connect(duplicating.port())) {
            awaitClients(duplicating, 2);
            a.send("twice\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "twice"));
            assertThat(b.next()).isEqualTo(frame(flavour, a, "twice"));
        }
    }

    @Test
    void chaosReorderSwapsNeighboursAndIsRecorded() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        Path file = dir.resolve("chaos.jsonl");
        RelayServer relay = RelayServer.start(RelayServerConfig.forTesting(), RelayRunOptions.builder()
                .recordFile(file).chaos(ChaosSpec.parse("reorder=1")).build());
        try (LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            a.send("1\n2\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "2"));
            assertThat(b.next()).isEqualTo(frame(flavour, a, "1"));
            a.send("3\n");
            assertThat(b.next()).as("a held frame is released after a while even alone")
                    .isEqualTo(frame(flavour, a, "3"));
        } finally {
            relay.close();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l).contains("\"chaos\":\"reorder\""));
    }

    @Test
    void chaosDelayDeliversLater() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.forTesting(), RelayRunOptions.builder()
                .chaos(ChaosSpec.parse("delay=1:200ms")).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            long start = System.nanoTime();
            a.send("slow\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "slow"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }
}
