package dev.summonersim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every command answers bad input the same way: exactly one line "{@code <tool>: <what was wrong>}" naming the
 * option, then {@code Try '<tool> --help' for more information.}, exit 2, nothing on stdout, no usage dump, no stack
 * trace, and nothing started. Each case runs the real command as {@code java -jar summoner-sim-all.jar <tool>} (and
 * {@code bin/<tool>}) would.
 */
class BadInputTableTest {

    @TempDir
    static Path dir;

    static Stream<Arguments> cases() throws Exception {
        Path emptyDir = Files.createDirectories(dir.resolve("empty"));
        Path events = Files.writeString(dir.resolve("events.jsonl"), "");
        String missing = dir.resolve("no-such-dir/x.jsonl").toString();
        List<Arguments> c = new ArrayList<>();
        c.add(Arguments.of("server", List.of("--port", "x"), "--port"));
        c.add(Arguments.of("server", List.of("--bogus"), "--bogus"));
        c.add(Arguments.of("server", List.of("--no-config", "--flavour", "perl"), "--flavour 'perl' (expected: python or rust)"));
        c.add(Arguments.of("server", List.of("--no-config", "--record", missing), "--record " + missing + ": directory"));
        c.add(Arguments.of("server", List.of("--no-config", "--record", emptyDir.toString()), "is a directory"));
        c.add(Arguments.of("server", List.of("--no-config", "--chaos", "drop=2"), "--chaos 'drop=2'"));
        c.add(Arguments.of("server", List.of("--config", dir.resolve("absent.json").toString()), "--config "));
        c.add(Arguments.of("stream-agent", List.of("--llm-base-url", "notaurl"), "--llm-base-url 'notaurl' is not an http(s) URL"));
        c.add(Arguments.of("stream-agent", List.of("--port", "0"), "--port must be 1..65535"));
        c.add(Arguments.of("stream-agent", List.of("--send-mode", "fast"), "polling, timeout, blocking"));
        c.add(Arguments.of("stream-agent", List.of("--interval-ms", "-1"), "--interval-ms must be at least 0"));
        c.add(Arguments.of("stream-agent", List.of("--config", dir.resolve("absent.json").toString()), "--config"));
        c.add(Arguments.of("input-agent", List.of("--view", "html"), "--view must be raw or text"));
        c.add(Arguments.of("input-agent", List.of("--port", "70000"), "--port"));
        c.add(Arguments.of("echo-agent", List.of("--delay-ms", "-1"), "--delay-ms must be at least 0"));
        c.add(Arguments.of("echo-agent", List.of("--config", dir.resolve("absent.json").toString()), "--config"));
        c.add(Arguments.of("llm-stub", List.of("--token-delay-ms", "-5"), "--token-delay-ms"));
        c.add(Arguments.of("llm-stub", List.of("--port", "-3"), "--port must be 0..65535"));
        c.add(Arguments.of("llm-stub", List.of("--max-streams", "0"), "--max-streams must be at least 1"));
        c.add(Arguments.of("llm-stub", List.of("--mappings", dir.resolve("absent").toString()), "--mappings"));
        c.add(Arguments.of("llm-stub", List.of("--proxy", "notaurl"), "--proxy 'notaurl' is not an http(s) base URL"));
        c.add(Arguments.of("llm-stub", List.of("--record-to", emptyDir.toString()), "--record-to needs --proxy URL"));
        c.add(Arguments.of("llm-stub", List.of("--proxy", "http://127.0.0.1:9/v1", "--record-to",
                events.resolve("sub").toString()), "--record-to " + events.resolve("sub") + ": cannot write there"));
        c.add(Arguments.of("check-events", List.of(), "FILE"));
        c.add(Arguments.of("check-events", List.of("--format", "xx", events.toString()), "auto, record or input-agent"));
        c.add(Arguments.of("check-events", List.of("--expect-tokens", "nope", events.toString()), "--expect-tokens"));
        c.add(Arguments.of("check-events", List.of(dir.resolve("absent.jsonl").toString()), "absent.jsonl: no such file"));
        c.add(Arguments.of("bench", List.of("--report-only", "-o", emptyDir.toString()), "no benchmark results (*.json) in"));
        c.add(Arguments.of("bench", List.of("--report-only"), "--report-only needs the folder of a run"));
        c.add(Arguments.of("bench", List.of("--include", "Nope"), "--include 'Nope' matches no benchmark"));
        c.add(Arguments.of("bench", List.of("-o", emptyDir.toString(), "--update-committed", "--report-only"), "not both"));
        return c.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void oneLineNamingTheOptionThenTryHelpExit2(String tool, List<String> args, String expected) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = SummonerSim.find(tool).orElseThrow().command().get();
        command.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exit = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> command.execute(args.toArray(String[]::new)), "the command started instead of refusing");
        assertThat(exit).as(err.toString()).isEqualTo(2);
        assertThat(out.toString()).as("stdout").isEmpty();
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).as(err.toString()).hasSize(2);
        assertThat(lines.get(0)).startsWith(tool + ": ").contains(expected)
                .doesNotContain("Exception").doesNotContain("Usage:");
        assertThat(lines.get(1)).isEqualTo("Try '" + tool + " --help' for more information.");
    }
}
