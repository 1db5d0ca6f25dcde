package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LognormalTest {

    @Test
    void aSingleNumberIsFixedAndDrawsNothing() {
        Lognormal fixed = Lognormal.parse("40");
        assertThat(fixed).isEqualTo(Lognormal.fixed(40));
        assertThat(fixed.isFixed()).isTrue();
        Random random = new Random(1);
        assertThat(fixed.draw(random)).isEqualTo(40.0);
        // No randomness consumed: the next draw of the source is the one a fresh source gives first.
        assertThat(random.nextLong()).isEqualTo(new Random(1).nextLong());
        assertThat(fixed).hasToString("40");
    }

    @Test
    void medianAndP95AreTheQuantilesOfTheDraws() {
        Lognormal spread = Lognormal.parse("20, 60");
        assertThat(spread).hasToString("20,60");
        Random random = new Random(42);
        double[] draws = new double[20_000];
        for (int i = 0; i < draws.length; i++) {
            draws[i] = spread.draw(random);
        }
        Arrays.sort(draws);
        assertThat(draws[0]).isPositive();
        assertThat(draws[draws.length / 2]).isCloseTo(20, within(1.0));
        assertThat(draws[(int) (draws.length * 0.95)]).isCloseTo(60, within(3.0));
    }

    @Test
    void theSameSeedGivesTheSameDraws() {
        Lognormal spread = new Lognormal(100, 400);
        Random a = new Random(7);
        Random b = new Random(7);
        for (int i = 0; i < 100; i++) {
            assertThat(spread.draw(a)).isEqualTo(spread.draw(b));
        }
        assertThat(spread.draw(new Random(7))).isEqualTo(100 * Math.exp(spread.sigma() * new Random(7).nextGaussian()));
    }

    @Test
    void badTextSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Lognormal.parse("fast")).hasMessage(
                "expects N or MEDIAN,P95 (numbers, P95 >= MEDIAN), got 'fast'");
        assertThatThrownBy(() -> Lognormal.parse("1,2,3")).hasMessageContaining("expects N or MEDIAN,P95");
        assertThatThrownBy(() -> Lognormal.parse("50,20")).hasMessage("p95 must be >= the median (50.0), got 20.0");
        assertThatThrownBy(() -> Lognormal.parse("-1")).hasMessage("median must be a number >= 0, got -1.0");
        assertThatThrownBy(() -> Lognormal.parse("0,5")).hasMessage("a spread needs a median > 0");
        assertThatThrownBy(() -> Lognormal.parse("NaN")).hasMessageContaining("median must be a number");
    }
}
