package dev.summonersim.agent.input.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContinuationJoinerTest {

    @Test
    void multilineJoinsBackslashContinuedLinesWithNewlineAndDropsTheBackslash() {
        ContinuationJoiner joiner = new ContinuationJoiner(true);
        assertThat(joiner.prompt()).isEqualTo("> ");
        assertThat(joiner.accept("Hello\\")).isEmpty();
        assertThat(joiner.prompt()).isEqualTo("~ ");
        assertThat(joiner.accept("How\\")).isEmpty();
        assertThat(joiner.accept("are you?")).contains("Hello\nHow\nare you?");
        assertThat(joiner.prompt()).isEqualTo("> ");
    }

    @Test
    void onlyOneTrailingBackslashIsDroppedSoALineCannotEndWithALiteralBackslash() {
        ContinuationJoiner joiner = new ContinuationJoiner(true);
        assertThat(joiner.accept("a\\\\")).isEmpty();
        assertThat(joiner.accept("b")).contains("a\\\nb");
    }

    @Test
    void backslashInsideALineIsKept() {
        ContinuationJoiner joiner = new ContinuationJoiner(true);
        assertThat(joiner.accept("a\\b")).contains("a\\b");
    }

    @Test
    void withoutMultilineATrailingBackslashIsSentAsTyped() {
        ContinuationJoiner joiner = new ContinuationJoiner(false);
        assertThat(joiner.accept("4\\")).contains("4\\");
        assertThat(joiner.prompt()).isEqualTo("> ");
    }

    @Test
    void endOfInputDuringAContinuationGivesWhatWasTyped() {
        ContinuationJoiner joiner = new ContinuationJoiner(true);
        joiner.accept("x\\");
        joiner.accept("y\\");
        assertThat(joiner.finish()).contains("x\ny");
        assertThat(joiner.finish()).isEmpty();
    }

    @Test
    void aContinuedEmptyLineJoinsAsAnEmptyLine() {
        ContinuationJoiner joiner = new ContinuationJoiner(true);
        assertThat(joiner.accept("\\")).isEmpty();
        assertThat(joiner.accept("")).contains("\n");
    }
}
