package dev.summonersim.agent.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.summonersim.agent.input.prompt.FixedPromptSource;
import dev.summonersim.agent.input.view.PlainScreen;
import dev.summonersim.agent.input.view.TextView;
import dev.summonersim.agent.input.view.ViewMode;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.testkit.SummonerStack;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scriptable mode end to end through the real relay: an input agent sends a prompt, a recording client playing
 * the stream agent receives the envelope and answers with stream events, and the agent's stdout is checked.
 */
@Timeout(60)
class ScriptableModeTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> TOKENS = List.of("I'm", " fine", ", thanks", " 42");
    private static final String EXPECTED_RAW =
            "\r[Received] {'type': 'stream_start', 'stream_id': 's-1'}\n> "
                    + "\r[Received] {'type': 'token', 'stream_id': 's-1', 'token': \"I'm\"}\n> "
                    + "\r[Received] {'type': 'token', 'stream_id': 's-1', 'token': ' fine'}\n> "
                    + "\r[Received] {'type': 'token', 'stream_id': 's-1', 'token': ', thanks'}\n> "
                    + "\r[Received] {'type': 'token', 'stream_id': 's-1', 'token': ' 42'}\n> "
                    + "\r[Received] {'type': 'stream_end', 'stream_id': 's-1'}\n> ";

    @RegisterExtension
    final SummonerStack stack = SummonerStack.create();
    private RecordingClient peer;

    @BeforeEach
    void connectPeer() {
        // Registered by the relay when this returns, so the agent's prompt cannot go to nobody.
        peer = stack.client("peer");
    }

    private static InputAgentSettings.Builder settings(int port) {
        return InputAgentSettings.builder().clientConfig(SummonerStack.failFastClientConfig()).port(port);
    }

    /** Waits for one relayed envelope and returns its payload, as the sdk decodes it. */
    private static Object awaitPayload(RecordingClient from) {
        ReceivedMessage message = from.next(WAIT).message();
        assertThat(message).isInstanceOf(RelayMessage.class);
        return ((RelayMessage) message).content();
    }

    private void answerThePrompt() {
        assertThat(awaitPayload(peer)).isEqualTo("How are you?");
        peer.send(new StreamStart("s-1").toPayload());
        TOKENS.forEach(token -> peer.send(new Token("s-1", token).toPayload()));
        peer.send(new StreamEnd("s-1").toPayload());
    }

    @Test
    void sendThenRawViewUntilTheStreamEnds() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        InputAgent agent = InputAgent.startSending(settings(stack.relay().port()).exitAfterStreams(1).build(),
                List.of("How are you?"), stdout);
        CompletableFuture<ExitStatus> run = agent.exitStatus();
        answerThePrompt();
        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).isEqualTo(EXPECTED_RAW);
    }

    @Test
    void sendThenTextViewShowsTheAnswerAsTextWithAFooter() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        InputAgent agent = InputAgent.start(settings(stack.relay().port()).exitAfterStreams(1).build(),
                new FixedPromptSource(List.of("How are you?")), new TextView(new PlainScreen(stdout), System::nanoTime));
        CompletableFuture<ExitStatus> run = agent.exitStatus();
        answerThePrompt();
        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
        assertThat(stdout.toString(StandardCharsets.UTF_8))
                .matches("\\[s-1\\] I'm fine, thanks 42\n\\[s-1\\] \\[stream_end\\] 4 tokens in \\d+\\.\\d s\n");
    }

    /** Issue 13 §3: a stream cut short (no terminal event) is marked as stalled by the running agent. */
    @Test
    void textViewMarksAStreamThatStopsWithoutTerminalEventAsStalled() throws Exception {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        InputAgent agent = InputAgent.startSending(settings(stack.relay().port()).view(ViewMode.TEXT)
                .stallAfter(Duration.ofMillis(50)).timeout(Duration.ofSeconds(30)).exitAfterStreams(1).build(),
                List.of("How are you?"), stdout);
        CompletableFuture<ExitStatus> run = agent.exitStatus();
        assertThat(awaitPayload(peer)).isEqualTo("How are you?");
        peer.send(new StreamStart("cut-1").toPayload());
        peer.send(new Token("cut-1", "The rest was rate-limited").toPayload());
        await().atMost(WAIT).until(() -> stdout.toString(StandardCharsets.UTF_8).contains("[stalled]"));
        assertThat(stdout.toString(StandardCharsets.UTF_8)).matches("\\[cut-1\\] The rest was rate-limited\n"
                + "\\[cut-1\\] \\[stalled\\] no event for \\d+\\.\\d s after 1 token \\(no stream_end yet\\)\n");
        peer.send(new StreamEnd("cut-1").toPayload());
        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
    }

    @Test
    void textViewKeepsTwoInterleavedStreamsFromTwoPeersReadable() throws Exception {
        RecordingClient second = stack.client("second");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        InputAgent agent = InputAgent.start(settings(stack.relay().port()).exitAfterStreams(2).build(),
                new FixedPromptSource(List.of("How are you?")),
                new TextView(new PlainScreen(stdout), System::nanoTime));
        CompletableFuture<ExitStatus> run = agent.exitStatus();
        assertThat(awaitPayload(peer)).isEqualTo("How are you?");
        assertThat(awaitPayload(second)).isEqualTo("How are you?");

        // Alternate the two streams, each event only once the previous one is on screen, so the order is known.
        String[][] script = {
            {"a", "Fine"}, {"b", "Good"}, {"a", " thanks"}, {"a", "."}, {"b", " day"}, {"a", null}, {"b", null}};
        for (String[] step : script) {
            RecordingClient from = step[0].equals("a") ? peer : second;
            String streamId = "stream-" + step[0] + "-0000";
            int before = stdout.size();
            from.send(step[1] == null
                    ? new StreamEnd(streamId).toPayload()
                    : new Token(streamId, step[1]).toPayload());
            await().atMost(WAIT).until(() -> stdout.size() > before);
        }
        assertThat(run.get(20, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).matches(
                "\\[stream-a\\] Fine\n"
                        + "\\[stream-b\\] Good\n"
                        + "\\[stream-a\\]  thanks\\.\n"
                        + "\\[stream-b\\]  day\n"
                        + "\\[stream-a\\] \\[stream_end\\] 3 tokens in \\d+\\.\\d s\n"
                        + "\\[stream-b\\] \\[stream_end\\] 2 tokens in \\d+\\.\\d s\n");
        // The relay fans each peer's stream out to the other peer too.
        assertThat(peer.eventsUntilTerminals(1)).hasSize(3);
        assertThat(second.eventsUntilTerminals(1)).hasSize(4);
    }

    @Test
    void commandLineWithSendAndStdinFromDevNull(@TempDir Path dir) throws Exception {
        Process agent = startCommand(dir, ProcessBuilder.Redirect.from(new File("/dev/null")),
                "--send", "How are you?", "--exit-after-streams", "1", "--timeout-s", "30");
        CompletableFuture<byte[]> stdout = readAll(agent.getInputStream());
        answerThePrompt();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).as(stderrOf(dir)).isZero();
        assertThat(new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo(EXPECTED_RAW);
    }

    @Test
    void commandLineWithSendAndStdinClosed(@TempDir Path dir) throws Exception {
        // sh closes fd 0 before exec, so any read of stdin would fail: --send must not touch it.
        List<String> command = new ArrayList<>(List.of("sh", "-c", "exec \"$@\" 0<&-", "sh"));
        command.addAll(javaCommand("--send", "How are you?", "--exit-after-streams", "1", "--timeout-s", "30"));
        Process agent = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        CompletableFuture<byte[]> stdout = readAll(agent.getInputStream());
        answerThePrompt();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).as(stderrOf(dir)).isZero();
        assertThat(new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8)).isEqualTo(EXPECTED_RAW);
    }

    @Test
    void commandLineReadsPromptsFromAPipeAndKeepsReceivingAfterItsEnd(@TempDir Path dir) throws Exception {
        Process agent = startCommand(dir, ProcessBuilder.Redirect.PIPE,
                "--view", "text", "--exit-after-streams", "1", "--timeout-s", "30");
        CompletableFuture<byte[]> stdout = readAll(agent.getInputStream());
        try (var stdin = agent.getOutputStream()) {
            stdin.write("How are you?\n".getBytes(StandardCharsets.UTF_8));
        }
        answerThePrompt();
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).as(stderrOf(dir)).isZero();
        assertThat(new String(stdout.get(10, TimeUnit.SECONDS), StandardCharsets.UTF_8))
                .matches("\\[s-1\\] I'm fine, thanks 42\n\\[s-1\\] \\[stream_end\\] 4 tokens in \\d+\\.\\d s\n");
    }

    @Test
    void commandLineTimesOutWithExitCode3WhenNoStreamEnds(@TempDir Path dir) throws Exception {
        Process agent = startCommand(dir, ProcessBuilder.Redirect.from(new File("/dev/null")),
                "--send", "anyone?", "--exit-after-streams", "1", "--timeout-s", "1");
        CompletableFuture<byte[]> stdout = readAll(agent.getInputStream());
        assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(agent.exitValue()).isEqualTo(3);
        assertThat(stdout.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(stderrOf(dir)).contains("input-agent: timed out after 1 s (0 of 1 streams finished)");
        assertThat(awaitPayload(peer)).as("the prompt was sent; nobody answered").isEqualTo("anyone?");
    }

    private List<String> javaCommand(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                InputAgentCommand.class.getName(),
                "--host", "127.0.0.1", "--port", String.valueOf(stack.relay().port())));
        command.addAll(List.of(args));
        return command;
    }

    private Process startCommand(Path dir, ProcessBuilder.Redirect stdin, String... args) throws IOException {
        return new ProcessBuilder(javaCommand(args)).directory(dir.toFile())
                .redirectInput(stdin)
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
    }

    private static CompletableFuture<byte[]> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static String stderrOf(Path dir) throws IOException {
        Path f = dir.resolve("stderr.txt");
        return Files.exists(f) ? "stderr:\n" + Files.readString(f) : "(no stderr)";
    }
}
