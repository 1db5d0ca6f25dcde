package dev.summonersim.relay.chaos;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChaosSpecTest {
    @Test
    void parsesTheDocumentedExample() {
        ChaosSpec s = ChaosSpec.parse("drop=0.05,dup=0.05,reorder=0.05,delay=0.1:20ms,seed=42");
        assertThat(s).isEqualTo(new ChaosSpec(0.05, 0.05, 0.05, 0.1, Duration.ofMillis(20), 42));
        assertThat(s.isActive()).isTrue();
    }

    @Test
    void anySubsetInAnyOrder() {
        ChaosSpec s = ChaosSpec.parse(" seed=7 , drop=1 ");
        assertThat(s.drop()).isEqualTo(1.0);
        assertThat(s.seed()).isEqualTo(7);
        assertThat(s.duplicate()).isZero();
        assertThat(ChaosSpec.parse("delay=0.5:1s").delay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(ChaosSpec.parse("seed=1").isActive()).isFalse();
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertThatThrownBy(() -> ChaosSpec.parse("drop=2")).hasMessageContaining("drop").hasMessageContaining("[0,1]");
        assertThatThrownBy(() -> ChaosSpec.parse("loss=0.1")).hasMessageContaining("unknown chaos key 'loss'");
        assertThatThrownBy(() -> ChaosSpec.parse("delay=0.1")).hasMessageContaining("P:DURATION");
        assertThatThrownBy(() -> ChaosSpec.parse("delay=0.1:20parsecs")).hasMessageContaining("20parsecs");
        assertThatThrownBy(() -> ChaosSpec.parse("drop=0.1,drop=0.2")).hasMessageContaining("twice");
        assertThatThrownBy(() -> ChaosSpec.parse("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> ChaosSpec.parse("seed=x")).hasMessageContaining("integer");
    }
}
