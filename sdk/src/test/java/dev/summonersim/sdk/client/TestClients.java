package dev.summonersim.sdk.client;

import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.ReconnectionSettings;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;

import org.awaitility.core.ConditionFactory;

/** Shared test settings: fast retries, unique logger names, one bounded wait. */
final class TestClients {
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final AtomicInteger NAMES = new AtomicInteger();

    private TestClients() {
    }

    static String uniqueName(String prefix) {
        return prefix + "-" + NAMES.incrementAndGet();
    }

    static ClientConfig fastRetries(Integer primaryLimit, Integer fallbackPort, Integer fallbackLimit) {
        return ClientConfig.builder()
                .reconnection(ReconnectionSettings.builder()
                        .retryDelay(Duration.ofMillis(20))
                        .primaryRetryLimit(primaryLimit)
                        .defaultHost(fallbackPort == null ? null : "127.0.0.1")
                        .defaultPort(fallbackPort)
                        .defaultRetryLimit(fallbackLimit)
                        .build())
                .build();
    }

    static ConditionFactory eventually() {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(10));
    }
}
