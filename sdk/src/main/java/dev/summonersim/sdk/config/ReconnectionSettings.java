package dev.summonersim.sdk.config;

import java.time.Duration;

/**
 * {@code hyper_parameters.reconnection}. A {@code null} limit means retry forever.
 *
 * @param retryDelay        sleep after each failed attempt or lost connection (default 3 s)
 * @param primaryRetryLimit failures at the primary server before falling back (default 3)
 * @param defaultHost       fallback host (default: the config's {@code host}; {@code null} = the run() host)
 * @param defaultPort       fallback port (default: the config's {@code port}; {@code null} = the run() port)
 * @param defaultRetryLimit failures at the fallback server before the client exits (default 2)
 */
public record ReconnectionSettings(Duration retryDelay, Integer primaryRetryLimit, String defaultHost,
                                   Integer defaultPort, Integer defaultRetryLimit) {
    public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(3);
    public static final int DEFAULT_PRIMARY_RETRY_LIMIT = 3;
    public static final int DEFAULT_DEFAULT_RETRY_LIMIT = 2;

    public ReconnectionSettings {
        if (retryDelay == null || retryDelay.isNegative()) {
            throw ConfigException.invalid("hyper_parameters.reconnection.retry_delay_seconds", retryDelay,
                    "a number of seconds >= 0");
        }
        requireLimit("primary_retry_limit", primaryRetryLimit);
        requireLimit("default_retry_limit", defaultRetryLimit);
        if (defaultPort != null && (defaultPort < 1 || defaultPort > 65_535)) {
            throw ConfigException.invalid("hyper_parameters.reconnection.default_port", defaultPort,
                    "a port 1..65535 or null");
        }
        if (defaultHost != null && defaultHost.isBlank()) {
            defaultHost = null; // the reference treats a falsy host as "not set"
        }
    }

    private static void requireLimit(String key, Integer limit) {
        if (limit != null && limit < 0) {
            throw ConfigException.invalid("hyper_parameters.reconnection." + key, limit,
                    "an integer >= 0 or null (retry forever)");
        }
    }

    public static ReconnectionSettings defaults() {
        return new ReconnectionSettings(DEFAULT_RETRY_DELAY, DEFAULT_PRIMARY_RETRY_LIMIT, null, null,
                DEFAULT_DEFAULT_RETRY_LIMIT);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder().retryDelay(retryDelay).primaryRetryLimit(primaryRetryLimit).defaultHost(defaultHost)
                .defaultPort(defaultPort).defaultRetryLimit(defaultRetryLimit);
    }

    public static final class Builder {
        private Duration retryDelay;
        private Integer primaryRetryLimit;
        private String defaultHost;
        private Integer defaultPort;
        private Integer defaultRetryLimit;

        private Builder() {
        }

        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
            return this;
        }

        public Builder primaryRetryLimit(Integer primaryRetryLimit) {
            this.primaryRetryLimit = primaryRetryLimit;
            return this;
        }

        public Builder defaultHost(String defaultHost) {
            this.defaultHost = defaultHost;
            return this;
        }

        public Builder defaultPort(Integer defaultPort) {
            this.defaultPort = defaultPort;
            return this;
        }

        public Builder defaultRetryLimit(Integer defaultRetryLimit) {
            this.defaultRetryLimit = defaultRetryLimit;
            return this;
        }

        public ReconnectionSettings build() {
            return new ReconnectionSettings(retryDelay, primaryRetryLimit, defaultHost, defaultPort,
                    defaultRetryLimit);
        }
    }
}
