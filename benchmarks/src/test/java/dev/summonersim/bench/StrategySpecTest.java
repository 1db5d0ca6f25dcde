package dev.summonersim.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StrategySpecTest {

    @Test
    void parsesTheThreeSpellings() {
        assertThat(StrategySpec.parse("polling:10")).isEqualTo(new StrategySpec(StrategySpec.Kind.POLLING, 10));
        assertThat(StrategySpec.parse(" Timeout:500 ")).isEqualTo(new StrategySpec(StrategySpec.Kind.TIMEOUT, 500));
        assertThat(StrategySpec.parse("blocking")).isEqualTo(new StrategySpec(StrategySpec.Kind.BLOCKING, 0));
        assertThat(StrategySpec.parse("polling:0").toString()).isEqualTo("polling:0");
    }

    @Test
    void ceilingIsOneOverIntervalForPollingOnly() {
        assertThat(StrategySpec.parse("polling:10").ceilingPerSecond()).isEqualTo(100.0);
        assertThat(StrategySpec.parse("polling:0").ceilingPerSecond()).isInfinite();
        assertThat(StrategySpec.parse("timeout:500").ceilingPerSecond()).isInfinite();
        assertThat(StrategySpec.parse("timeout:500").expectedIdleWakeupsPerSecond()).isEqualTo(2.0);
        assertThat(StrategySpec.parse("blocking").expectedIdleWakeupsPerSecond()).isZero();
    }

    @Test
    void rejectsUnknownSpellingsNamingTheExpectedOnes() {
        assertThatThrownBy(() -> StrategySpec.parse("sleepy:5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sleepy:5").hasMessageContaining("polling:<ms>, timeout:<ms> or blocking");
        assertThatThrownBy(() -> StrategySpec.parse("polling:x"))
                .hasMessageContaining("not a whole number of ms");
    }

    @Test
    void producerRateParsesUnboundedAndNumbers() {
        assertThat(ProducerRate.parse("unbounded").isUnbounded()).isTrue();
        assertThat(ProducerRate.parse("1000").perSecond()).isEqualTo(1000.0);
        assertThatThrownBy(() -> ProducerRate.parse("fast")).hasMessageContaining("unbounded or events/s");
        assertThatThrownBy(() -> ProducerRate.parse("0")).hasMessageContaining("> 0");
    }
}
