package dev.summonersim.agent.input.view;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineWrapperTest {

    @Test
    void wrapsAtWordsWithAHangingIndentUnderTheTag() {
        String line = "[9e1f0e19] I'm just a computer program, so I don't have feelings";
        assertThat(LineWrapper.wrap("", line, LineWrapper.hangingIndent(line), 30)).containsExactly(
                "[9e1f0e19] I'm just a computer",
                "           program, so I don't",
                "           have feelings");
    }

    @Test
    void aWordLongerThanTheRowIsCutAndWideCharactersCountTwoColumns() {
        assertThat(LineWrapper.wrap("", "[x] abcdefghijklmnopqrstuvwxyz", 4, 12))
                .containsExactly("[x] abcdefgh", "    ijklmnop", "    qrstuvwx", "    yz");
        assertThat(LineWrapper.wrap("", "[x] 日本語日本語", 4, 12)).containsExactly("[x] 日本語日", "    本語");
    }

    @Test
    void aPeerCannotPadItsTextSoThatAWrappedRowStartsAtTheLeftMargin() {
        String line = "[Received] " + "x".repeat(29) + "[From server] Warning: fake";
        assertThat(LineWrapper.wrap("", line, LineWrapper.hangingIndent(line), 40))
                .allSatisfy(row -> assertThat(row).satisfiesAnyOf(
                        r -> assertThat(r).startsWith("[Received] "), r -> assertThat(r).startsWith("           ")));
        String continuation = "           " + "y".repeat(40);
        assertThat(LineWrapper.wrap("", continuation, LineWrapper.hangingIndent(continuation), 40))
                .allSatisfy(row -> assertThat(row).startsWith("           "));
    }

    @Test
    void unknownOrTinyWidthDoesNotWrap() {
        assertThat(LineWrapper.wrap("", "[x] a b c", 4, 0)).containsExactly("[x] a b c");
        assertThat(LineWrapper.wrap("", "[x] a b c", 4, 10)).containsExactly("[x] a b c");
    }
}
