package dev.summonersim.relay.policy;

import dev.summonersim.relay.BackpressureThresholds;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackpressurePolicyTest {
    private static final long STALLED = Duration.ofSeconds(5).toNanos();
    private final BackpressurePolicy policy =
            new BackpressurePolicy(new BackpressureThresholds(true, 50, true, 150, true, 300), 1_000_000, Duration.ofSeconds(1));

    @Test
    void strongestReachedThresholdWins() {
        assertThat(policy.assess(49, 100, STALLED)).isEqualTo(BackpressureAction.NONE);
        assertThat(policy.assess(50, 100, STALLED)).isEqualTo(BackpressureAction.THROTTLE);
        assertThat(policy.assess(150, 100, STALLED)).isEqualTo(BackpressureAction.FLOW_CONTROL);
        assertThat(policy.assess(300, 100, STALLED)).isEqualTo(BackpressureAction.DISCONNECT);
    }

    @Test
    void disconnectNeedsTheReceiverToHaveStalled() {
        assertThat(policy.assess(300, 100, Duration.ofMillis(999).toNanos())).isEqualTo(BackpressureAction.FLOW_CONTROL);
        assertThat(policy.assess(300, 100, Duration.ofSeconds(1).toNanos())).isEqualTo(BackpressureAction.DISCONNECT);
        assertThat(policy.assess(1, 1_000_001, 0)).as("the byte cap never waits").isEqualTo(BackpressureAction.OVERFLOW);
    }

    @Test
    void byteCapAppliesEvenWithEveryReactionDisabled() {
        BackpressurePolicy capOnly = BackpressurePolicy.byteCapOnly(1000);
        assertThat(capOnly.assess(10_000, 1000, STALLED)).isEqualTo(BackpressureAction.NONE);
        assertThat(capOnly.assess(1, 1001, STALLED)).isEqualTo(BackpressureAction.OVERFLOW);
        assertThat(policy.assess(1, 1_000_001, STALLED)).isEqualTo(BackpressureAction.OVERFLOW);
    }

    @Test
    void disabledReactionsAreSkipped() {
        BackpressurePolicy onlyDisconnect =
                new BackpressurePolicy(new BackpressureThresholds(false, 1, false, 2, true, 3), 1_000_000, Duration.ZERO);
        assertThat(onlyDisconnect.assess(2, 10, STALLED)).isEqualTo(BackpressureAction.NONE);
        assertThat(onlyDisconnect.assess(3, 10, STALLED)).isEqualTo(BackpressureAction.DISCONNECT);
    }
}
