package dev.summonersim.relay.pipeline;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoggedContentTest {
    @Test
    void withoutLogKeysTheContentIsLoggedAsIs() {
        assertThat(new LoggedContent(null).render("{\"a\": 1, \"b\": 2}")).isEqualTo("{\"a\": 1, \"b\": 2}");
    }

    @Test
    void logKeysPruneJsonObjectsAndLeaveEverythingElse() {
        LoggedContent logged = new LoggedContent(List.of("_type", "missing"));
        assertThat(logged.render("{\"_version\": \"1.3.0\", \"_payload\": \"hi\", \"_type\": \"str\"}"))
                .isEqualTo("{\"_type\":\"str\"}");
        assertThat(logged.render("plain text")).isEqualTo("plain text");
        assertThat(logged.render("[1, 2]")).isEqualTo("[1, 2]");
    }

    @Test
    void controlAndBidiCharactersArriveInTheLogVisiblyEscaped() {
        String hostile = "\u001b]0;PWNED\u0007\u001b[2J\u009b31m\u202eevil\r\nfake line";
        for (LoggedContent logged : List.of(new LoggedContent(null), new LoggedContent(List.of("a")))) {
            String shown = logged.render(hostile);
            assertThat(shown).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "\r", "\n")
                    .isEqualTo("\\x1b]0;PWNED\\x07\\x1b[2J\\x9b31m\\u202eevil\\x0d\\nfake line");
        }
        String json = new LoggedContent(List.of("a")).render("{\"a\": \"\u009b\u202e\", \"b\": 1}");
        assertThat(json).doesNotContain("\u009b", "\u202e").isEqualTo("{\"a\":\"\\x9b\\u202e\"}");
    }
}
