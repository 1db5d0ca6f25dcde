package dev.summonersim.sdk.client;

import dev.summonersim.sdk.config.ClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.summonersim.sdk.client.TestClients.WAIT;
import static dev.summonersim.sdk.client.TestClients.fastRetries;
import static dev.summonersim.sdk.client.TestClients.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ReconnectionTest {
    private FakeRelay relay;
    private final List<ClientHandle> handles = new ArrayList<>();

    @BeforeEach
    void startRelay() throws Exception {
        relay = new FakeRelay();
    }

    @AfterEach
    void stopAll() throws Exception {
        handles.forEach(ClientHandle::close);
        relay.close();
    }

    private ClientHandle start(SummonerClient.Builder builder) {
        ClientHandle handle = builder.build().start();
        handles.add(handle);
        return handle;
    }

    @Test
    void reconnectsAfterEveryServerCloseBecauseTheCounterResets() throws Exception {
        String name = uniqueName("reconnect");
        try (RecordingLog log = new RecordingLog(name)) {
            // With the reference's counter (Q10) the 2nd disconnect would exhaust the primary limit.
            start(SummonerClient.builder(name).config(fastRetries(2, FakeRelay.deadPort(), 1)).port(relay.port()));

            for (int session = 1; session <= 5; session++) {
                relay.awaitPeer(WAIT).close();
            }
            relay.awaitPeer(WAIT);

            assertThat(log.messages()).noneMatch(m -> m.contains("Falling back"));
            assertThat(log.awaitLine("Graceful disconnect from server: EOF during read")).startsWith("INFO");
            assertThat(log.messages()).contains("INFO Disconnected from server.");
            assertThat(log.awaitLine("(Primary) retry 1 of 2; sleeping 0.02s")).startsWith("WARN")
                    .contains("ServerDisconnected: EOF during read");
            assertThat(log.count("retry 2 of 2")).isZero();
        }
    }

    @Test
    void waitsRetryDelayBeforeReconnecting() throws Exception {
        ClientConfig config = fastRetries(null, null, null).toBuilder()
                .reconnection(fastRetries(null, null, null).reconnection().toBuilder()
                        .retryDelay(java.time.Duration.ofMillis(300)).build())
                .build();
        start(SummonerClient.builder(uniqueName("retry-delay")).config(config).port(relay.port()));
        FakeRelay.Peer first = relay.awaitPeer(WAIT);

        long closedAt = System.nanoTime();
        first.close();
        relay.awaitPeer(WAIT);

        assertThat((System.nanoTime() - closedAt) / 1_000_000).isGreaterThanOrEqualTo(290);
    }

    @Test
    void fallsBackToTheDefaultServerAfterThePrimaryLimit() throws Exception {
        String name = uniqueName("fallback");
        try (RecordingLog log = new RecordingLog(name)) {
            ClientHandle handle = start(SummonerClient.builder(name)
                    .config(fastRetries(2, relay.port(), 1))
                    .port(FakeRelay.deadPort()));

            relay.awaitPeer(WAIT);

            assertThat(handle.awaitConnected(WAIT)).isTrue();
            assertThat(log.messages()).anyMatch(m -> m.contains("(Primary) retry 1 of 2"))
                    .anyMatch(m -> m.contains("(Primary) retry 2 of 2"))
                    // the reference's texts and levels (protocol.md §3.5)
                    .contains("ERROR Primary retry limit reached (2)")
                    .contains("WARN Falling back to default server at 127.0.0.1:" + relay.port())
                    .contains("INFO Connected to server @(host=127.0.0.1, port=" + relay.port() + ")");
        }
    }

    @Test
    void exitsWithNonZeroCodeAfterTheFallbackLimit() throws Exception {
        String name = uniqueName("exhausted");
        try (RecordingLog log = new RecordingLog(name)) {
            int dead = FakeRelay.deadPort();
            ClientHandle handle = start(SummonerClient.builder(name)
                    .config(fastRetries(1, dead, 2))
                    .port(dead));

            assertThat(handle.awaitTermination(WAIT)).isTrue();

            assertThat(handle.isRunning()).isFalse();
            assertThat(handle.exitCode()).isEqualTo(ConnectionLoop.EXIT_RETRIES_EXHAUSTED);
            assertThat(log.messages()).anyMatch(m -> m.contains("(Default) retry 2 of 2"))
                    .contains("ERROR Default retry limit reached (2)");
            assertThat(log.awaitLine("Cannot connect to fallback 127.0.0.1:" + dead + " after 2 attempts; exiting"))
                    .startsWith("ERROR");
        }
    }

    @Test
    void configHostAndPortWinOverTheBuilder() throws Exception {
        ClientConfig config = fastRetries(null, null, null).toBuilder()
                .host("127.0.0.1").port(relay.port()).build();
        ClientHandle handle = start(SummonerClient.builder(uniqueName("precedence"))
                .config(config).host("127.0.0.2").port(FakeRelay.deadPort()));

        relay.awaitPeer(WAIT);
        assertThat(handle.awaitConnected(WAIT)).isTrue();
    }

    @Test
    void listenerSeesEachConnectAndDisconnect() throws Exception {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        ClientHandle handle = start(SummonerClient.builder(uniqueName("listener"))
                .config(fastRetries(null, null, null)).port(relay.port())
                .listener(new ConnectionListener() {
                    @Override
                    public void onConnected(InetSocketAddress local, InetSocketAddress remote) {
                        events.add("connected " + local.getPort() + " -> " + remote.getPort());
                    }

                    @Override
                    public void onDisconnected(String reason) {
                        events.add("disconnected: " + reason);
                    }
                }));

        FakeRelay.Peer first = relay.awaitPeer(WAIT);
        assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo("connected " + first.clientPort() + " -> " + relay.port());
        assertThat(handle.localAddress().getPort()).isEqualTo(first.clientPort());
        first.close();
        assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo("disconnected: ServerDisconnected: EOF during read");
        FakeRelay.Peer second = relay.awaitPeer(WAIT);
        assertThat(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo("connected " + second.clientPort() + " -> " + relay.port());
    }

    @Test
    void payloadWrittenWhileDisconnectedGoesToTheNextConnection() throws Exception {
        BlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
        start(SummonerClient.builder(uniqueName("resend"))
                .config(fastRetries(null, null, null)).port(relay.port()).onSend(outbox::take));
        FakeRelay.Peer first = relay.awaitPeer(WAIT);
        outbox.put("before");
        assertThat(first.nextLine(WAIT)).contains("\"before\"");
        first.close();

        FakeRelay.Peer second = relay.awaitPeer(WAIT);
        outbox.put("after");

        assertThat(second.nextLine(WAIT)).contains("\"after\"");
    }
}
