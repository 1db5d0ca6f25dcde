package dev.summonersim.relay.policy;

import dev.summonersim.relay.BackpressureThresholds;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackpressurePolicyTest {
    private static final long PAUSE_AFTER = Duration.ofMillis(200).toNanos();
    private static final long WINDOW = Duration.ofSeconds(60).toNanos();
    private final BackpressurePolicy policy = new BackpressurePolicy(
            new BackpressureThresholds(true, 50, true, 150, true, 300), 1_000_000,
            Duration.ofNanos(PAUSE_AFTER), Duration.ofNanos(WINDOW));

    @Test
    void strongestReachedThresholdWinsOnceTheReceiverHasStalled() {
        assertThat(policy.assess(49, 100, WINDOW)).isEqualTo(BackpressureAction.NONE);
        assertThat(policy.assess(50, 100, WINDOW)).isEqualTo(BackpressureAction.THROTTLE);
        assertThat(policy.assess(150, 100, WINDOW)).isEqualTo(BackpressureAction.FLOW_CONTROL);
        assertThat(policy.assess(300, 100, WINDOW)).isEqualTo(BackpressureAction.DISCONNECT);
    }

    @Test
    void aReceiverWhoseSocketKeepsAcceptingIsNeverPausedOrDropped() {
        long progressing = PAUSE_AFTER - 1;
        assertThat(policy.assess(10_000, 100, progressing)).isEqualTo(BackpressureAction.NONE);
        assertThat(policy.assess(50, 100, PAUSE_AFTER)).isEqualTo(BackpressureAction.THROTTLE);
    }

    @Test
    void disconnectNeedsTheWholeStallWindow() {
        assertThat(policy.assess(300, 100, WINDOW - 1)).isEqualTo(BackpressureAction.FLOW_CONTROL);
        assertThat(policy.assess(300, 100, WINDOW)).isEqualTo(BackpressureAction.DISCONNECT);
        assertThat(policy.overDisconnectThreshold(299)).isFalse();
        assertThat(policy.overDisconnectThreshold(300)).isTrue();
        assertThat(policy.assess(1, 1_000_001, 0)).as("the byte cap never waits").isEqualTo(BackpressureAction.OVERFLOW);
    }

    @Test
    void byteCapAppliesEvenWithEveryReactionDisabled() {
        BackpressurePolicy capOnly = BackpressurePolicy.byteCapOnly(1000);
        assertThat(capOnly.assess(10_000, 1000, WINDOW)).isEqualTo(BackpressureAction.NONE);
        assertThat(capOnly.assess(1, 1001, WINDOW)).isEqualTo(BackpressureAction.OVERFLOW);
        assertThat(capOnly.overDisconnectThreshold(Long.MAX_VALUE)).isFalse();
        assertThat(policy.assess(1, 1_000_001, WINDOW)).isEqualTo(BackpressureAction.OVERFLOW);
    }

    @Test
    void disabledReactionsAreSkipped() {
        BackpressurePolicy onlyDisconnect = new BackpressurePolicy(new BackpressureThresholds(false, 1, false, 2, true, 3),
                1_000_000, Duration.ZERO, Duration.ZERO);
        assertThat(onlyDisconnect.assess(2, 10, WINDOW)).isEqualTo(BackpressureAction.NONE);
        assertThat(onlyDisconnect.assess(3, 10, WINDOW)).isEqualTo(BackpressureAction.DISCONNECT);
    }

    @Test
    void caughtUpAtHalfTheLowestEnabledPauseThreshold() {
        assertThat(policy.caughtUp(26)).isFalse();
        assertThat(policy.caughtUp(25)).isTrue();
        BackpressurePolicy flowOnly = new BackpressurePolicy(new BackpressureThresholds(false, 50, true, 150, true, 300),
                1_000_000, Duration.ZERO, Duration.ZERO);
        assertThat(flowOnly.caughtUp(76)).isFalse();
        assertThat(flowOnly.caughtUp(75)).isTrue();
    }
}
