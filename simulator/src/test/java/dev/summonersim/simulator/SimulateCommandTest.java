package dev.summonersim.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.summonersim.agent.stream.send.SendMode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = SimulateCommand.commandLine(new SimulateCommand(new PrintStream(new ByteArrayOutputStream(),
                true, StandardCharsets.UTF_8)));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void strategiesParseAndPrintBack() {
        assertThat(StrategySpec.parse("polling:10")).isEqualTo(new StrategySpec(SendMode.POLLING, 10));
        assertThat(StrategySpec.parse("timeout")).isEqualTo(new StrategySpec(SendMode.TIMEOUT, 500));
        assertThat(StrategySpec.parse(" blocking ").label()).isEqualTo("blocking");
        assertThat(StrategySpec.parse("timeout:250").label()).isEqualTo("timeout:250");
        assertThatThrownBy(() -> StrategySpec.parse("blocking:5")).hasMessageContaining("expects polling:MS");
        assertThatThrownBy(() -> StrategySpec.parse("polling:fast")).hasMessageContaining("expects polling:MS");
        assertThatThrownBy(() -> StrategySpec.parse("busy")).hasMessageContaining("unknown send mode 'busy'");
    }

    @Test
    void durationsTakeUnits() {
        assertThat(SimulateCommand.duration("--duration", "60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(SimulateCommand.duration("--duration", "2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(SimulateCommand.duration("--duration", "500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulateCommand.duration("--duration", "5")).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> SimulateCommand.duration("--duration", "1h"))
                .hasMessage("--duration expects a duration like 60s, 2m or 500ms, got '1h'");
    }

    @Test
    void badOptionsGetOneLineAndExitCode2(@TempDir Path dir) throws Exception {
        assertThat(run("--compare", "polling:10,busy")).isEqualTo(2);
        assertThat(run("--ttft-ms", "10,5")).isEqualTo(2);
        assertThat(run("--stream-agents", "0")).isEqualTo(2);
        assertThat(run("--flavour", "go")).isEqualTo(2);
        Files.writeString(dir.resolve("x"), "taken");
        assertThat(run("--report-dir", dir.toString())).isEqualTo(2);
        assertThat(run("--no-such-option")).isEqualTo(2);
        assertThat(run("--prompt-rate", "1", "--prompt-rate-per-agent", "0.1")).isEqualTo(2);
        assertThat(run("--listeners", "2", "--slow-listeners", "2")).isEqualTo(2);
        assertThat(err.toString().lines().filter(l -> l.startsWith("simulate: ")).toList()).hasSize(8);
        assertThat(err.toString()).contains("--compare: unknown send mode 'busy'", "--ttft-ms p95 must be >= the median",
                "--stream-agents must be at least 1", "--flavour expects rust or python",
                "exists and is not empty; results go to a new folder", "Unknown option: '--no-such-option'",
                "--prompt-rate and --prompt-rate-per-agent exclude each other",
                "--slow-listeners must be at least 0 and fewer than --listeners (2), got 2", "Try 'simulate --help'");
        assertThat(err.toString()).doesNotContain("Usage:", "at dev.");
    }
}
