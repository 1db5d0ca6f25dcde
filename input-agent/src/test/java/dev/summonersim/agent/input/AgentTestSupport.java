package dev.summonersim.agent.input;

import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.config.ReconnectionSettings;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

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

    static CompletableFuture<ExitStatus> runInBackground(InputAgent agent) {
        CompletableFuture<ExitStatus> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(agent.run());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "test-input-agent");
        t.setDaemon(true);
        t.start();
        return result;
    }
}
