package dev.summonersim.relay.policy;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class FixedWindowRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void allowsTheLimitThenDropsUntilTheWindowRestarts() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(5, Duration.ofSeconds(60), now::get);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire()).as("line %d", i).isTrue();
        }
        assertThat(limiter.tryAcquire()).isFalse();
        assertThat(limiter.tryAcquire()).isFalse();
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(limiter.tryAcquire()).as("still the first window").isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(limiter.tryAcquire()).as("60 s after the connection: new window").isTrue();
    }

    @Test
    void windowRestartsLazilyAtTheFirstLineAfterItEnds() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(1, Duration.ofSeconds(60), now::get);
        assertThat(limiter.tryAcquire()).isTrue();
        now.addAndGet(Duration.ofSeconds(90).toNanos());
        assertThat(limiter.tryAcquire()).as("window restarted at t=90 s").isTrue();
        now.addAndGet(Duration.ofSeconds(40).toNanos());
        assertThat(limiter.tryAcquire()).as("t=130 s is inside the window that began at 90 s").isFalse();
        now.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limiter.tryAcquire()).isTrue();
    }

    @Test
    void floodsDoNotOverflowTheCounter() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(3, Duration.ofSeconds(60), now::get);
        for (int i = 0; i < 100_000; i++) {
            limiter.tryAcquire();
        }
        assertThat(limiter.tryAcquire()).isFalse();
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(limiter.tryAcquire()).isTrue();
    }

    @Test
    void limitZeroDropsEverything() {
        FixedWindowRateLimiter limiter = new FixedWindowRateLimiter(0, Duration.ofSeconds(60), now::get);
        assertThat(limiter.tryAcquire()).isFalse();
    }
}
