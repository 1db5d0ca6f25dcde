package dev.summonersim.sdk.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A client configuration in the shape of the reference's {@code client_config.json}.
 *
 * @param host         server host; when non-null it wins over the host given to the client builder (reference)
 * @param port         server port; when non-null it wins over the port given to the client builder (reference)
 * @param logger       the {@code logger} section
 * @param receiver     {@code hyper_parameters.receiver}
 * @param sender       {@code hyper_parameters.sender}
 * @param reconnection {@code hyper_parameters.reconnection}
 */
public record ClientConfig(String host, Integer port, LoggerConfig logger, ReceiverSettings receiver,
                           SenderSettings sender, ReconnectionSettings reconnection) {

    public ClientConfig {
        if (host != null && host.isBlank()) {
            host = null; // the reference treats a falsy host as "not set"
        }
        if (port != null && (port < 1 || port > 65_535)) {
            throw ConfigException.invalid("port", port, "a port 1..65535 or null");
        }
        Objects.requireNonNull(logger, "logger");
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(reconnection, "reconnection");
    }

    /** The reference's values for an empty config file. */
    public static ClientConfig defaults() {
        return new ClientConfig(null, null, LoggerConfig.defaults(), ReceiverSettings.defaults(),
                SenderSettings.defaults(), ReconnectionSettings.defaults());
    }

    /**
     * Reads a {@code client_config.json}. Missing keys take the reference's defaults, explicit {@code null} takes
     * the default too except where null means something ({@code host}, {@code port}, retry limits, fallback host and
     * port, {@code read_timeout_seconds}, {@code date_format}, {@code log_keys}); unknown keys are ignored.
     *
     * @throws ConfigException when the file cannot be read, is not a JSON object, or a key has the wrong type or value
     */
    public static ClientConfig load(Path file) {
        return new ClientConfigReader(file).read();
    }

    /**
     * This configuration with {@code host} and {@code port} in place of its own where they are non-null: how a
     * command line or a program overrides the file's relay address.
     */
    public ClientConfig withAddress(String host, Integer port) {
        if (host == null && port == null) {
            return this;
        }
        return new ClientConfig(host != null ? host : this.host, port != null ? port : this.port, logger, receiver,
                sender, reconnection);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder().host(host).port(port).logger(logger).receiver(receiver).sender(sender)
                .reconnection(reconnection);
    }

    public static final class Builder {
        private String host;
        private Integer port;
        private LoggerConfig logger;
        private ReceiverSettings receiver;
        private SenderSettings sender;
        private ReconnectionSettings reconnection;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(Integer port) {
            this.port = port;
            return this;
        }

        public Builder logger(LoggerConfig logger) {
            this.logger = logger;
            return this;
        }

        public Builder receiver(ReceiverSettings receiver) {
            this.receiver = receiver;
            return this;
        }

        public Builder sender(SenderSettings sender) {
            this.sender = sender;
            return this;
        }

        public Builder reconnection(ReconnectionSettings reconnection) {
            this.reconnection = reconnection;
            return this;
        }

        public ClientConfig build() {
            return new ClientConfig(host, port, logger, receiver, sender, reconnection);
        }
    }
}
