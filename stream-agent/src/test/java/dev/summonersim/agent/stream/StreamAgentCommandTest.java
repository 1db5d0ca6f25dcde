package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.agent.stream.send.PollingSendStrategy;
import dev.summonersim.agent.stream.send.SendMode;
import dev.summonersim.agent.stream.send.TimeoutSendStrategy;
import dev.summonersim.sdk.cli.ClientConfigOptions;
import dev.summonersim.sdk.config.ClientConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class StreamAgentCommandTest {

    @TempDir
    Path workDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(StreamAgentCommand command) {
        return StreamAgentCommand.commandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    private StreamAgentCommand parsed(Map<String, String> env, String... args) {
        StreamAgentCommand command = new StreamAgentCommand(env, workDir);
        commandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void helpDocumentsEveryOption() {
        int exit = commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--help");
        assertThat(exit).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--config", "--host", "--port", "--name", "--send-mode", "--interval-ms",
                "--timeout-ms", "--model", "--llm-base-url", "--react-to-all", "--only-addressed", "--llm-read-timeout-ms",
                "--llm-max-retries", "polling, timeout, blocking", "OPENAI_API_KEY", "OPENAI_BASE_URL", "dotenv",
                "embedded", "StreamAgent_0", "gpt-4o-mini", "Default: 10", "Default: 500");
        assertThat(out.toString().replaceAll("\\s+", " "))
                .as("the exit codes SignalExitIT observes on real processes")
                .contains("130 stopped by SIGINT", "143 stopped by SIGTERM").doesNotContain("0 stopped,");
    }

    @Test
    void unknownSendModeIsAUsageErrorWithExitCode2() {
        int exit = commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--send-mode", "busy");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown send mode 'busy'", "polling, timeout, blocking");
    }

    @Test
    void negativeIntervalIsAUsageErrorWithExitCode2() {
        int exit = commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--interval-ms", "-5");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--interval-ms must be at least 0, got -5");
    }

    @Test
    void otherBadValuesAreUsageErrorsToo() {
        assertThat(commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--timeout-ms", "-1")).isEqualTo(2);
        assertThat(commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--port", "70000")).isEqualTo(2);
        assertThat(commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--interval-ms", "ten"))
                .isEqualTo(2);
        assertThat(commandLine(new StreamAgentCommand(Map.of(), workDir))
                .execute("--config", workDir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--timeout-ms must be at least 0", "--port must be 1..65535",
                "no such file");
    }

    @Test
    void badConfigFileIsAUsageErrorNamingTheProblem() throws Exception {
        Path config = workDir.resolve("bad.json");
        Files.writeString(config, "{\"port\": \"eighty\"}");
        int exit = commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--config", config.toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("invalid configuration").contains("port");
    }

    @Test
    void defaultsAreTheReferencesWithThePollingStrategyAndTheEmbeddedStub() {
        StreamAgentConfig config = parsed(Map.of()).agentConfig(ClientConfig.defaults());
        assertThat(config.effectiveName()).isEqualTo("StreamAgent_1");
        assertThat(config.send().mode()).isEqualTo(SendMode.POLLING);
        assertThat(config.send().strategy()).isInstanceOfSatisfying(PollingSendStrategy.class,
                s -> assertThat(s.interval()).isEqualTo(Duration.ofMillis(10)));
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8888);
        assertThat(config.llm().model()).isEqualTo("gpt-4o-mini");
        assertThat(config.usesEmbeddedStub()).isTrue();
        assertThat(config.reactToAll()).isFalse();
    }

    @Test
    void timeoutModeIsStreamAgent0UnlessNamed() {
        StreamAgentConfig config = parsed(Map.of(), "--send-mode", "timeout", "--timeout-ms", "250")
                .agentConfig(ClientConfig.defaults());
        assertThat(config.effectiveName()).isEqualTo("StreamAgent_0");
        assertThat(config.send().strategy()).isInstanceOfSatisfying(TimeoutSendStrategy.class,
                s -> assertThat(s.timeout()).isEqualTo(Duration.ofMillis(250)));
        assertThat(parsed(Map.of(), "--send-mode", "TIMEOUT", "--name", "Mine").agentConfig(ClientConfig.defaults())
                .effectiveName()).isEqualTo("Mine");
    }

    @Test
    void hostAndPortOptionsOverrideTheConfigFileAndTheHelpSaysSo() throws Exception {
        Path file = workDir.resolve("client.json");
        Files.writeString(file, "{\"host\": \"10.0.0.1\", \"port\": 9999}");
        StreamAgentCommand overridden = parsed(Map.of(), "--config", file.toString(), "--host", "127.0.0.1",
                "--port", "7777");
        StreamAgentConfig config = overridden.agentConfig(overridden.relay.load(workDir).config());
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(7777);
        StreamAgentCommand fromFile = parsed(Map.of(), "--config", file.toString());
        StreamAgentConfig untouched = fromFile.agentConfig(fromFile.relay.load(workDir).config());
        assertThat(untouched.host()).isEqualTo("10.0.0.1");
        assertThat(untouched.port()).isEqualTo(9999);
        commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--help");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains(ClientConfigOptions.OVERRIDE_RULE);
    }

    @Test
    void llmSettingsComeFromEnvironmentThenDotEnvAndTheOptionWins() throws Exception {
        Files.writeString(workDir.resolve(".env"), "OPENAI_API_KEY=sk-from-dotenv\nOPENAI_BASE_URL=http://dot/v1\n");
        StreamAgentConfig fromDotEnv = parsed(Map.of()).agentConfig(ClientConfig.defaults());
        assertThat(fromDotEnv.llm().apiKey()).isEqualTo("sk-from-dotenv");
        assertThat(fromDotEnv.llm().baseUrl()).isEqualTo("http://dot/v1");
        StreamAgentConfig fromEnv = parsed(Map.of("OPENAI_API_KEY", "sk-env"), "--llm-base-url", "http://cli/v1",
                "--model", "llama3.2").agentConfig(ClientConfig.defaults());
        assertThat(fromEnv.llm().apiKey()).isEqualTo("sk-env");
        assertThat(fromEnv.llm().baseUrl()).isEqualTo("http://cli/v1");
        assertThat(fromEnv.llm().model()).isEqualTo("llama3.2");
        assertThat(fromEnv.usesEmbeddedStub()).isFalse();
        assertThat(fromEnv.toString()).doesNotContain("sk-env");
    }

    @Test
    void reactToAllAndSendModeBlockingAreParsed() {
        StreamAgentConfig config = parsed(Map.of(), "--react-to-all", "--send-mode", "blocking")
                .agentConfig(ClientConfig.defaults());
        assertThat(config.reactToAll()).isTrue();
        assertThat(config.send().mode()).isEqualTo(SendMode.BLOCKING);
        assertThat(config.effectiveName()).isEqualTo("StreamAgent_1");
    }

    @Test
    void onlyAddressedIsOffByDefaultAndParsed() {
        assertThat(parsed(Map.of()).agentConfig(ClientConfig.defaults()).onlyAddressed()).isFalse();
        StreamAgentConfig config = parsed(Map.of(), "--only-addressed", "--name", "agent-3")
                .agentConfig(ClientConfig.defaults());
        assertThat(config.onlyAddressed()).isTrue();
        assertThat(config.toBuilder().build().onlyAddressed()).isTrue();
    }

    @Test
    void eventQueueCapacityHasADocumentedDefaultAndRejectsZero() {
        assertThat(parsed(Map.of()).agentConfig(ClientConfig.defaults()).eventQueueCapacity())
                .isEqualTo(StreamAgentConfig.DEFAULT_EVENT_QUEUE_CAPACITY).isEqualTo(1024);
        StreamAgentConfig config = parsed(Map.of(), "--event-queue-capacity", "16").agentConfig(ClientConfig.defaults());
        assertThat(config.eventQueueCapacity()).isEqualTo(16);
        assertThat(config.toBuilder().build().eventQueueCapacity()).isEqualTo(16);
        assertThat(commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--event-queue-capacity", "0"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--event-queue-capacity must be at least 1, got 0");
        assertThat(commandLine(new StreamAgentCommand(Map.of(), workDir)).execute("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--event-queue-capacity", "Default: 1024");
    }
}
