package dev.summonersim.testkit;

import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayRunOptions;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.LoggerConfig;
import dev.summonersim.sdk.config.ReconnectionSettings;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * A JUnit 5 extension that gives each test a relay (our server-sim) and an llm-stub on 127.0.0.1, on free ports,
 * plus any number of {@link RecordingClient}s. Register it on a field:
 *
 * <pre>{@code @RegisterExtension final SummonerStack stack = SummonerStack.create();}</pre>
 *
 * <p>The relay and the stub start on first use, so a test that needs only one of them starts only that one, and a
 * test may start them with its own settings ({@link #relay(UnaryOperator)}, {@link #stub(LlmStubConfig)}). After
 * each test, pass or fail, the extension checks that every recording client took everything it received
 * ({@link RecordingClient#assertExhausted()}), rethrows any error of a fixture thread ({@link #background}) on the
 * test thread, and closes everything the test started, in reverse order. Modelled on OkHttp's
 * {@code mockwebserver3-junit5} and WireMock's {@code WireMockExtension}.
 */
public final class SummonerStack implements BeforeEachCallback, AfterEachCallback {

    private final UnaryOperator<RelayServerConfig.Builder> relayDefaults;
    private final LlmStubConfig stubDefaults;

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<RecordingClient> clients = new ArrayList<>();
    private final List<Throwable> fixtureErrors = new ArrayList<>();
    private RelayServer relay;
    private LlmStub stub;

    private SummonerStack(UnaryOperator<RelayServerConfig.Builder> relayDefaults, LlmStubConfig stubDefaults) {
        this.relayDefaults = relayDefaults;
        this.stubDefaults = stubDefaults;
    }

    /**
     * A Rust-flavour relay with no rate limit and no inactivity cut (so slow test machines do not trip them), and a
     * stub with a 20 ms time to first token and 5 ms between tokens.
     */
    public static SummonerStack create() {
        return new SummonerStack(UnaryOperator.identity(), defaultStubConfig());
    }

    /** As {@link #create()}, with this class's own relay settings applied over the defaults. */
    public static SummonerStack withRelay(UnaryOperator<RelayServerConfig.Builder> relayDefaults) {
        return new SummonerStack(relayDefaults, defaultStubConfig());
    }

    /** This stack with another default stub configuration. */
    public SummonerStack withStub(LlmStubConfig config) {
        return new SummonerStack(relayDefaults, config);
    }

    private static LlmStubConfig defaultStubConfig() {
        return LlmStubConfig.builder().ttft(Duration.ofMillis(20)).tokenDelay(Duration.ofMillis(5)).build();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        checkIdle();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Throwable first = null;
        synchronized (fixtureErrors) {
            for (Throwable error : fixtureErrors) {
                first = collect(first, error);
            }
            fixtureErrors.clear();
        }
        for (RecordingClient client : clients) {
            try {
                client.assertExhausted();
            } catch (AssertionError e) {
                first = collect(first, e);
            }
        }
        try {
            close();
        } catch (Exception e) {
            first = collect(first, e);
        }
        if (first instanceof Exception e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** The relay, started with this stack's settings on first use. */
    public RelayServer relay() {
        return relay != null ? relay : relay(UnaryOperator.identity());
    }

    /**
     * Starts the relay with these settings applied over the stack's (for example a rate limit or a flavour).
     *
     * @throws IllegalStateException when the relay of this test is already running
     */
    public RelayServer relay(UnaryOperator<RelayServerConfig.Builder> customize) {
        return relay(customize, RelayRunOptions.defaults());
    }

    /**
     * As {@link #relay(UnaryOperator)}, with these run options (a record file, chaos).
     *
     * @throws IllegalStateException when the relay of this test is already running
     */
    public RelayServer relay(UnaryOperator<RelayServerConfig.Builder> customize, RelayRunOptions run) {
        if (relay != null) {
            throw new IllegalStateException("relay already started on port " + relay.port());
        }
        RelayServerConfig config = customize.apply(relayDefaults.apply(RelayServerConfig.forTesting().toBuilder()))
                .build();
        relay = own(RelayServer.start(config, run));
        return relay;
    }

    /** Closes the relay and starts a new one on the same port, as a restarted server would. */
    public RelayServer restartRelay(UnaryOperator<RelayServerConfig.Builder> customize) {
        RelayServer old = relay();
        int port = old.port();
        old.close();
        started.remove(old);
        relay = null;
        return relay(b -> customize.apply(b).port(port));
    }

    /** The stub, started with this stack's settings on first use. */
    public LlmStub stub() {
        return stub != null ? stub : stub(stubDefaults);
    }

    /**
     * Starts the stub with this configuration.
     *
     * @throws IllegalStateException when the stub of this test is already running
     */
    public LlmStub stub(LlmStubConfig config) {
        if (stub != null) {
            throw new IllegalStateException("stub already started at " + stub.baseUrl());
        }
        stub = own(LlmStub.start(config));
        return stub;
    }

    /** A recording client connected to the relay (started if needed), returned once the relay has registered it. */
    public RecordingClient client(String name) {
        RelayServer r = relay();
        int before = r.connectedClients();
        RecordingClient client = own(RecordingClient.connect(name, r.port()));
        clients.add(client);
        awaitRelayClients(before + 1);
        return client;
    }

    /**
     * Returns once the relay has registered at least {@code count} clients. A client sees its connection before the
     * relay has registered it, and a line sent in between reaches nobody; await this before sending.
     */
    public void awaitRelayClients(int count) {
        RelayServer r = relay();
        Eventually.eventually("relay registered " + count + " clients").until(() -> r.connectedClients() >= count);
    }

    /**
     * Client settings for agents under test: console logging only (no logs/ files from tests) and a short retry
     * delay, so a restarted relay is found again within a second.
     */
    public static ClientConfig agentClientConfig() {
        return ClientConfig.defaults().toBuilder()
                .logger(LoggerConfig.builder().enableFileLog(false).build())
                .reconnection(ReconnectionSettings.builder()
                        .retryDelay(Duration.ofMillis(200))
                        .primaryRetryLimit(50)
                        .defaultHost("127.0.0.1")
                        .defaultRetryLimit(0)
                        .build())
                .build();
    }

    /**
     * Client settings for tests where the client is expected to fail to connect: two retries 100 ms apart and no
     * fallback, so it gives up within a second; console logging only.
     */
    public static ClientConfig failFastClientConfig() {
        return ClientConfig.defaults().toBuilder()
                .logger(LoggerConfig.builder().enableFileLog(false).build())
                .reconnection(ReconnectionSettings.builder()
                        .retryDelay(Duration.ofMillis(100))
                        .primaryRetryLimit(2)
                        .defaultRetryLimit(0)
                        .build())
                .build();
    }

    /** Closes {@code resource} after the test, before everything started earlier (an agent before the relay). */
    public <T extends AutoCloseable> T own(T resource) {
        synchronized (started) {
            started.push(resource);
        }
        return resource;
    }

    /**
     * Runs {@code body} on a fixture thread. An error it throws fails the test after it ends (rethrown on the test
     * thread) even when nobody joins the returned future.
     */
    public CompletableFuture<Void> background(String threadName, ThrowingRunnable body) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                body.run();
                done.complete(null);
            } catch (Throwable e) {
                synchronized (fixtureErrors) {
                    fixtureErrors.add(new AssertionError("fixture thread " + threadName + " failed: " + e, e));
                }
                done.completeExceptionally(e);
            }
        }, threadName);
        t.setDaemon(true);
        t.start();
        return done;
    }

    /** A fixture body that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }

    private void close() throws Exception {
        Exception first = null;
        while (true) {
            AutoCloseable next;
            synchronized (started) {
                next = started.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.close();
            } catch (Exception e) {
                first = (Exception) collect(first, e);
            }
        }
        clients.clear();
        relay = null;
        stub = null;
        if (first != null) {
            throw first;
        }
    }

    private void checkIdle() {
        synchronized (started) {
            if (!started.isEmpty()) {
                throw new IllegalStateException("SummonerStack still holds " + started
                        + " from an earlier test; register it with @RegisterExtension");
            }
        }
    }

    private static Throwable collect(Throwable first, Throwable next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
