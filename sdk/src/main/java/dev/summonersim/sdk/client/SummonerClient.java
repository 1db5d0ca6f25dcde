package dev.summonersim.sdk.client;

import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.ReconnectionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Java counterpart of the reference's {@code SummonerClient}: connects to a relay, hands every received line
 * to the receive handlers and writes what the send handlers return, reconnecting per the config.
 *
 * <pre>{@code
 * SummonerClient client = SummonerClient.builder("EchoAgent")
 *         .config(ClientConfig.load(Path.of("configs/client_config.json")))
 *         .onReceive(message -> inbox.put(message))
 *         .onSend(() -> inbox.take() instanceof RelayMessage m ? m.content() : null)
 *         .build();
 * System.exit(client.run());
 * }</pre>
 *
 * The client logs through the SLF4J logger named like the client, as the reference logs through the agent's
 * logger.
 */
public final class SummonerClient {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8888;

    private final String name;
    private final ClientConfig config;
    private final String host;
    private final int port;
    private final List<ReceiveHandler> receivers;
    private final List<SendHandler> senders;
    private final ConnectionListener listener;

    private SummonerClient(Builder b) {
        this.name = b.name;
        this.config = b.config;
        this.host = b.host;
        this.port = b.port;
        this.receivers = List.copyOf(b.receivers);
        this.senders = List.copyOf(b.senders);
        this.listener = b.listener;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Connects in the background and returns at once; each call starts an independent client. */
    public ClientHandle start() {
        Logger log = LoggerFactory.getLogger(name);
        // The config wins when set, as the reference's `self.host or host_arg`; so does the fallback stage.
        ServerTarget primary = new ServerTarget(config.host() != null ? config.host() : host,
                config.port() != null ? config.port() : port);
        ReconnectionSettings r = config.reconnection();
        ServerTarget fallback = new ServerTarget(r.defaultHost() != null ? r.defaultHost() : host,
                r.defaultPort() != null ? r.defaultPort() : port);
        ClientRuntime runtime = new ClientRuntime(name, log, config, primary, fallback, receivers, senders, listener);
        runtime.start();
        return new ClientHandle(runtime);
    }

    /**
     * Starts the client and blocks until it stops. SIGINT and SIGTERM (JVM shutdown) close it cleanly.
     *
     * @return 0 when stopped on request, non-zero when it gave up reconnecting
     */
    public int run() {
        Logger log = LoggerFactory.getLogger(name);
        ClientHandle handle = start();
        AtomicBoolean reported = new AtomicBoolean();
        Runnable exited = () -> {
            if (reported.compareAndSet(false, true)) {
                log.info("Client exited cleanly.");
            }
        };
        Thread hook = new Thread(() -> {
            try {
                handle.close();
                exited.run();
            } catch (RuntimeException e) {
                log.error("Client did not shut down cleanly: {}", e.getMessage());
            }
        }, name + "-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            while (!handle.awaitTermination(Duration.ofHours(1)) && !Thread.currentThread().isInterrupted()) {
                // keep waiting; the shutdown hook or the connection loop ends it
            }
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running and reports the exit itself
            }
            if (Thread.currentThread().isInterrupted()) {
                handle.close();
            }
        }
        exited.run();
        return handle.exitCode();
    }

    public static final class Builder {
        private final String name;
        private ClientConfig config = ClientConfig.defaults();
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private final List<ReceiveHandler> receivers = new ArrayList<>();
        private final List<SendHandler> senders = new ArrayList<>();
        private ConnectionListener listener = new ConnectionListener() {
        };

        private Builder(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("client name must not be blank: " + name);
            }
            this.name = name;
        }

        /** Default: {@link ClientConfig#defaults()}. */
        public Builder config(ClientConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** The reference's {@code run(host=)}; a non-null config host wins. Default 127.0.0.1. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The reference's {@code run(port=)}; a non-null config port wins. Default 8888. */
        public Builder port(int port) {
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port out of range: " + port + " (expected: 1..65535)");
            }
            this.port = port;
            return this;
        }

        public Builder onReceive(ReceiveHandler handler) {
            receivers.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public Builder onSend(SendHandler handler) {
            senders.add(Objects.requireNonNull(handler, "handler"));
            return this;
        }

        public Builder listener(ConnectionListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public SummonerClient build() {
            return new SummonerClient(this);
        }
    }
}
