package dev.summonersim.sdk.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.summonersim.sdk.client.TestClients.WAIT;
import static dev.summonersim.sdk.client.TestClients.fastRetries;
import static dev.summonersim.sdk.client.TestClients.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class ClientLifecycleTest {
    private FakeRelay relay;

    @BeforeEach
    void startRelay() throws Exception {
        relay = new FakeRelay();
    }

    @AfterEach
    void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void closeInterruptsTheSendHandlerAndClosesTheSocket() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        String name = uniqueName("close");
        RecordingLog log = new RecordingLog(name);
        ClientHandle handle = SummonerClient.builder(name)
                .config(fastRetries(null, null, null)).port(relay.port())
                .onSend(() -> {
                    blocked.countDown();
                    try {
                        return new LinkedBlockingQueue<>().take();
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                })
                .build().start();
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);
        assertThat(handle.awaitConnected(WAIT)).isTrue();
        assertThat(blocked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        handle.close();

        assertThat(handle.isRunning()).isFalse();
        assertThat(handle.awaitTermination(Duration.ZERO)).isTrue();
        assertThat(handle.exitCode()).isZero();
        assertThat(handle.localAddress()).isNull();
        assertThat(interrupted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        peer.awaitEof(WAIT);
        assertThat(relay.pollPeer(Duration.ofMillis(100))).as("no reconnect after close").isNull();
        // the reference's shutdown lines, in its order (protocol.md §3.5)
        assertThat(log.messages()).containsSubsequence("INFO Client is shutting down...",
                "INFO Client about to disconnect...", "INFO Disconnected from server.");
        log.close();
    }

    @Test
    void terminatedCompletesWithZeroAfterClose() throws Exception {
        ClientHandle handle = SummonerClient.builder(uniqueName("terminated-close"))
                .config(fastRetries(null, null, null)).port(relay.port()).build().start();
        relay.awaitPeer(WAIT);
        assertThat(handle.terminated()).isNotDone();

        handle.close();

        assertThat(handle.terminated()).isCompletedWithValue(0);
    }

    @Test
    void terminatedCompletesWithTheExitCodeWhenTheClientGivesUp() throws Exception {
        int dead = FakeRelay.deadPort();
        ClientHandle handle = SummonerClient.builder(uniqueName("terminated-gave-up"))
                .config(fastRetries(1, dead, 1)).port(dead).build().start();

        assertThat(handle.terminated().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1);
        assertThat(handle.isRunning()).isFalse();
    }

    @Test
    void callersCannotCompleteTheTerminationFuture() throws Exception {
        try (ClientHandle handle = SummonerClient.builder(uniqueName("terminated-view"))
                .config(fastRetries(null, null, null)).port(relay.port()).build().start()) {
            handle.terminated().complete(7);
            assertThat(handle.terminated()).isNotDone();
            assertThat(handle.isRunning()).isTrue();
        }
    }

    @Test
    void closeWhileRetryingStopsAtOnce() throws Exception {
        ClientHandle handle = SummonerClient.builder(uniqueName("close-retrying"))
                .config(fastRetries(null, null, null).toBuilder()
                        .reconnection(fastRetries(null, null, null).reconnection().toBuilder()
                                .retryDelay(Duration.ofMinutes(10)).build())
                        .build())
                .port(FakeRelay.deadPort())
                .build().start();

        handle.close();

        assertThat(handle.isRunning()).isFalse();
        assertThat(handle.awaitConnected(Duration.ofMillis(10))).isFalse();
    }

    @Test
    void closeFromInsideAHandlerDoesNotDeadlock() throws Exception {
        AtomicReference<ClientHandle> self = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        ClientHandle handle = SummonerClient.builder(uniqueName("close-inside"))
                .config(fastRetries(null, null, null)).port(relay.port())
                .onReceive(message -> {
                    started.await();
                    self.get().close();
                })
                .build().start();
        self.set(handle);
        started.countDown();
        FakeRelay.Peer peer = relay.awaitPeer(WAIT);

        peer.send("quit\n");

        assertThat(handle.awaitTermination(WAIT)).isTrue();
        peer.awaitEof(WAIT);
    }

    @Test
    void closeIsIdempotent() throws Exception {
        ClientHandle handle = SummonerClient.builder(uniqueName("close-twice"))
                .config(fastRetries(null, null, null)).port(relay.port()).build().start();
        relay.awaitPeer(WAIT);

        handle.close();
        handle.close();

        assertThat(handle.isRunning()).isFalse();
    }

    @Test
    void awaitConnectedTimesOutWhileNoServerListens() throws Exception {
        try (ClientHandle handle = SummonerClient.builder(uniqueName("no-server"))
                .config(fastRetries(null, null, null)).port(FakeRelay.deadPort()).build().start()) {
            assertThat(handle.awaitConnected(Duration.ofMillis(200))).isFalse();
            assertThat(handle.isRunning()).isTrue();
        }
    }

    @Test
    void runReturnsTheExitCodeWhenRetriesAreExhausted() throws Exception {
        String name = uniqueName("run");
        int dead = FakeRelay.deadPort();
        BlockingQueue<Integer> exit = new LinkedBlockingQueue<>();
        try (RecordingLog log = new RecordingLog(name)) {
            Thread runner = new Thread(() -> exit.add(SummonerClient.builder(name)
                    .config(fastRetries(1, dead, 1)).port(dead).build().run()));
            runner.start();

            assertThat(exit.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(1);
            assertThat(log.awaitLine("Client exited cleanly.")).startsWith("INFO");
        }
    }

    @Test
    void builderRejectsBadArguments() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SummonerClient.builder(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SummonerClient.builder("x").port(70_000))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("70000");
    }
}
