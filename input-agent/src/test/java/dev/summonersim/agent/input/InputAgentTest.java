package dev.summonersim.agent.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.summonersim.agent.input.prompt.FixedPromptSource;
import dev.summonersim.agent.input.prompt.PromptSource;
import dev.summonersim.agent.input.prompt.QuitRequestedException;
import dev.summonersim.agent.input.prompt.StreamPromptSource;
import dev.summonersim.agent.input.support.BlockingPromptSource;
import dev.summonersim.agent.input.support.DisplayVectors;
import dev.summonersim.agent.input.view.PlainScreen;
import dev.summonersim.agent.input.view.RawView;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.sdk.vectors.TestVectors;
import dev.summonersim.testkit.ScriptedRelay;
import dev.summonersim.testkit.SummonerStack;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The agent's real send and display paths, with a test socket playing the relay. */
@Timeout(30)
class InputAgentTest {

    private static InputAgentSettings.Builder settings(int port) {
        return InputAgentSettings.builder().clientConfig(SummonerStack.failFastClientConfig()).port(port);
    }
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PEER = "127.0.0.1:50490";

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private static String frame(Object payload) {
        String envelope = EnvelopeCodec.encode(payload);
        return RelayFrameCodec.encode(RelayFlavour.RUST, PEER, envelope.substring(0, envelope.length() - 1));
    }

    private static String display(String text) {
        return "\r[Received] " + text + "\n> ";
    }

