package dev.summonersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bin/ launchers as a user runs them: from a directory that is not the project (here a temporary one). Runs after
 * package, when every module's runnable jar exists, so the launchers do not build anything.
 */
class LaunchersIT {

    private static final Path ROOT = repositoryRoot();

    @TempDir
    Path elsewhere;

    private Process start(Path log, String launcher, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", ROOT.resolve("bin").resolve(launcher).toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(elsewhere.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("OPENAI_API_KEY");
        pb.environment().remove("OPENAI_BASE_URL");
        return pb.start();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    @Test
    void serverUsesTheProjectConfigAndWritesLogsWhereItIsRun() throws Exception {
        Path log = elsewhere.resolve("server.out");
        Process server = start(log, "server", "--port", "0");
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains("listening on"));
            // configs/server_config.json: Rust flavour, file logs in logs/ relative to the working directory.
            assertThat(read(log)).contains("Relay server (rust flavour) listening on 127.0.0.1:");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.isDirectory(elsewhere.resolve("logs")));
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void relativeConfigIsRelativeToTheCallersDirectory() throws Exception {
        Files.writeString(elsewhere.resolve("mine.json"), "{\"version\": \"python\", \"logger\": {\"enable_file_log\": false}}");
        Path log = elsewhere.resolve("server.out");
        Process server = start(log, "server", "--config", "mine.json", "--port", "0");
        try {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> read(log).contains("listening on"));
            assertThat(read(log)).contains("Relay server (python flavour) listening on");
        } finally {
            server.destroy();
            assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void scenarioRejectsABadInputAgentOptionBeforeStartingAnything() throws Exception {
        Path log = elsewhere.resolve("scenario.out");
        Process scenario = start(log, "scenario", "--view", "html");
        assertThat(scenario.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(scenario.exitValue()).as(read(log)).isEqualTo(2);
        assertThat(read(log).lines().toList()).containsExactly(
                "input-agent: --view must be raw or text, got 'html'",
                "Try 'input-agent --help' for more information.");
        assertThat(elsewhere.resolve("logs")).as("no relay or agent was started").doesNotExist();
    }

    @Test
    void streamAgentRejectsABaseUrlWithoutAHostInOneLine() throws Exception {
        Path log = elsewhere.resolve("agent.out");
        Process agent = start(log, "stream-agent", "--llm-base-url", "notaurl");
        assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).as(read(log)).isEqualTo(2);
        assertThat(read(log).lines().toList()).hasSize(2).last()
                .isEqualTo("Try 'stream-agent --help' for more information.");
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("bin/_launch"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("bin/_launch not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
