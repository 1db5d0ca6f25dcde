package dev.summonersim.relay.policy;

import dev.summonersim.relay.BackpressureThresholds;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackpressurePolicyTest {
    private final BackpressurePolicy policy =
            new BackpressurePolicy(new BackpressureThresholds(true, 50, true, 150, true, 300), 1_000_000);

    @Test
    void strongestReachedThresholdWins() {
        assertThat(policy.assess(49, 100)).isEqualTo(BackpressureAction.NONE);
        assertThat(policy.assess(50, 100)).isEqualTo(BackpressureAction.THROTTLE);
        assertThat(policy.assess(150, 100)).isEqualTo(BackpressureAction.FLOW_CONTROL);
        assertThat(policy.assess(300, 100)).isEqualTo(BackpressureAction.DISCONNECT);
    }

    @Test
    void byteCapAppliesEvenWithEveryReactionDisabled() {
        BackpressurePolicy capOnly = BackpressurePolicy.byteCapOnly(1000);
        assertThat(capOnly.assess(10_000, 1000)).isEqualTo(BackpressureAction.NONE);
        assertThat(capOnly.assess(1, 1001)).isEqualTo(BackpressureAction.OVERFLOW);
        assertThat(policy.assess(1, 1_000_001)).isEqualTo(BackpressureAction.OVERFLOW);
    }

    @Test
    void disabledReactionsAreSkipped() {
        BackpressurePolicy onlyDisconnect =
                new BackpressurePolicy(new BackpressureThresholds(false, 1, false, 2, true, 3), 1_000_000);
        assertThat(onlyDisconnect.assess(2, 10)).isEqualTo(BackpressureAction.NONE);
        assertThat(onlyDisconnect.assess(3, 10)).isEqualTo(BackpressureAction.DISCONNECT);
    }
}
