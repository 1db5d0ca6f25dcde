package dev.summonersim.relay.chaos;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChaosEngineTest {
    @Test
    void sameSeedAndConnectionGiveTheSameSequence() {
        ChaosSpec spec = ChaosSpec.parse("drop=0.2,dup=0.2,reorder=0.2,delay=0.2:5ms,seed=42");
        ChaosEngine a = new ChaosEngine(spec, 1);
        ChaosEngine b = new ChaosEngine(spec, 1);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.next()).isEqualTo(b.next());
        }
    }

    @Test
    void frequenciesFollowTheProbabilities() {
        ChaosEngine engine = new ChaosEngine(ChaosSpec.parse("drop=0.1,seed=3"), 1);
        Map<ChaosAction, Integer> counts = new EnumMap<>(ChaosAction.class);
        for (int i = 0; i < 20_000; i++) {
            counts.merge(engine.next(), 1, Integer::sum);
        }
        assertThat(counts.get(ChaosAction.DROP)).isBetween(1600, 2400);
        assertThat(counts).containsOnlyKeys(ChaosAction.DROP, ChaosAction.NONE);
    }

    @Test
    void certaintyAlwaysApplies() {
        ChaosEngine engine = new ChaosEngine(ChaosSpec.parse("dup=1"), 9);
        for (int i = 0; i < 100; i++) {
            assertThat(engine.next()).isEqualTo(ChaosAction.DUPLICATE);
        }
    }
}
