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
}
