package dev.summonersim.relay;

import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.summonersim.relay.LineClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Behavioural checks R1–R5 of protocol.md §7.7 and the warnings, over real sockets. */
@Timeout(60)
class RelayConformanceTest {

    static void awaitClients(RelayServer relay, int n) {
        await("relay has " + n + " clients").atMost(WAIT).until(() -> relay.connectedClients() == n);
    }

    static String frame(RelayFlavour flavour, LineClient sender, String content) {
        return RelayFrameCodec.encode(flavour, sender.address(), content);
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void r1EveryOtherClientGetsTheLineExactlyOnceAndTheSenderNothing(RelayFlavour flavour) throws Exception {
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().flavour(flavour).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port());
             LineClient c = LineClient.connect(relay.port())) {
            awaitClients(relay, 3);
            a.send("L\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "L"));
            assertThat(c.next()).isEqualTo(frame(flavour, a, "L"));
            // anything the relay had sent back to A would have been queued before C's marker
            c.send("marker\n");
            assertThat(a.next()).isEqualTo(frame(flavour, c, "marker"));
            assertThat(b.next()).isEqualTo(frame(flavour, c, "marker"));
            assertThat(b.pending()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void r2TwoHundredBackToBackLinesArriveInOrder(RelayFlavour flavour) throws Exception {
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().flavour(flavour).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port());
             LineClient c = LineClient.connect(relay.port())) {
            awaitClients(relay, 3);
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                burst.append("line ").append(i).append('\n');
            }
            a.send(burst.toString());
            for (LineClient receiver : List.of(b, c)) {
                for (int i = 0; i < 200; i++) {
                    assertThat(receiver.next()).isEqualTo(frame(flavour, a, "line " + i));
                }
            }
        }
    }

    @Test
    void r3PythonLimitRelays65536BytesAndDisconnectsAt65537() throws Exception {
        RelayFlavour flavour = RelayFlavour.PYTHON;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().flavour(flavour)
                .maxFrameBytes(200_000).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            String max = "x".repeat(65_536);
            a.send(max + "\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, max));
            a.send("y".repeat(65_537) + "\n");
            assertThat(a.next()).isEqualTo(ServerNotices.PYTHON_DISCONNECTED);
            assertThat(a.awaitEof(WAIT)).isTrue();
            awaitClients(relay, 1);
            try (LineClient c = LineClient.connect(relay.port())) {
                awaitClients(relay, 2);
                c.send("after\n");
                assertThat(b.next()).as("nothing of the long line was relayed").isEqualTo(frame(flavour, c, "after"));
            }
        }
    }

