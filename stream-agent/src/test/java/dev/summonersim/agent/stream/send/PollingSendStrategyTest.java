package dev.summonersim.agent.stream.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PollingSendStrategyTest {

    private final BlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>();

    @Test
    void emptyQueueGivesNothingAfterSleepingTheInterval() throws Exception {
        PollingSendStrategy strategy = new PollingSendStrategy(Duration.ofMillis(30));
        long start = System.nanoTime();
        assertThat(strategy.next(queue)).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(30));
    }

    @Test
    void takesExactlyOneQueuedEventPerCallInOrder() throws Exception {
        PollingSendStrategy strategy = new PollingSendStrategy(Duration.ofMillis(1));
        for (int i = 0; i < 3; i++) {
            queue.add(new Token("s", "t" + i));
        }
        List<StreamEvent> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(strategy.next(queue));
            assertThat(queue).hasSize(2 - i);
        }
        assertThat(sent).extracting(e -> ((Token) e).token()).containsExactly("t0", "t1", "t2");
        assertThat(strategy.next(queue)).isNull();
    }

    @Test
    void sleepsEvenWhenAnEventIsWaiting() throws Exception {
        PollingSendStrategy strategy = new PollingSendStrategy(Duration.ofMillis(40));
        queue.add(new Token("s", "x"));
        long start = System.nanoTime();
        assertThat(strategy.next(queue)).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(40));
    }

    @Test
    void rateIsCappedAtOneEventPerInterval() throws Exception {
        PollingSendStrategy strategy = new PollingSendStrategy(Duration.ofMillis(20));
        for (int i = 0; i < 100; i++) {
            queue.add(new Token("s", "t" + i));
        }
        long start = System.nanoTime();
        int sent = 0;
        while (System.nanoTime() - start < Duration.ofMillis(300).toNanos()) {
            if (strategy.next(queue) != null) {
                sent++;
            }
        }
        // 300 ms / 20 ms = 15 rounds at most (+1 for the round that crosses the window edge).
        assertThat(sent).isBetween(1, 16);
    }

    @Test
    void rejectsNegativeInterval() {
        assertThatThrownBy(() -> new PollingSendStrategy(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 ms");
    }
}
