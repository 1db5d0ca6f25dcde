package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.summonersim.llmstub.internal.PromptDirectives;
import dev.summonersim.llmstub.internal.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The directive parser and {@link StubScripts#tokensFor}, without sockets. */
class DirectivesTest {

    private static Reply resolve(String prompt) {
        return Reply.resolve(ChatScript.anyPrompt(), prompt, Duration.ofMillis(200), Duration.ofMillis(40));
    }

    @Test
    void defaultTokensHaveLeadingSpacesAndJsonLikeTokens() {
        assertThat(StubScripts.DEFAULT_TOKENS.get(0)).isEqualTo("I'm");
        assertThat(StubScripts.DEFAULT_TOKENS.subList(1, 5)).allMatch(t -> t.startsWith(" "));
        assertThat(StubScripts.DEFAULT_TOKENS).contains("null", " 42", "true", "{}");
        assertThat(StubScripts.JSON_LIKE_TOKENS).contains("null", " 42", "true", "{}");
        assertThat(StubScripts.tokensFor("How are you?")).isEqualTo(StubScripts.DEFAULT_TOKENS);
    }

    @Test
    void tokensDirectiveGivesNumberedTokens() {
        assertThat(StubScripts.tokensFor("go #stub:tokens=3")).containsExactly("tok0", " tok1", " tok2");
        assertThat(StubScripts.tokensFor("#stub:json-like")).isEqualTo(StubScripts.JSON_LIKE_TOKENS);
    }

    @Test
    void faultsCutTheTokensAClientReceives() {
        assertThat(StubScripts.tokensFor("#stub:error-after=2")).containsExactly("I'm", " just");
        assertThat(StubScripts.tokensFor("#stub:reset-after=1 #stub:tokens=5")).containsExactly("tok0");
        assertThat(StubScripts.tokensFor("#stub:stall")).containsExactly("I'm");
        assertThat(StubScripts.tokensFor("#stub:malformed-after=3 #stub:json-like")).containsExactly("null", " 42", "true");
        assertThat(StubScripts.tokensFor("#stub:truncate")).isEqualTo(StubScripts.DEFAULT_TOKENS);
        assertThat(StubScripts.tokensFor("#stub:truncate=4 #stub:tokens=9")).hasSize(4);
        assertThat(StubScripts.tokensFor("#stub:http=503")).isEmpty();
        assertThat(StubScripts.tokensFor("#stub:error-after=99 #stub:tokens=3")).hasSize(3);
    }

    @Test
    void timingDirectivesOverrideDefaults() {
        Reply r = resolve("slow please #stub:ttft=1500 #stub:delay=7");
        assertThat(r.ttft()).isEqualTo(Duration.ofMillis(1500));
        assertThat(r.tokenDelay()).isEqualTo(Duration.ofMillis(7));
        assertThat(resolve("plain").ttft()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void httpDirectivesAndRetryAfter() {
        assertThat(resolve("#stub:http=401").fault()).isEqualTo(Fault.http(401));
        assertThat(resolve("#stub:http=429").fault().retryAfter()).isEqualTo(Duration.ofMillis(200));
        assertThat(resolve("#stub:http=429 #stub:retry-after-ms=5").fault()).isEqualTo(Fault.rateLimited(Duration.ofMillis(5)));
        assertThat(resolve("#stub:retry-after-ms=5 #stub:http=429").fault()).isEqualTo(Fault.rateLimited(Duration.ofMillis(5)));
    }

    @Test
    void severalDirectivesApplyLeftToRightLastWins() {
        Reply r = resolve("#stub:reset-after=1 #stub:error-after=2 #stub:tokens=4");
        assertThat(r.fault()).isEqualTo(Fault.errorAfter(2));
        assertThat(r.tokens()).hasSize(4);
    }

    @Test
    void badDirectivesAreRejectedWithTheirText() {
        // The message becomes a stream's error text: one line naming the directive, not the 800-character help.
        assertThatThrownBy(() -> PromptDirectives.parse("hi #stub:explode"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown stub directive '#stub:explode' (known: http, retry-after-ms, error-after, "
                        + "reset-after, truncate, malformed-after, stall, ttft, delay, tokens, json-like)");
        assertThatThrownBy(() -> PromptDirectives.parse("#stub:http=404")).hasMessageContaining("401, 429, 500 or 503");
        assertThatThrownBy(() -> PromptDirectives.parse("#stub:error-after=x")).hasMessageContaining("'x' is not a whole number");
        assertThatThrownBy(() -> PromptDirectives.parse("#stub:error-after")).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> PromptDirectives.parse("#stub:tokens=0")).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> PromptDirectives.parse("#stub:json-like=1")).hasMessageContaining("takes no value");
    }

    @Test
    void textWithoutDirectivesIsLeftAlone() {
        assertThat(PromptDirectives.parse("a #hashtag and stub:tokens=3").isEmpty()).isTrue();
        assertThat(PromptDirectives.parse(null).isEmpty()).isTrue();
    }

    @Test
    void faultValuesCheckTheirArguments() {
        assertThatThrownBy(() -> Fault.http(200)).hasMessageContaining("400..599: 200");
        assertThatThrownBy(() -> Fault.resetAfter(-1)).hasMessageContaining("< 0: -1");
        assertThatThrownBy(() -> ChatScript.whenPromptMatches("(")).hasMessageContaining("invalid prompt regex '('");
        assertThat(ChatScript.whenPromptMatches("(?i)weather").matches("The WEATHER today")).isTrue();
        assertThat(ChatScript.whenPromptMatches("weather").tokens(List.of("a")).tokensFor("x")).containsExactly("a");
    }
}
