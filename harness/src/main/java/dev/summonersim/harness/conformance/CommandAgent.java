package dev.summonersim.harness.conformance;

import dev.summonersim.sdk.text.PeerText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent under test as a shell command: run with {@code /bin/sh -c} through {@code setsid}, so it and everything
 * it starts form one process group that {@link LaunchedAgent#close()} kills. {@code {config}}, {@code {host}} and
 * {@code {port}} are replaced by shell-quoted values.
 */
final class CommandAgent implements AgentUnderTest {

    /** Never handed to the agent: the caller's real LLM credentials and endpoints. */
    private static final List<String> CALLER_LLM_VARIABLES = List.of(
            "OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_API_BASE", "OPENAI_ORG_ID", "OPENAI_ORGANIZATION",
            "OPENAI_PROJECT_ID");
    static final String DUMMY_API_KEY = "sk-conformance-dummy";
    private static final int TAIL_LINES = 12;

    private final String command;
    private final Path workingDirectory;
    private final Map<String, String> extraEnvironment;

    CommandAgent(String command, Path workingDirectory, Map<String, String> extraEnvironment) {
        this.command = command;
        this.workingDirectory = workingDirectory;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    @Override
    public String description() {
        return command;
    }

    /** The command with the slot's values in place of the placeholders. */
    static String substitute(String command, AgentSlot slot) {
        return command.replace("{config}", shellQuote(slot.configFile().toString()))
                .replace("{host}", shellQuote(slot.host()))
                .replace("{port}", shellQuote(String.valueOf(slot.port())));
    }

    static String shellQuote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    @Override
    public LaunchedAgent launch(AgentSlot slot) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("setsid", "/bin/sh", "-c", substitute(command, slot))
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(slot.outputFile().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        CALLER_LLM_VARIABLES.forEach(env::remove);
        env.put("OPENAI_BASE_URL", slot.llmBaseUrl());
        env.put("OPENAI_API_BASE", slot.llmBaseUrl());
        env.put("OPENAI_API_KEY", DUMMY_API_KEY);
        env.put("PYTHONUNBUFFERED", "1");
        env.putAll(extraEnvironment);
        return new Running(builder.start(), slot.outputFile());
    }

    private static final class Running implements LaunchedAgent {
        private final Process process;
        private final Path output;

        Running(Process process, Path output) {
            this.process = process;
            this.output = output;
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public String exitDescription() {
            return process.isAlive() ? "still running" : "exited with status " + process.exitValue();
        }

        @Override
        public String outputTail() {
            try {
                List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
                List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
                return PeerText.sanitize(String.join("\n", tail));
            } catch (IOException e) {
                return "(output unreadable: " + e.getMessage() + ")";
            }
        }

        /** SIGKILL to the process group (setsid made the shell its leader), then to the shell itself. */
        @Override
        public void close() {
            long pid = process.pid();
            try {
                new ProcessBuilder("kill", "-KILL", "--", "-" + pid).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(5, TimeUnit.SECONDS);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                process.destroyForcibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
