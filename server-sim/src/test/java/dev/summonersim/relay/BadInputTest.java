package dev.summonersim.relay;

import dev.summonersim.sdk.protocol.RelayFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.summonersim.relay.LineClient.WAIT;
import static dev.summonersim.relay.RelayConformanceTest.awaitClients;
import static dev.summonersim.relay.RelayConformanceTest.frame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Bad input never reaches other clients and never affects them. */
@Timeout(60)
class BadInputTest {

    private static RelayServer start(RelayFlavour flavour) {
        return RelayServer.start(RelayServerConfig.forTesting().toBuilder().flavour(flavour).build());
    }

    @Test
    void rustDropsAnOverLongLineAndKeepsTheConnection() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            a.send("before\n" + "z".repeat(70_000) + "\nafter\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "before"));
            assertThat(b.next()).isEqualTo(frame(flavour, a, "after"));
            assertThat(a.isEof()).isFalse();
        }
    }

    @Test
    void rustDropsAnUnterminatedOverLongLineWithoutBufferingIt() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            String chunk = "q".repeat(64 * 1024);
            for (int i = 0; i < 32; i++) {
                a.send(chunk);
            }
            a.send("\nok\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "ok"));
        }
    }

    @Test
    void pythonDisconnectsWhenUnterminatedDataPassesTheCap() throws Exception {
        RelayFlavour flavour = RelayFlavour.PYTHON;
        try (RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            a.send("w".repeat(65_537));
            assertThat(a.next()).isEqualTo(ServerNotices.PYTHON_DISCONNECTED);
            assertThat(a.awaitEof(WAIT)).isTrue();
            awaitClients(relay, 1);
            assertThat(b.isEof()).as("the other client stays").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void invalidUtf8IsNeverForwardedAndEndsOnlyTheSender(RelayFlavour flavour) throws Exception {
        try (RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port());
             LineClient c = LineClient.connect(relay.port())) {
            awaitClients(relay, 3);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes("good\n".getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(new byte[]{'b', 'a', 'd', (byte) 0xc3, '(', '\n'});
            bytes.writeBytes("never\n".getBytes(StandardCharsets.UTF_8));
            a.sendBytes(bytes.toByteArray());
            assertThat(b.next()).isEqualTo(frame(flavour, a, "good"));
            if (flavour == RelayFlavour.PYTHON) {
                assertThat(a.next()).isEqualTo(ServerNotices.PYTHON_DISCONNECTED);
            }
            assertThat(a.awaitEof(WAIT)).isTrue();
            assertThat(a.poll(Duration.ZERO)).as("Rust flavour closes without any text").isNull();
            c.send("still here\n");
            assertThat(b.next()).as("neither the bad line nor the next one was relayed")
                    .isEqualTo(frame(flavour, c, "still here"));
        }
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void partialLineIsHeldUntilItsLf(RelayFlavour flavour) throws Exception {
        try (RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port());
             LineClient c = LineClient.connect(relay.port())) {
            awaitClients(relay, 3);
            a.send("par");
            c.send("marker\n");
            assertThat(b.next()).as("the partial line was not relayed before C's marker")
                    .isEqualTo(frame(flavour, c, "marker"));
            a.send("tial\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "partial"));
        }
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void frameTooLongForPythonClientsIsSkippedAndTheSenderIsTold(RelayFlavour flavour) throws Exception {
        try (LogCapture logs = LogCapture.pipeline();
             RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            // 40,000 quotes are escaped to 80,000 bytes in the frame (Q7)
            String tooLong = "\"".repeat(40_000) + "\n";
            a.send(tooLong + tooLong);
            a.send("fits\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "fits"));
            assertThat(a.next()).as("the sender is told, once per line").isEqualTo(ServerNotices.NOT_RELAYED_TOO_LONG);
            assertThat(a.next()).isEqualTo(ServerNotices.NOT_RELAYED_TOO_LONG);
            assertThat(a.poll(Duration.ZERO)).isNull();
            assertThat(ServerNotices.NOT_RELAYED_TOO_LONG).startsWith("Warning: ").endsWith("\n");
            assertThat(a.isEof()).as("the sender is not punished").isFalse();
            assertThat(relay.stats().oversizedFrames()).isEqualTo(2);
            assertThat(logs.linesContaining("Not relaying")).as("counted in the log")
                    .allMatch(line -> line.contains(a.address()) && line.contains("so far"))
                    .hasSizeBetween(1, 2);
        }
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void abruptResetOfOneClientLeavesTheOthersRelaying(RelayFlavour flavour) throws Exception {
        try (RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port());
             LineClient c = LineClient.connect(relay.port())) {
            awaitClients(relay, 3);
            a.send("half a li");
            a.reset();
            awaitClients(relay, 2);
            c.send("after reset\n");
            assertThat(b.next()).as("the reset client's partial line was dropped")
                    .isEqualTo(frame(flavour, c, "after reset"));
        }
    }

    @Test
    void aFloodingClientThatNeverReadsItsRateLimitWarningsIsClosed() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().rust(r -> r.rateLimitPerWindow(1))
                .maxOutboundQueueBytes(64 * 1024).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port());
             java.net.Socket flooder = LineClient.connectNonReading(relay.port(), 4096)) {
            awaitClients(relay, 3);
            byte[] emptyLines = "\n".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            flooder.setSoTimeout(1000);
            await("flooder closed").atMost(Duration.ofSeconds(30)).until(() -> {
                try {
                    flooder.getOutputStream().write(emptyLines);
                } catch (java.io.IOException closed) {
                    return true;
                }
                return relay.connectedClients() == 2;
            });
            a.send("fine\n");
            String got = b.next();
            if (!got.equals(frame(flavour, a, "fine"))) {
                assertThat(got).as("the flooder's one line within its limit").endsWith("\"}\n").contains("\"content\":\"\"");
                got = b.next();
            }
            assertThat(got).isEqualTo(frame(flavour, a, "fine"));
        }
    }

    @Test
    void thousandsOfConnectsAndDisconnectsLeaveTheRelayHealthy() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = start(flavour);
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            for (int i = 0; i < 1500; i++) {
                LineClient churn = LineClient.connect(relay.port());
                if (i % 3 == 0) {
                    churn.send("churn " + i + "\n");
                }
                if (i % 2 == 0) {
                    churn.reset();
                } else {
                    churn.close();
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> relay.connectedClients() == 2);
            // drain whatever the churning clients managed to relay, then check A -> B still works
            a.send("final\n");
            String got;
            do {
                got = b.next();
            } while (!got.equals(frame(flavour, a, "final")));
            assertThat(got).isEqualTo(frame(flavour, a, "final"));
        }
    }
}
