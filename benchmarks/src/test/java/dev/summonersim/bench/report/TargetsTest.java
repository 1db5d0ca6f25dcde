package dev.summonersim.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.bench.ProducerRate;
import dev.summonersim.bench.StrategySpec;
import org.junit.jupiter.api.Test;

class TargetsTest {

    @Test
    void pollingRatioTargetBindsFromFiveMillisecondsWhenTheProducerKeepsUp() {
        EmissionRow met = new EmissionRow(StrategySpec.parse("polling:10"), ProducerRate.UNBOUNDED, 97.5);
        EmissionRow missed = new EmissionRow(StrategySpec.parse("polling:10"), ProducerRate.UNBOUNDED, 95.0);
        EmissionRow shortInterval = new EmissionRow(StrategySpec.parse("polling:2"), ProducerRate.UNBOUNDED, 100);
        EmissionRow slowProducer = new EmissionRow(StrategySpec.parse("polling:5"), ProducerRate.parse("100"), 99);
        assertThat(met.ratio()).isEqualTo(0.975);
        assertThat(met.met()).isTrue();
        assertThat(missed.met()).isFalse();
        assertThat(shortInterval.met()).isNull();
        assertThat(slowProducer.ceiling()).isEqualTo(100.0);
        assertThat(slowProducer.met()).isNull();
    }

    @Test
    void waitingStrategiesNeedFiftyThousandEventsPerSecondWithAnUnboundedProducer() {
        assertThat(new EmissionRow(StrategySpec.parse("blocking"), ProducerRate.UNBOUNDED, 60_000).met()).isTrue();
        assertThat(new EmissionRow(StrategySpec.parse("timeout:500"), ProducerRate.UNBOUNDED, 40_000).met()).isFalse();
        assertThat(new EmissionRow(StrategySpec.parse("blocking"), ProducerRate.parse("100"), 100).met()).isNull();
    }

    @Test
    void idleWakeupsMustMatchTheStrategy() {
        assertThat(Targets.idleWakeupsMet(StrategySpec.parse("blocking"), 0)).isTrue();
        assertThat(Targets.idleWakeupsMet(StrategySpec.parse("blocking"), 0.2)).isFalse();
        assertThat(Targets.idleWakeupsMet(StrategySpec.parse("timeout:500"), 2.0)).isTrue();
        assertThat(Targets.idleWakeupsMet(StrategySpec.parse("polling:10"), 97)).isTrue();
        assertThat(Targets.idleWakeupsMet(StrategySpec.parse("polling:10"), 80)).isFalse();
    }

    @Test
    void latencyTargetAppliesToWaitingStrategiesOnly() {
        assertThat(new LatencyRow(StrategySpec.parse("blocking"), 200, 1000, 150, 1500, 3000).met()).isTrue();
        assertThat(new LatencyRow(StrategySpec.parse("timeout:500"), 200, 1000, 250, 1500, 3000).met()).isFalse();
        assertThat(new LatencyRow(StrategySpec.parse("polling:10"), 50, 100, 5000, 9900, 10_000).met()).isNull();
    }
}
