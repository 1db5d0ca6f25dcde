package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LlmStubCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = LlmStubCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void helpDocumentsOptionsDirectivesAndMappings() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--port", "--mappings", "--ttft-ms", "--token-delay-ms", "MEDIAN,P95", "--tokens", "--max-streams", "--seed",
                "--jitter-ms", "#stub:http=401|429|500|503", "#stub:error-after=N", "#stub:reset-after=N",
                "#stub:truncate", "#stub:malformed-after=N", "#stub:stall", "#stub:ttft=MS", "#stub:delay=MS",
                "#stub:tokens=N", "#stub:json-like", "\"scripts\"", "http://127.0.0.1");
    }

    @Test
    void badMappingsFailWithAUsageErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("bad.json"), "{\"scripts\": [{\"fault\": {\"type\": \"boom\"}}]}");
        assertThat(run("--mappings", dir.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("bad.json").contains("'boom'");
    }

    @Test
    void portInUseFailsWithAClearMessage() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(run("--port", Integer.toString(taken.getLocalPort()))).isEqualTo(CommandLine.ExitCode.SOFTWARE);
            assertThat(err.toString()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void negativeDelayIsAUsageError() {
        assertThat(run("--token-delay-ms", "-5")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--token-delay-ms", "median must be a number >= 0", "expected N >= 0");
        assertThat(err.toString().lines().toList()).hasSize(2).last().isEqualTo("Try 'llm-stub --help' for more information.");
    }

    @Test
    void timingOptionsSayWhatTheyAccept() {
        assertThat(run("--ttft-ms", "200,100")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--ttft-ms", "p95 must be >= the median");
        assertThat(run("--tokens", "lots")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--tokens", "expects N or MEDIAN,P95");
        assertThat(run("--tokens", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("tokens must be at least 1");
        assertThat(run("--max-streams", "0")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--max-streams must be at least 1");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("--colour")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--colour");
    }
}