    @Test
    void r4RustRateLimitFiveLinesThenThreeWarningsConnectionStaysOpen() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().rust(r -> r.rateLimitPerWindow(5)).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            for (int i = 1; i <= 8; i++) {
                a.send("line " + i + "\n");
            }
            for (int i = 1; i <= 5; i++) {
                assertThat(b.next()).isEqualTo(frame(flavour, a, "line " + i));
            }
            for (int i = 0; i < 3; i++) {
                assertThat(a.next()).isEqualTo(ServerNotices.RATE_LIMITED);
            }
            b.send("still open\n");
            assertThat(a.next()).isEqualTo(frame(flavour, b, "still open"));
            assertThat(b.pending()).as("lines 6-8 were not relayed").isZero();
            assertThat(a.isEof()).isFalse();
        }
    }

    @Test
    void rateLimitWindowRestartsAfterTheWindow() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().rust(r -> r.rateLimitPerWindow(2)
                .rateLimitWindow(Duration.ofMillis(300))).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            a.send("1\n2\n3\n");
            assertThat(b.next()).isEqualTo(frame(flavour, a, "1"));
            assertThat(b.next()).isEqualTo(frame(flavour, a, "2"));
            assertThat(a.next()).isEqualTo(ServerNotices.RATE_LIMITED);
            long start = System.nanoTime();
            // probe until a new window admits a line; every refused probe is answered with one warning
            List<String> refused = new ArrayList<>();
            await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
                a.send("probe\n");
                // each probe is answered either way: relayed to B, or refused with a warning to A
                while (true) {
                    String relayed = b.poll(Duration.ofMillis(10));
                    if (relayed != null) {
                        assertThat(relayed).isEqualTo(frame(flavour, a, "probe"));
                        return true;
                    }
                    String warning = a.poll(Duration.ofMillis(10));
                    if (warning != null) {
                        refused.add(warning);
                        return false;
                    }
                }
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
            assertThat(refused).containsOnly(ServerNotices.RATE_LIMITED);
        }
    }

    @Test
    void r5ListenOnlyClientIsCutForInactivityWhileReceivingTraffic() throws Exception {
        RelayFlavour flavour = RelayFlavour.RUST;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().rust(r -> r.rateLimitPerWindow(null)
                .clientTimeout(Duration.ofSeconds(2)).timeoutCheckInterval(Duration.ofSeconds(1))).build());
             LineClient a = LineClient.connect(relay.port())) {
            long start = System.nanoTime();
            LineClient b = LineClient.connect(relay.port());
            awaitClients(relay, 2);
            int relayed = 0;
            String got;
            do {
                a.send("traffic\n");
                got = b.next();
                if (got.equals(frame(flavour, a, "traffic"))) {
                    relayed++;
                }
            } while (!got.equals(ServerNotices.INACTIVITY));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(8));
            assertThat(relayed).as("B was receiving traffic until it was cut").isPositive();
            assertThat(b.awaitEof(WAIT)).isTrue();
            assertThat(a.isEof()).as("A kept sending, so it stays").isFalse();
            b.close();
        }
    }

    @Test
    void inactivityCountsEveryLineTheClientSends() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().rust(r -> r.rateLimitPerWindow(null)
                .clientTimeout(Duration.ofMillis(600)).timeoutCheckInterval(Duration.ofMillis(100))).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            long start = System.nanoTime();
            // A keeps talking for 1.5 s, longer than the timeout, and must not be cut
            while (System.nanoTime() - start < Duration.ofMillis(1500).toNanos()) {
                a.send("alive\n");
                String got = b.next();
                if (got.equals(ServerNotices.INACTIVITY)) {
                    break;
                }
            }
            assertThat(a.isEof()).isFalse();
            assertThat(b.awaitEof(WAIT)).as("the listener was cut").isTrue();
            assertThat(a.next()).isEqualTo(ServerNotices.INACTIVITY);
            assertThat(a.awaitEof(WAIT)).as("A is cut once it stops").isTrue();
        }
    }

    @Test
    void pythonFlavourHasNoRateLimitOrInactivity() throws Exception {
        RelayFlavour flavour = RelayFlavour.PYTHON;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().flavour(flavour).rust(r -> r.rateLimitPerWindow(1)
                .clientTimeout(Duration.ofMillis(100)).timeoutCheckInterval(Duration.ofMillis(50))).build());
             LineClient a = LineClient.connect(relay.port());
             LineClient b = LineClient.connect(relay.port())) {
            awaitClients(relay, 2);
            for (int i = 0; i < 5; i++) {
                a.send("l" + i + "\n");
            }
            for (int i = 0; i < 5; i++) {
                assertThat(b.next()).isEqualTo(frame(flavour, a, "l" + i));
            }
            b.send("from b\n");
            assertThat(a.next()).isEqualTo(frame(flavour, b, "from b"));
        }
    }

    @ParameterizedTest
    @EnumSource(RelayFlavour.class)
    void shutdownNoticeReachesEveryClientBeforeTheClose(RelayFlavour flavour) throws Exception {
        RelayServer relay = RelayServer.start(RelayServerConfig.builder().flavour(flavour).build());
        List<LineClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                clients.add(LineClient.connect(relay.port()));
            }
            awaitClients(relay, 5);
            clients.get(0).send("last words\n");
            for (int i = 1; i < 5; i++) {
                assertThat(clients.get(i).next()).isEqualTo(frame(flavour, clients.get(0), "last words"));
            }
            relay.close();
            String notice = flavour == RelayFlavour.RUST ? ServerNotices.SHUTTING_DOWN : ServerNotices.PYTHON_DISCONNECTED;
            for (LineClient c : clients) {
                assertThat(c.next()).isEqualTo(notice);
                assertThat(c.awaitEof(WAIT)).isTrue();
            }
            assertThat(relay.isRunning()).isFalse();
        } finally {
            relay.close();
            for (LineClient c : clients) {
                c.close();
            }
        }
    }

    @Test
    void pythonFlavourSendsItsNoticeWhenTheClientEndsTheSession() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().flavour(RelayFlavour.PYTHON).build());
             LineClient a = LineClient.connect(relay.port())) {
            awaitClients(relay, 1);
            a.shutdownOutput();
            assertThat(a.next()).isEqualTo(ServerNotices.PYTHON_DISCONNECTED);
            assertThat(a.awaitEof(WAIT)).isTrue();
        }
    }

    @Test
    void rustFlavourClosesSilentlyWhenTheClientEndsTheSession() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().build());
             LineClient a = LineClient.connect(relay.port())) {
            awaitClients(relay, 1);
            a.shutdownOutput();
            assertThat(a.awaitEof(WAIT)).isTrue();
            assertThat(a.poll(Duration.ZERO)).isNull();
        }
    }
}
