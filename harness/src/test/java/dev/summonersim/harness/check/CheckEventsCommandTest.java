package dev.summonersim.harness.check;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CheckEventsCommandTest {

    private static final String ID = "6e475111-8633-42ea-a456-f146366f131f";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cmd = CheckEventsCommand.commandLine();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    private Path file(String text) throws Exception {
        Path f = dir.resolve("events.jsonl");
        Files.writeString(f, text);
        return f;
    }

    private static String event(String type, String token) {
        return "{\"type\": \"" + type + "\", \"stream_id\": \"" + ID + "\"" + (token == null ? "" : ", \"token\": \"" + token + "\"") + "}\n";
    }

    @Test
    void cleanFileExitsZero() throws Exception {
        Path f = file(event("stream_start", null) + event("token", "Hi") + event("token", " there") + event("stream_end", null));

        int code = run("--expect-tokens", "[\"Hi\", \" there\"]", f.toString());

        assertThat(code).isEqualTo(0);
        assertThat(out.toString()).contains("4 stream events, 1 streams, 0 violations");
    }

    @Test
    void violationsExitOneAndNameTheEvent() throws Exception {
        Path f = file(event("stream_start", null) + event("token", "Hi") + event("stream_end", null) + event("token", "late"));

        int code = run("--expect-text", "Hi", f.toString());

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("EVENT_AFTER_TERMINAL at #4 token");
    }

    /** Deviation N3: stream ids, tokens and error texts quoted in violations reach the terminal defused. */
    @Test
    void hostileTextInViolationsIsPrintedVisiblyOnOneLinePerViolation() throws Exception {
        String hostile = "\\u001b]0;PWNED\\u0007\\u001b[2J\\u009b\\u202e\\u0001\\u007f\\n[forged]";
        Path f = file("{\"type\": \"stream_start\", \"stream_id\": \"" + hostile + "\"}\n"
                + "{\"type\": \"stream_error\", \"stream_id\": \"" + hostile + "\", \"error\": \"" + hostile + "\"}\n"
                + "{\"type\": \"token\", \"stream_id\": \"" + hostile + "\", \"token\": \"" + hostile + "\"}\n");

        assertThat(run(f.toString())).isEqualTo(1);

        assertThat(out.toString())
                .doesNotContain("\u001b]0;PWNED\u0007", "\u001b[2J", "\u009b", "\u202e", "\u0001", "\u007f")
                .contains("stream_id=\\x1b]0;PWNED\\x07\\x1b[2J\\x9b\\u202e\\x01\\x7f\\n[forged]");
        assertThat(out.toString().lines()).noneMatch(line -> line.startsWith("[forged]"));
    }

    @Test
    void nothingToCheckIsAFailureSayingWhatWasExpected() throws Exception {
        assertThat(run(file("").toString())).isEqualTo(1);
        assertThat(out.toString()).contains("no stream events found (expected stream_start, token and stream_end");

        Path record = file(event("stream_start", null) + event("stream_end", null));
        assertThat(run("--format", "input-agent", record.toString())).as("a record read as input-agent output")
                .isEqualTo(1);
    }

    @Test
    void textViewOutputIsAFailureThatPointsAtTheRawView() throws Exception {
        Path textView = file("> How are you?\n[9e1f0e19] I'm just a computer program\n"
                + "[9e1f0e19] [stream_end] 33 tokens in 1.2 s\n");
        assertThat(run(textView.toString())).isEqualTo(1);
        assertThat(out.toString()).contains("only the raw view (--view raw, the default) can be checked");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        Path f = file(event("stream_start", null));

        assertThat(run()).isEqualTo(2);
        assertThat(run("--format", "xml", f.toString())).isEqualTo(2);
        assertThat(run("--expect-tokens", "{}", f.toString())).isEqualTo(2);
        assertThat(run(dir.resolve("missing.jsonl").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("expected: auto, record or input-agent").contains("missing.jsonl: no such file");
    }

    @Test
    void helpDescribesTheExitCodes() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("Exit codes:").contains("violations found").contains("--expect-tokens");
    }
}
