package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.protocol.JsonMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(30)
class PromptReceiverTest {

    private final LinkedBlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    private final List<String> prompts = new CopyOnWriteArrayList<>();
    private final Logger log = (Logger) LoggerFactory.getLogger("PromptReceiverTest-" + System.nanoTime());
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final SingleStreamRunner runner = new SingleStreamRunner(events, (prompt, onToken, c) -> {
        prompts.add(prompt);
        onToken.accept("ok");
    }, () -> "id", log);

    PromptReceiverTest() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    private List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent e : logged.list) {
            lines.add(e.getLevel() + " " + e.getFormattedMessage());
        }
        return lines;
    }

    @Test
    void relayedStringStartsAStreamAndLogsThePromptRepr() throws Exception {
        new PromptReceiver(runner, log, false).onMessage(new RelayMessage("127.0.0.1:50490", "How's it, \"you\"?"));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new StreamStart("id"));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new Token("id", "ok"));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new StreamEnd("id"));
        assertThat(prompts).containsExactly("How's it, \"you\"?");
        assertThat(lines()).containsExactly(
                "INFO Triggering LLM streaming for remote_addr=127.0.0.1:50490 prompt='How\\'s it, \"you\"?'");
    }

    /** Deviation N3: what the relay or a peer wrote is quoted in the log with its controls made visible. */
    @Test
    void hostileServerWarningsAndAddressesAreLoggedOnOneLineWithControlsVisible() throws Exception {
        PromptReceiver receiver = new PromptReceiver(runner, log, false);
        receiver.onMessage(new TextMessage("Warning: \u001b]0;PWNED\u0007\u001b[2J\u009b\u202e\u0001\u007f {}\nforged"));
        receiver.onMessage(new RelayMessage("1.2.3.4:5\u001b[2J\n", "hi"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> prompts.size() == 1);
        assertThat(lines()).containsExactly(
                "WARN [From Server] \\x1b]0;PWNED\\x07\\x1b[2J\\x9b\\u202e\\x01\\x7f {}\\nforged",
                "INFO Triggering LLM streaming for remote_addr=1.2.3.4:5\\x1b[2J\\n prompt='hi'");
    }

    @Test
    void dictContentUsesItsPromptOrItsPythonJson() throws Exception {
        PromptReceiver receiver = new PromptReceiver(runner, log, false);
        Map<String, Object> withPrompt = new LinkedHashMap<>();
        withPrompt.put("prompt", "hi");
        receiver.onMessage(new RelayMessage("[::1]:1", withPrompt));
        Map<String, Object> without = new LinkedHashMap<>();
        without.put("x", 1L);
        receiver.onMessage(new RelayMessage("[::1]:1", without));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> prompts.size() == 2);
        // The second prompt cancels the first, whose worker may still reach the streamer after it.
        assertThat(prompts).containsExactlyInAnyOrder("hi", "{\"x\": 1}");
        assertThat(lines()).contains("INFO Triggering LLM streaming for remote_addr=[::1]:1 prompt='{\"x\": 1}'");
    }

    @Test
    void serverWarningIsLoggedAsFromServerAndStartsNothing() {
        new PromptReceiver(runner, log, false)
                .onMessage(new TextMessage("Warning: You are sending messages too quickly. Please slow down."));
        assertThat(lines()).containsExactly(
                "WARN [From Server] You are sending messages too quickly. Please slow down.");
        assertThat(events).isEmpty();
    }

    @Test
    void otherShapesAreIgnoredWithThePythonTypeName() {
        PromptReceiver receiver = new PromptReceiver(runner, log, false);
        receiver.onMessage(new TextMessage("hello"));
        receiver.onMessage(new JsonMessage(42L));
        receiver.onMessage(new JsonMessage(Map.of("remote_addr", "x")));
        receiver.onMessage(new JsonMessage(List.of(1L)));
        receiver.onMessage(new JsonMessage(null));
        receiver.onMessage(new JsonMessage(1.5));
        receiver.onMessage(new JsonMessage(true));
        assertThat(lines()).containsExactly(
                "INFO Ignored message (unexpected shape): <class 'str'>",
                "INFO Ignored message (unexpected shape): <class 'int'>",
                "INFO Ignored message (unexpected shape): <class 'dict'>",
                "INFO Ignored message (unexpected shape): <class 'list'>",
                "INFO Ignored message (unexpected shape): <class 'NoneType'>",
                "INFO Ignored message (unexpected shape): <class 'float'>",
                "INFO Ignored message (unexpected shape): <class 'bool'>");
        assertThat(events).isEmpty();
    }

    @Test
    void otherAgentsStreamEventsAreIgnoredByDefault() {
        PromptReceiver receiver = new PromptReceiver(runner, log, false);
        for (StreamEvent e : List.of(new StreamStart("s"), new Token("s", " a"), new StreamEnd("s"))) {
            receiver.onMessage(new RelayMessage("127.0.0.1:1", e.toPayload()));
        }
        assertThat(events).isEmpty();
        assertThat(prompts).isEmpty();
        assertThat(lines()).noneMatch(l -> l.contains("Triggering"));
    }

    @Test
    void reactToAllTreatsStreamEventsAsPromptsLikeTheReference() {
        new PromptReceiver(runner, log, true).onMessage(new RelayMessage("127.0.0.1:1", new Token("x", " a").toPayload()));
        // Vector E11: the event dict's Python JSON is the prompt.
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> prompts.size() == 1);
        assertThat(prompts).containsExactly("{\"type\": \"token\", \"stream_id\": \"x\", \"token\": \" a\"}");
    }

    @Test
    void dictWithUnrelatedTypeIsStillAPrompt() {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("type", "question");
        content.put("prompt", "why?");
        new PromptReceiver(runner, log, false).onMessage(new RelayMessage("127.0.0.1:1", content));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> prompts.size() == 1);
        assertThat(prompts).containsExactly("why?");
    }

    private static Map<String, Object> dict(Object... keysAndValues) {
        Map<String, Object> d = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            d.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return d;
    }

    @Test
    void onlyAddressedStartsAStreamForADictNamingThisAgent() throws Exception {
        new PromptReceiver(runner, log, false, "agent-7")
                .onMessage(new RelayMessage("127.0.0.1:9", dict("to", "agent-7", "prompt", "hello there")));
        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new StreamStart("id"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> prompts.size() == 1);
        assertThat(prompts).containsExactly("hello there");
        assertThat(lines()).containsExactly(
                "INFO Triggering LLM streaming for remote_addr=127.0.0.1:9 prompt='hello there'");
    }

    @Test
    void onlyAddressedIgnoresEverythingElseWithoutALogLine() {
        PromptReceiver receiver = new PromptReceiver(runner, log, false, "agent-7");
        List<Object> ignored = List.of(
                "agent-7 hello",                                   // a plain string prompt
                dict("prompt", "no address"),                      // no "to"
                dict("to", "agent-70", "prompt", "x"),             // another agent (no prefix match)
                dict("to", "Agent-7", "prompt", "x"),              // names are case-sensitive
                dict("to", List.of("agent-7"), "prompt", "x"),     // "to" must be the name itself
                dict("to", "agent-7"),                             // no prompt
                dict("to", "agent-7", "prompt", 42L),              // prompt not text
                new Token("s", " a").toPayload(),                  // another agent's stream event
                42L);
        for (Object content : ignored) {
            receiver.onMessage(new RelayMessage("127.0.0.1:1", content));
        }
        // stream_start is queued synchronously when a prompt is accepted, so an empty queue means none was.
        assertThat(events).isEmpty();
        assertThat(lines()).isEmpty();
    }

    @Test
    void onlyAddressedStillLogsServerWarnings() {
        new PromptReceiver(runner, log, false, "agent-7")
                .onMessage(new TextMessage("Warning: You are sending messages too quickly. Please slow down."));
        assertThat(lines()).containsExactly(
                "WARN [From Server] You are sending messages too quickly. Please slow down.");
    }
}
