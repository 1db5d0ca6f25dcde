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
    void aSlowRoundIsNeverFollowedByABurst() throws Exception {
        PollingSendStrategy strategy = new PollingSendStrategy(Duration.ofMillis(20));
        for (int i = 0; i < 100; i++) {
            queue.add(new Token("s", "t" + i));
        }
        strategy.next(queue);
        // A slow round (here: the caller busy for ~5 intervals) must not be followed by a burst of polls.
        long busyUntil = System.nanoTime() + Duration.ofMillis(100).toNanos();
        while (System.nanoTime() < busyUntil) {
            Thread.onSpinWait();
        }
        long[] pollTimes = new long[6];
        for (int i = 0; i < pollTimes.length; i++) {
            strategy.next(queue);
            pollTimes[i] = System.nanoTime();
        }
        for (int i = 1; i < pollTimes.length; i++) {
            // Measured just outside the strategy, so allow the few microseconds between its clock and ours.
            assertThat(Duration.ofNanos(pollTimes[i] - pollTimes[i - 1]))
                    .as("gap before poll %d", i).isGreaterThanOrEqualTo(Duration.ofMillis(20).minusNanos(50_000));
        }
    }

    @Test
    void rejectsNegativeInterval() {
        assertThatThrownBy(() -> new PollingSendStrategy(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1 ms");
    }
}
