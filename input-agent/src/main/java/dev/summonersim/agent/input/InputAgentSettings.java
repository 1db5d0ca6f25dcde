package dev.summonersim.agent.input;

import dev.summonersim.agent.input.view.TextView;
import dev.summonersim.agent.input.view.ViewMode;
import dev.summonersim.sdk.config.ClientConfig;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one input-agent run needs besides its input and output. {@code multiline} and {@code view} say which
 * prompt source and view the command line builds; the agent itself uses the connection and exit settings.
 *
 * <p>The relay address has one home, the client configuration ({@link #host()}, {@link #port()}: its values, else
 * 127.0.0.1:8888); the builder's {@code host}/{@code port} override it, as {@code --host}/{@code --port} override the
 * config file.
 *
 * @param clientName       logger and client name
 * @param clientConfig     SDK client configuration, relay address included
 * @param multiline        the reference's backslash continuation
 * @param view             display of received messages
 * @param exitAfterStreams when set, the run is done once this many streams reached a terminal event
 * @param timeout          when set, the run fails if not done within it
 * @param stallAfter       text view: a stream without any event for this long (and no terminal event) is marked
 *                         as stalled
 */
public record InputAgentSettings(
        String clientName,
        ClientConfig clientConfig,
        boolean multiline,
        ViewMode view,
        Optional<Integer> exitAfterStreams,
        Optional<Duration> timeout,
        Duration stallAfter) {

    public static final String DEFAULT_NAME = "InputAgent";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8888;

    public InputAgentSettings {
        Objects.requireNonNull(clientName, "clientName");
        Objects.requireNonNull(clientConfig, "clientConfig");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(exitAfterStreams, "exitAfterStreams");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(stallAfter, "stallAfter");
        if (stallAfter.isNegative() || stallAfter.isZero()) {
            throw new IllegalArgumentException("stallAfter must be positive, got " + stallAfter);
        }
        exitAfterStreams.ifPresent(n -> {
            if (n < 1) {
                throw new IllegalArgumentException("exitAfterStreams must be at least 1, got " + n);
            }
        });
        timeout.ifPresent(t -> {
            if (t.isNegative() || t.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, got " + t);
            }
        });
    }

    /** The relay host: the client configuration's, else 127.0.0.1. */
    public String host() {
        return clientConfig.host() != null ? clientConfig.host() : DEFAULT_HOST;
    }

    /** The relay port: the client configuration's, else 8888. */
    public int port() {
        return clientConfig.port() != null ? clientConfig.port() : DEFAULT_PORT;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.clientName = clientName;
        b.clientConfig = clientConfig;
        b.multiline = multiline;
        b.view = view;
        b.exitAfterStreams = exitAfterStreams.orElse(null);
        b.timeout = timeout.orElse(null);
        b.stallAfter = stallAfter;
        return b;
    }

    public static final class Builder {
        private String clientName = DEFAULT_NAME;
        private ClientConfig clientConfig = ClientConfig.defaults();
        private String host;
        private Integer port;
        private boolean multiline;
        private ViewMode view = ViewMode.RAW;
        private Integer exitAfterStreams;
        private Duration timeout;
        private Duration stallAfter = TextView.DEFAULT_STALL_AFTER;

        private Builder() {
        }

        public Builder clientName(String v) { clientName = v; return this; }
        public Builder clientConfig(ClientConfig v) { clientConfig = v; return this; }
        /** Overrides the client configuration's host. */
        public Builder host(String v) { host = v; return this; }
        /** Overrides the client configuration's port (1..65535). */
        public Builder port(int v) { port = v; return this; }
        public Builder multiline(boolean v) { multiline = v; return this; }
        public Builder view(ViewMode v) { view = v; return this; }
        public Builder exitAfterStreams(Integer v) { exitAfterStreams = v; return this; }
        public Builder timeout(Duration v) { timeout = v; return this; }
        public Builder stallAfter(Duration v) { stallAfter = v; return this; }

        public InputAgentSettings build() {
            return new InputAgentSettings(clientName, clientConfig.withAddress(host, port), multiline, view,
                    Optional.ofNullable(exitAfterStreams), Optional.ofNullable(timeout), stallAfter);
        }
    }
}
