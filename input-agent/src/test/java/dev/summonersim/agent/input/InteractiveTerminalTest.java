package dev.summonersim.agent.input;

import static dev.summonersim.agent.input.AgentTestSupport.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.summonersim.agent.input.support.FakeServer;
import dev.summonersim.agent.input.view.MessageView;
import dev.summonersim.agent.input.view.ViewMode;
import dev.summonersim.agent.input.view.HostilePeerTextTest;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.wire.EnvelopeCodec;
import dev.summonersim.sdk.wire.RelayFlavour;
import dev.summonersim.sdk.wire.RelayFrameCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The interactive path: a JLine terminal whose keyboard and screen are pipes (an "xterm" terminal, so line
 * editing and redraws really happen), the real LineReader, prompt source and screen.
 */
@Timeout(30)
class InteractiveTerminalTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CTRL_U = "\u0015";
    private static final String CTRL_D = "\u0004";

    private final ByteArrayOutputStream screenBytes = new ByteArrayOutputStream();
    private PipedOutputStream keyboard;
    private Terminal terminal;
    private FakeServer server;

    @BeforeEach
    void openTerminal() throws IOException {
        PipedInputStream terminalInput = new PipedInputStream(4096);
        keyboard = new PipedOutputStream(terminalInput);
        terminal = TerminalBuilder.builder()
                .system(false)
                .streams(terminalInput, screenBytes)
                .type("xterm")
                .size(new Size(100, 24))
                .encoding(StandardCharsets.UTF_8)
                .build();
        server = FakeServer.start();
    }

    @AfterEach
    void close() throws IOException {
        server.close();
        terminal.close();
    }

    private void type(String keys) throws IOException {
        keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
    }

    private String screen() {
        return screenBytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Waits until readLine has started for the n-th time: it switches the terminal to raw mode first and then
     * turns on keypad transmit mode (ESC [?1h ESC =) and draws the prompt. Typing before that would go through the pty's canonical mode
     * (where Ctrl-D is swallowed as the tty's own end of file), so every line is typed only after its prompt.
     */
    private void awaitPrompt(int n) {
        awaitScreen(() -> screen().split("\u001b\\[\\?1h\u001b=", -1).length - 1 >= n);
    }

    /** Awaitility with the screen (escapes visible) in the failure message, since that is what went wrong. */
    private void awaitScreen(java.util.concurrent.Callable<Boolean> condition) {
        try {
            await().atMost(WAIT).until(condition);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("screen so far: " + screen().replace("\u001b", "<ESC>")
                    .replace("\r", "<CR>").replace("\n", "<LF>\n"), e);
        }
    }

    private static String frame(Object payload) {
        String envelope = EnvelopeCodec.encode(payload);
        return RelayFrameCodec.encode(RelayFlavour.RUST, "127.0.0.1:50490",
                envelope.substring(0, envelope.length() - 1));
    }

    private CompletableFuture<ExitStatus> startAgent(boolean multiline, ViewMode view) {
        InteractiveTerminal console = new InteractiveTerminal(terminal);
        InputAgent agent = InputAgent.start(settings(server.port()).multiline(multiline).view(view).build(),
                console.prompts(multiline), MessageView.of(view, console.screen()));
        return agent.exitStatus();
    }

    @Test
    void typedPromptIsSentAndReceivedMessagesArePrintedAboveTheLineBeingTyped() throws Exception {
        CompletableFuture<ExitStatus> run = startAgent(false, ViewMode.RAW);
        awaitPrompt(1);

        type("How are you?\r");
        assertThat(server.takeLine(WAIT))
                .isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": \"How are you?\", \"_type\": \"str\"}");

        awaitPrompt(2);
        type("half-typ");
        awaitScreen(() -> screen().endsWith("half-typ"));
        int before = screen().length();
        server.send(frame("Hello from a peer"));
        awaitScreen(() -> screen().substring(before).contains("half-typ"));

        String redraw = screen().substring(before);
        int message = redraw.indexOf("[Received] Hello from a peer");
        assertThat(message).as("message printed: %s", redraw).isGreaterThanOrEqualTo(0);
        assertThat(redraw.indexOf("> half-typ", message))
                .as("the prompt and the half-typed line are redrawn below the message: %s", redraw)
                .isGreaterThan(message);

        // Finish the half-typed line: what is sent is the whole line, untouched by the message in between.
        type("ed\r");
        assertThat(server.takeLine(WAIT))
                .isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": \"half-typed\", \"_type\": \"str\"}");

        awaitPrompt(3);
        type(CTRL_D);
        assertThat(run.get(10, TimeUnit.SECONDS)).as("Ctrl-D on an empty line ends cleanly")
                .isEqualTo(ExitStatus.DONE);
    }

    @Test
    void multilineContinuesWithTheTildePromptAndJoinsWithNewline() throws Exception {
        CompletableFuture<ExitStatus> run = startAgent(true, ViewMode.RAW);
        awaitPrompt(1);
        type("Hello\\\r");
        awaitPrompt(2);
        assertThat(screen()).endsWith("~ ");
        type("How are you?\r");
        assertThat(server.takeLine(WAIT))
                .isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": \"Hello\\nHow are you?\", \"_type\": \"str\"}");
        awaitPrompt(3);
        type("4\\\r");
        awaitPrompt(4);
        type("2\r");
        assertThat(server.takeLine(WAIT)).isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": 42, \"_type\": \"int\"}");
        awaitPrompt(5);
        type(CTRL_D);
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
    }

    @Test
    void textViewPrintsCompletedStreamLinesAboveThePrompt() throws Exception {
        CompletableFuture<ExitStatus> run = startAgent(false, ViewMode.TEXT);
        awaitPrompt(1);
        type("typing");
        awaitScreen(() -> screen().endsWith("typing"));
        server.send(frame(new StreamStart("abc").toPayload()) + frame(new Token("abc", "Hi").toPayload())
                + frame(new Token("abc", " there").toPayload()) + frame(new StreamEnd("abc").toPayload()));
        awaitScreen(() -> screen().contains("[abc] [stream_end] 2 tokens in"));
        assertThat(screen()).contains("[abc] Hi there");
        awaitScreen(() -> screen().endsWith("> typing"));

        type(CTRL_U + "bye\r");
        assertThat(server.takeLine(WAIT)).isEqualTo("{\"_version\": \"1.3.0\", \"_payload\": \"bye\", \"_type\": \"str\"}");
        awaitPrompt(2);
        type(CTRL_D);
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
    }

    /** Deviation N3 on a real JLine terminal: JLine writes escapes of its own, so only the hostile ones are checked. */
    @ParameterizedTest
    @EnumSource(ViewMode.class)
    void hostilePeerTextNeverReachesTheTerminalRaw(ViewMode view) throws Exception {
        String hostile = String.join("", HostilePeerTextTest.HOSTILE);
        CompletableFuture<ExitStatus> run = startAgent(false, view);
        awaitPrompt(1);
        server.send(frame(hostile) + frame(new StreamStart(hostile).toPayload())
                + frame(new Token(hostile, hostile).toPayload())
                + frame(new StreamError(hostile, hostile).toPayload()) + frame("done"));
        awaitScreen(() -> screen().contains("[Received] done"));
        HostilePeerTextTest.assertDefused(screen());
        type(CTRL_D);
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
    }

    @Test
    void ctrlCAtThePromptEndsTheRunCleanly() throws Exception {
        CompletableFuture<ExitStatus> run = startAgent(false, ViewMode.RAW);
        awaitPrompt(1);
        type("abc");
        awaitScreen(() -> screen().endsWith("abc"));
        // On a real terminal the kernel turns Ctrl-C into SIGINT and JLine raises it on the terminal; the test
        // pty has no foreground process to signal, so raise it the way JLine's handler does.
        terminal.raise(Terminal.Signal.INT);
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.INTERRUPTED);
    }
}
