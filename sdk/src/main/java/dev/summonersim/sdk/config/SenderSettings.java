package dev.summonersim.sdk.config;

/**
 * {@code hyper_parameters.sender}. Only {@code maxWorkerErrors} changes the Java runtime's behaviour (it starts the
 * back-off after that many consecutive send-handler failures); the others are validated and kept so that the
 * reference's files load unchanged, but the Java client writes and flushes each line as soon as its handler returns.
 *
 * @param concurrencyLimit   reference: number of send workers (default 50, must be >= 1)
 * @param batchDrain         reference: who awaits {@code drain()} (default true)
 * @param queueMaxsize       reference: send queue bound (default = concurrencyLimit, must be >= 1)
 * @param eventBridgeMaxsize reference: flow event queue (default 1000, must be >= 1)
 * @param maxWorkerErrors    consecutive failures of one send handler before the client backs off (default 3, >= 1)
 */
public record SenderSettings(int concurrencyLimit, boolean batchDrain, int queueMaxsize, int eventBridgeMaxsize,
                             int maxWorkerErrors) {
    public static final int DEFAULT_CONCURRENCY_LIMIT = 50;
    public static final int DEFAULT_EVENT_BRIDGE_MAXSIZE = 1000;
    public static final int DEFAULT_MAX_WORKER_ERRORS = 3;

    public SenderSettings {
        requireAtLeastOne("concurrency_limit", concurrencyLimit);
        requireAtLeastOne("queue_maxsize", queueMaxsize);
        requireAtLeastOne("event_bridge_maxsize", eventBridgeMaxsize);
        requireAtLeastOne("max_worker_errors", maxWorkerErrors);
    }

    private static void requireAtLeastOne(String key, int value) {
        if (value < 1) {
            throw ConfigException.invalid("hyper_parameters.sender." + key, value, "an integer >= 1");
        }
    }

    public static SenderSettings defaults() {
        return new SenderSettings(DEFAULT_CONCURRENCY_LIMIT, true, DEFAULT_CONCURRENCY_LIMIT,
                DEFAULT_EVENT_BRIDGE_MAXSIZE, DEFAULT_MAX_WORKER_ERRORS);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    public Builder toBuilder() {
        return new Builder().concurrencyLimit(concurrencyLimit).batchDrain(batchDrain).queueMaxsize(queueMaxsize)
                .eventBridgeMaxsize(eventBridgeMaxsize).maxWorkerErrors(maxWorkerErrors);
    }

    public static final class Builder {
        private int concurrencyLimit;
        private boolean batchDrain;
        private int queueMaxsize;
        private int eventBridgeMaxsize;
        private int maxWorkerErrors;

        private Builder() {
        }

        public Builder concurrencyLimit(int concurrencyLimit) {
            this.concurrencyLimit = concurrencyLimit;
            return this;
        }

        public Builder batchDrain(boolean batchDrain) {
            this.batchDrain = batchDrain;
            return this;
        }

        public Builder queueMaxsize(int queueMaxsize) {
            this.queueMaxsize = queueMaxsize;
            return this;
        }

        public Builder eventBridgeMaxsize(int eventBridgeMaxsize) {
            this.eventBridgeMaxsize = eventBridgeMaxsize;
            return this;
        }

        public Builder maxWorkerErrors(int maxWorkerErrors) {
            this.maxWorkerErrors = maxWorkerErrors;
            return this;
        }

        public SenderSettings build() {
            return new SenderSettings(concurrencyLimit, batchDrain, queueMaxsize, eventBridgeMaxsize,
                    maxWorkerErrors);
        }
    }
}
