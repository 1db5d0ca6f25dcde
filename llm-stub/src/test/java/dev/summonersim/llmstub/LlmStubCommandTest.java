package dev.summonersim.llmstub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                "#stub:tokens=N", "#stub:json-like", "\"scripts\"", "http://127.0.0.1", "--proxy", "--record-to",
                "tokenDelaysMs", "no header");
    }

    @Test
    void proxyAndRecordOptionsSayWhatTheyAccept(@TempDir Path dir) throws Exception {
        assertThat(run("--proxy", "notaurl")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--proxy", "ftp://127.0.0.1/v1")).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--record-to", dir.toString())).isEqualTo(CommandLine.ExitCode.USAGE);
        Path file = Files.writeString(dir.resolve("a-file"), "");
        assertThat(run("--proxy", "http://127.0.0.1:9/v1", "--record-to", file.resolve("sub").toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run("--proxy", "http://127.0.0.1:9/v1", "--mappings", dir.toString()))
                .isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(out.toString()).isEmpty();
        List<String> lines = err.toString().lines().toList();
        assertThat(lines).hasSize(10);
        assertThat(lines.get(0)).isEqualTo("llm-stub: --proxy 'notaurl' is not an http(s) base URL (expected e.g. "
                + "http://127.0.0.1:8080/v1 or https://api.openai.com/v1)");
        assertThat(lines.get(2)).startsWith("llm-stub: --proxy 'ftp://127.0.0.1/v1' is not an http(s) base URL");
        assertThat(lines.get(4)).startsWith("llm-stub: --record-to needs --proxy URL");
        assertThat(lines.get(6)).startsWith("llm-stub: --record-to " + file.resolve("sub") + ": cannot write there")
                .contains("expected a writable directory");
        assertThat(lines.get(8)).startsWith("llm-stub: --mappings cannot be used with --proxy");
        assertThat(run("--proxy", "https://user:sk-in-url-secret@api.example.test/v1")).isEqualTo(CommandLine.ExitCode.USAGE);
        lines = err.toString().lines().toList();
        assertThat(lines).hasSize(12);
        assertThat(lines.get(10)).startsWith("llm-stub: --proxy must not carry credentials").doesNotContain("sk-in-url");
        for (int i = 1; i < lines.size(); i += 2) {
            assertThat(lines.get(i)).isEqualTo("Try 'llm-stub --help' for more information.");
        }
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