    /** The D vectors' logical inputs, and the lines to type for them with --multiline 1. */
    static Stream<Arguments> dVectorSources() {
        List<String> inputs = TestVectors.load().values("input_agent").stream()
                .map(v -> (String) v.get("logical_input")).toList();
        String typedWithContinuations = inputs.stream()
                .map(input -> input.replace("\n", "\\\n") + "\n")
                .collect(Collectors.joining());
        return Stream.of(
                Arguments.of("--send values", (Supplier<PromptSource>) () -> new FixedPromptSource(inputs)),
                Arguments.of("piped lines, --multiline 1", (Supplier<PromptSource>) () -> new StreamPromptSource(
                        new ByteArrayInputStream(typedWithContinuations.getBytes(StandardCharsets.UTF_8)), true)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dVectorSources")
    void sendsEveryDVectorExactlyAsTheReference(String how, Supplier<PromptSource> source) throws Exception {
        List<Map<String, Object>> vectors = TestVectors.load().values("input_agent");
        assertThat(vectors).hasSize(17);
        List<String> expectedLines = vectors.stream()
                .map(v -> (String) v.get("wire_line"))
                .filter(Objects::nonNull)
                .map(line -> line.substring(0, line.length() - 1))
                .toList();
        assertThat(expectedLines).as("D3 (null) sends nothing").hasSize(16);

        try (ScriptedRelay server = ScriptedRelay.start()) {
            InputAgent agent = InputAgent.start(settings(server.port()).multiline(true).build(), source.get(),
                    new RawView(new PlainScreen(stdout)));
            assertThat(agent.exitStatus().get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
            assertThat(server.awaitClientGone(WAIT)).isTrue();
            assertThat(server.drainLines()).containsExactlyElementsOf(expectedLines);
        }
        assertThat(stdout()).isEmpty();
    }

    @Test
    void showsEveryFVectorWithTheExactBytes() throws Exception {
        List<Map<String, Object>> vectors = TestVectors.load().values("display");
        String lines = vectors.stream().map(v -> (String) v.get("line")).collect(Collectors.joining());
        String expected = vectors.stream().map(DisplayVectors::expectedBytes)
                .collect(Collectors.joining());
        try (ScriptedRelay server = ScriptedRelay.start()) {
            InputAgent agent = InputAgent.start(settings(server.port()).build(), new BlockingPromptSource(),
                    new RawView(new PlainScreen(stdout)));
            CompletableFuture<ExitStatus> run = agent.exitStatus();
            server.send(lines);
            await().atMost(WAIT).until(() -> stdout().length() >= expected.length());
            assertThat(stdout.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
            agent.close();
            assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.INTERRUPTED);
        }
    }

    @Test
    void endOfPipedInputKeepsReceivingUntilTheStreamsFinished() throws Exception {
        try (ScriptedRelay server = ScriptedRelay.start()) {
            StreamPromptSource pipe = new StreamPromptSource(
                    new ByteArrayInputStream("How are you?\n".getBytes(StandardCharsets.UTF_8)), false);
            InputAgent agent = InputAgent.start(settings(server.port()).exitAfterStreams(1).build(), pipe,
                    new RawView(new PlainScreen(stdout)));
            CompletableFuture<ExitStatus> run = agent.exitStatus();

            assertThat(server.takeLine(WAIT))
                    .isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": \"How are you?\", \"_type\": \"str\"}");
            // Input has ended; the agent must still be receiving.
            server.send(frame(new StreamStart("s1").toPayload()) + frame(new Token("s1", " Fine").toPayload()));
            await().atMost(WAIT).until(() -> stdout().contains("Fine"));
            assertThat(run).isNotDone();

            server.send(frame(new StreamEnd("s1").toPayload()));
            assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
            assertThat(stdout()).isEqualTo(
                    display("{'type': 'stream_start', 'stream_id': 's1'}")
                            + display("{'type': 'token', 'stream_id': 's1', 'token': ' Fine'}")
                            + display("{'type': 'stream_end', 'stream_id': 's1'}"));
        }
    }

    @Test
    void endOfPipedInputWithoutExitAfterStreamsExitsOnceEverythingIsSent() throws Exception {
        try (ScriptedRelay server = ScriptedRelay.start()) {
            StreamPromptSource pipe = new StreamPromptSource(
                    new ByteArrayInputStream("first\nnull\n42".getBytes(StandardCharsets.UTF_8)), false);
            InputAgent agent = InputAgent.start(settings(server.port()).build(), pipe,
                    new RawView(new PlainScreen(stdout)));
            assertThat(agent.exitStatus().get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
            assertThat(server.awaitClientGone(WAIT)).isTrue();
            assertThat(server.drainLines()).containsExactly(
                    "{\"_version\": \"1.3.0\", \"_payload\": \"first\", \"_type\": \"str\"}",
                    "{\"_version\": \"1.3.0\", \"_payload\": 42, \"_type\": \"int\"}");
        }
    }

    @Test
    void streamsAreCountedOncePerStreamIdWhateverTheirTerminalEvent() throws Exception {
        try (ScriptedRelay server = ScriptedRelay.start()) {
            InputAgent agent = InputAgent.start(settings(server.port()).exitAfterStreams(2).build(),
                    new BlockingPromptSource(), new RawView(new PlainScreen(stdout)));
            CompletableFuture<ExitStatus> run = agent.exitStatus();
            server.send(frame(new StreamEnd("a").toPayload()) + frame(new StreamEnd("a").toPayload()));
            await().atMost(WAIT).until(() -> stdout().split("\n> ", -1).length > 2);
            assertThat(run).as("one stream ended twice is still one stream").isNotDone();
            server.send(frame(new dev.summonersim.sdk.events.StreamError("b", "boom").toPayload()));
            assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
        }
    }

    @Test
    void timeoutEndsTheRunWithAReason() throws Exception {
        try (ScriptedRelay server = ScriptedRelay.start()) {
            InputAgent agent = InputAgent.start(
                    settings(server.port()).exitAfterStreams(1).timeout(Duration.ofSeconds(1)).build(),
                    new FixedPromptSource(List.of("hi")), new RawView(new PlainScreen(stdout)));
            assertThat(agent.exitStatus().get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.TIMED_OUT);
            assertThat(agent.failureReason()).contains("timed out after 1 s").contains("0 of 1 streams");
        }
    }

    @Test
    void ctrlCAtThePromptEndsTheRunAsInterrupted() throws Exception {
        PromptSource ctrlC = () -> {
            throw new QuitRequestedException();
        };
        try (ScriptedRelay server = ScriptedRelay.start()) {
            InputAgent agent = InputAgent.start(settings(server.port()).build(), ctrlC,
                    new RawView(new PlainScreen(stdout)));
            assertThat(agent.exitStatus().get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.INTERRUPTED);
        }
    }

    @Test
    void aRelayThatIsNotThereEndsTheRunAsConnectionFailedAndAwaitReadySaysWhy() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        InputAgent agent = InputAgent.start(settings(closedPort).build(), new BlockingPromptSource(),
                new RawView(new PlainScreen(stdout)));
        assertThat(agent.exitStatus().get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.CONNECTION_FAILED);
        assertThat(agent.failureReason()).contains("client stopped");
        assertThatThrownBy(() -> agent.awaitReady(Duration.ofMillis(100)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped before it connected").hasMessageContaining("client stopped");
    }

    @Test
    void awaitReadyReturnsOnceConnectedAndCloseEndsTheRunAsInterrupted() throws Exception {
        try (ScriptedRelay server = ScriptedRelay.start()) {
            InputAgent agent = InputAgent.start(settings(server.port()).build(), new BlockingPromptSource(),
                    new RawView(new PlainScreen(stdout)));
            agent.awaitReady(WAIT);
            server.awaitClient(WAIT);
            agent.close();
            assertThat(agent.exitStatus()).isCompletedWithValue(ExitStatus.INTERRUPTED);
            assertThat(server.awaitClientGone(WAIT)).as("the client closed its connection").isTrue();
        }
    }
}
