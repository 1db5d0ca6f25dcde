package dev.summonersim.agent.input;

import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.ReconnectionSettings;
import java.time.Duration;

/** Shared set-up for tests that run a real {@link InputAgent} against sockets. */
final class AgentTestSupport {
    private AgentTestSupport() {
    }

    /** Fast, bounded reconnection so a failing test ends quickly instead of retrying for minutes. */
    static ClientConfig testClientConfig() {
        ClientConfig defaults = ClientConfig.defaults();
        return defaults.toBuilder()
                .reconnection(ReconnectionSettings.builder()
                        .retryDelay(Duration.ofMillis(100))
                        .primaryRetryLimit(2)
                        .defaultRetryLimit(0)
                        .build())
                .build();
    }

    static InputAgentSettings.Builder settings(int port) {
        return InputAgentSettings.builder().clientConfig(testClientConfig()).port(port);
    }
}
