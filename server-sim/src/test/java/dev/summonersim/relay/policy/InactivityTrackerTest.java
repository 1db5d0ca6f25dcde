package dev.summonersim.relay.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InactivityTrackerTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void idleOnlyAfterMoreThanTheTimeoutWithoutActivity() {
        InactivityTracker t = new InactivityTracker(Duration.ofSeconds(2), now::get);
        now.set(Duration.ofSeconds(2).toNanos());
        assertThat(t.isIdle()).as("exactly the timeout is not more than it").isFalse();
        now.incrementAndGet();
        assertThat(t.isIdle()).isTrue();
        t.recordActivity();
        assertThat(t.isIdle()).isFalse();
        now.addAndGet(Duration.ofSeconds(3).toNanos());
        assertThat(t.isIdle()).isTrue();
    }
}
