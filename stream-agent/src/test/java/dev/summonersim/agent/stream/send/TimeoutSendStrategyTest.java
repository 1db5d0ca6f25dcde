package dev.summonersim.agent.stream.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class TimeoutSendStrategyTest {

    private final BlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>();

    @Test
    void emptyQueueGivesNothingAfterTheTimeout() throws Exception {
        TimeoutSendStrategy strategy = new TimeoutSendStrategy(Duration.ofMillis(50));
        long start = System.nanoTime();
        assertThat(strategy.next(queue)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void returnsAnEventAsSoonAsItIsQueuedWithoutWaitingForTheTimeout() throws Exception {
        TimeoutSendStrategy strategy = new TimeoutSendStrategy(Duration.ofSeconds(20));
        CompletableFuture<StreamEvent> sent = CompletableFuture.supplyAsync(() -> {
            try {
                return strategy.next(queue);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        StreamStart event = new StreamStart("s");
        queue.add(event);
        // Far below the 20 s timeout: proves the wait ended on arrival, not on expiry.
        assertThat(sent.get(10, TimeUnit.SECONDS)).isSameAs(event);
    }

    @Test
    void rejectsNegativeTimeout() {
        assertThatThrownBy(() -> new TimeoutSendStrategy(Duration.ofMillis(-5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-5 ms");
    }
}
