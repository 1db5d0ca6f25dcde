package dev.summonersim.testkit;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/**
 * The one Awaitility policy, for state that has no event to wait on. ConditionFactory is immutable, so sharing it is
 * safe; nothing here touches Awaitility's static defaults.
 */
public final class Eventually {

    /** Generous on purpose: the CI machine has two cores shared by every JVM of the build. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final ConditionFactory EVENTUALLY = Awaitility.await()
            .atMost(PATIENCE)
            .pollDelay(Duration.ZERO)
            .pollInterval(Duration.ofMillis(50));

    private Eventually() {
    }

    public static ConditionFactory eventually() {
        return EVENTUALLY;
    }

    /** The shared policy with an alias, so a timeout says what was awaited. */
    public static ConditionFactory eventually(String alias) {
        return EVENTUALLY.alias(alias);
    }
}
