package dev.summonersim.agent.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.agent.input.view.ViewMode;
import dev.summonersim.sdk.cli.ClientConfigOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The command line: help text, option parsing and the exit code 2 for bad input (no network involved). */
class InputAgentCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cmd = InputAgentCommand.commandLine();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return cmd.execute(args);
    }

    private InputAgentSettings parse(String... args) {
        InputAgentCommand command = new InputAgentCommand();
        new CommandLine(command).parseArgs(args);
        return command.settings();
    }

    @Test
    void helpDocumentsEveryOptionTheViewsTheScriptableModeAndTheExitCodes() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--config=FILE", "--host=HOST", "--port=PORT", "--multiline=0|1", "--view=raw|text",
                        "--send=TEXT", "--exit-after-streams=N", "--timeout-s=N", "--help", "--version")
                .contains("\"null\" sends nothing")
                .contains("stdin is not read")
                .contains("stderr")
                .contains("raw: exactly the reference's output", "text: streams as live text")
                .contains("Exit codes: 0 done, 1 connection failed")
                .contains("130 Ctrl-C");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--multiline 2              | --multiline must be 0 or 1, got '2'",
        "--view fancy               | --view must be raw or text, got 'fancy'",
        "--port abc                 | Invalid value for option '--port': 'abc' is not an int",
        "--port 0                   | --port must be 1..65535, got 0",
        "--port 70000               | --port must be 1..65535, got 70000",
        "--exit-after-streams 0     | --exit-after-streams must be at least 1, got 0",
        "--timeout-s 0              | --timeout-s must be at least 1, got 0",
        "--host=                    | --host must not be empty",
        "--config /no/such/file.json | --config /no/such/file.json: no such file",
        "--bogus                    | Unknown option: '--bogus'",
    })
    void badValuesGiveOneClearLineAndExitCode2(String args, String message) {
        assertThat(execute(args.trim().split(" +"))).isEqualTo(2);
        assertThat(err.toString()).startsWith("input-agent: " + message)
                .contains("Try 'input-agent --help'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aConfigWithABadValueIsAUsageErrorNamingTheKey(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("client_config.json");
        Files.writeString(config, "{\"port\": \"eighty\"}");
        assertThat(execute("--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("input-agent: ").contains("port");
    }

    @Test
    void defaultsAreTheReferenceOnes() {
        InputAgentSettings s = parse();
        assertThat(s.clientName()).isEqualTo("InputAgent");
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(8888);
        assertThat(s.multiline()).isFalse();
        assertThat(s.view()).isEqualTo(ViewMode.RAW);
        assertThat(s.exitAfterStreams()).isEmpty();
        assertThat(s.timeout()).isEmpty();
    }

    @Test
    void commandLineHostAndPortWinOverTheConfig(@TempDir Path dir) throws IOException {
        Path config = dir.resolve("c.json");
        Files.writeString(config, "{\"host\": \"localhost\", \"port\": 9999}");
        InputAgentSettings fromConfig = parse("--config", config.toString());
        assertThat(fromConfig.clientConfig().host()).isEqualTo("localhost");
        assertThat(fromConfig.clientConfig().port()).isEqualTo(9999);

        InputAgentSettings overridden = parse("--config", config.toString(), "--host", "127.0.0.1", "--port", "7000");
        assertThat(overridden.clientConfig().host()).isEqualTo("127.0.0.1");
        assertThat(overridden.clientConfig().port()).isEqualTo(7000);
        assertThat(overridden.host() + ":" + overridden.port()).as("what the agent connects to and reports")
                .isEqualTo("127.0.0.1:7000");

        assertThat(execute("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains(ClientConfigOptions.OVERRIDE_RULE);
    }

    @Test
    void scriptOptionsAreParsed() {
        InputAgentSettings s = parse("--multiline", "1", "--view", "TEXT", "--exit-after-streams", "2",
                "--timeout-s", "30");
        assertThat(s.multiline()).isTrue();
        assertThat(s.view()).isEqualTo(ViewMode.TEXT);
        assertThat(s.exitAfterStreams()).contains(2);
        assertThat(s.timeout()).contains(Duration.ofSeconds(30));
    }
}
