package dev.summonersim.harness.conformance;

import dev.summonersim.relay.RelayServerConfig;

import java.util.function.UnaryOperator;

/**
 * One conformance scenario. {@link #drive} runs it on a {@link Stage} (waits are bounded by the budget and end at
 * once when the agent exits); {@link #judge} then decides from the {@link Recording} alone.
 */
interface ConformanceScenario {

    String name();

    Category category();

    /** One line for {@code --list}. */
    String summary();

    /** Scenarios that restart or configure the relay cannot run against an external relay. */
    default boolean needsOwnRelay() {
        return false;
    }

    default UnaryOperator<RelayServerConfig.Builder> relaySetup() {
        return b -> b;
    }

    void drive(Stage stage) throws Exception;

    void judge(Recording recording, Findings findings);
}
