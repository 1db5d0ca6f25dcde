package dev.summonersim.agent.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.summonersim.agent.input.view.HostilePeerTextTest;
import dev.summonersim.agent.input.view.MessageView;
import dev.summonersim.agent.input.view.ViewMode;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.testkit.ScriptedRelay;
import dev.summonersim.testkit.SummonerStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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

    private static InputAgentSettings.Builder settings(int port) {
        return InputAgentSettings.builder().clientConfig(SummonerStack.failFastClientConfig()).port(port);
    }
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final int WIDTH = 46;
    private static final String CTRL_U = "\u0015";
    private static final String CTRL_D = "\u0004";

    private final ByteArrayOutputStream screenBytes = new ByteArrayOutputStream();
    private PipedOutputStream keyboard;
    private Terminal terminal;
    private ScriptedRelay server;

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
        server = ScriptedRelay.start();
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

    /** The screen as a VT100 of the test terminal's size would show it now (rows, trailing blanks removed). */
    private List<String> renderedRows() {
        org.jline.builtins.ScreenTerminal vt = new org.jline.builtins.ScreenTerminal(WIDTH, 200);
        vt.write(screen());
        return Arrays.stream(vt.toString().split("\n")).map(String::stripTrailing).toList();
    }

    private int rowIndex(List<String> rows, String start) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no row starting with '" + start + "' in:\n" + String.join("\n", rows));
    }

    /** Issue 13 §4: the live line is drawn under the prompt line that started it, wrapped under its label. */
    @Test
    void textViewDrawsTheLiveLineUnderItsPromptLineWrappedLikeAChat() throws Exception {
        terminal.setSize(new Size(WIDTH, 24));
        CompletableFuture<ExitStatus> run = startAgent(false, ViewMode.TEXT);
        awaitPrompt(1);
        type("How are you?\r");
        server.takeLine(WAIT);
        awaitPrompt(2);
        String id = "9e1f0e19-fc9c-42e6-85a5-9f1cf9f92fb1";
        StringBuilder stream = new StringBuilder(frame(new StreamStart(id).toPayload()));
        for (String token : List.of("I'm", " just", " a", " computer", " program,", " so", " I", " don't", " have",
                " feelings,", " but", " I'm", " happy", " to", " help!", " Quick", " JSON", " check:", " null,", " 42")) {
            stream.append(frame(new Token(id, token).toPayload()));
        }
        server.send(stream.toString());
        awaitScreen(() -> renderedRows().stream().anyMatch(r -> r.endsWith("null, 42")));

        List<String> live = renderedRows();
        int asked = rowIndex(live, "> How are you?");
        assertThat(live.subList(asked, asked + 5)).as(String.join("\n", live)).containsExactly(
                "> How are you?",
                "[9e1f0e19] I'm just a computer program, so I",
                "           don't have feelings, but I'm happy",
                "           to help! Quick JSON check: null, 42",
                ">");

        server.send(frame(new StreamEnd(id).toPayload()));
        awaitScreen(() -> renderedRows().stream().anyMatch(r -> r.contains("[stream_end]")));
        List<String> done = renderedRows();
        asked = rowIndex(done, "> How are you?");
        assertThat(done.subList(asked, asked + 5)).as(String.join("\n", done)).satisfiesExactly(
                r -> assertThat(r).isEqualTo("> How are you?"),
                r -> assertThat(r).isEqualTo("[9e1f0e19] I'm just a computer program, so I"),
                r -> assertThat(r).isEqualTo("           don't have feelings, but I'm happy"),
                r -> assertThat(r).isEqualTo("           to help! Quick JSON check: null, 42"),
                r -> assertThat(r).matches("\\[9e1f0e19\\] \\[stream_end\\] 20 tokens in \\d+\\.\\d s"));
        assertThat(done.get(asked + 5)).isEqualTo(">");
        type(CTRL_D);
        assertThat(run.get(10, TimeUnit.SECONDS)).isEqualTo(ExitStatus.DONE);
    }

    /** A line typed while a stream is live: the live row stays above it and the stream goes on below, relabelled. */
    @Test
    void aLineTypedDuringAStreamKeepsTheLiveRowAboveItAndTheStreamContinuesBelow() throws Exception {
        terminal.setSize(new Size(WIDTH, 24));
        CompletableFuture<ExitStatus> run = startAgent(false, ViewMode.TEXT);
        awaitPrompt(1);
        String id = "9e1f0e19-fc9c-42e6-85a5-9f1cf9f92fb1";
        server.send(frame(new StreamStart(id).toPayload()) + frame(new Token(id, "Hello").toPayload())
                + frame(new Token(id, " there").toPayload()));
        awaitScreen(() -> renderedRows().contains("[9e1f0e19] Hello there"));
        type("hi\r");
        server.takeLine(WAIT);
        awaitPrompt(2);
        server.send(frame(new Token(id, " again").toPayload()) + frame(new StreamEnd(id).toPayload()));
        awaitScreen(() -> renderedRows().stream().anyMatch(r -> r.contains("[stream_end]")));
        List<String> rows = renderedRows();
        int typed = rowIndex(rows, "> hi");
        assertThat(rows.subList(typed - 1, typed + 4)).as(String.join("\n", rows)).satisfiesExactly(
                r -> assertThat(r).isEqualTo("[9e1f0e19] Hello there"),
                r -> assertThat(r).isEqualTo("> hi"),
                r -> assertThat(r).as("token text is kept exactly, as on a stream switch").isEqualTo("[9e1f0e19]  again"),
                r -> assertThat(r).startsWith("[9e1f0e19] [stream_end] 3 tokens in"),
                r -> assertThat(r).isEqualTo(">"));
        assertThat(rows.stream().filter(r -> r.contains("Hello"))).hasSize(1);
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
