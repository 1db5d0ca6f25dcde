package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.testkit.SummonerStack;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * The agent end to end over real sockets: server-sim relay, llm-stub, and a plain-socket observer that sends
 * prompts as envelope lines and decodes the relayed events with the sdk's MessageDecoder.
 */
@Timeout(90)
class StreamAgentRelayTest {

    private static final Pattern UUID4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @RegisterExtension
    final SummonerStack stack = SummonerStack.create().withStub(LlmStubConfig.defaults());

    /** This test's stub, with the stub's own defaults. */
    private LlmStub stub() {
        return stack.stub();
    }

    private StreamAgent agent() {
        return TestAgents.start(stack, b -> b.llm(l -> l.baseUrl(stub().baseUrl()).apiKey("sk-test")));
    }

    private static List<String> tokensOf(List<StreamEvent> events, String streamId) {
        return events.stream().filter(e -> e instanceof Token t && t.streamId().equals(streamId))
                .map(e -> ((Token) e).token()).toList();
    }

    @Test
    void knownScriptGivesStartTokensEndWithOneUuidStreamIdAndTheReferenceLogLine() throws Exception {
        stub().script(ChatScript.whenPromptMatches("^weather check$").tokens("It", "'s", " sunny", " today")
                .tokenDelay(Duration.ofMillis(5)));
        StreamAgent agent = agent();
        Logger agentLog = (Logger) LoggerFactory.getLogger(agent.name());
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        agentLog.addAppender(logged);
        RecordingClient observer = stack.client("observer");

        observer.send("weather check");
        StreamEvent first = observer.awaitEvent();
        assertThat(first).isInstanceOf(StreamStart.class);
        String id = first.streamId();
        assertThat(id).matches(UUID4);
        List<StreamEvent> rest = observer.eventsThroughTerminalOf(id);
        assertThat(rest).containsExactly(new Token(id, "It"), new Token(id, "'s"), new Token(id, " sunny"),
                new Token(id, " today"), new StreamEnd(id));
        observer.assertNoEventWithin(Duration.ofMillis(300));
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).contains(
                "Triggering LLM streaming for remote_addr=" + observer.address() + " prompt='weather check'");
        assertThat(stub().requests()).anySatisfy(r -> {
            assertThat(r.prompt()).isEqualTo("weather check");
            assertThat(r.model()).isEqualTo("gpt-4o-mini");
        });
    }

    @Test
    void defaultReplyAndJsonLikeTokensArriveWithExactText() throws Exception {
        agent();
        RecordingClient observer = stack.client("observer");

        observer.send("How are you?");
        String id = observer.awaitEvent().streamId();
        List<StreamEvent> events = observer.eventsThroughTerminalOf(id);
        assertThat(tokensOf(events, id)).isEqualTo(StubScripts.DEFAULT_TOKENS);

        observer.send("#stub:json-like #stub:delay=2");
        String id2 = observer.awaitEvent().streamId();
        List<StreamEvent> jsonLike = observer.eventsThroughTerminalOf(id2);
        assertThat(tokensOf(jsonLike, id2)).isEqualTo(StubScripts.JSON_LIKE_TOKENS)
                .contains("null", " 42", "true", "{}");
        assertThat(jsonLike.get(jsonLike.size() - 1)).isEqualTo(new StreamEnd(id2));
    }

    @Test
    void newPromptMidStreamCancelsTheOldStreamOnceWithNoLateTokensAndClosesItsRequest() throws Exception {
        // Each test has a stub of its own, so no other test's abandoned streams count as disconnects here.
        cancelMidStream(stub());
    }

    private void cancelMidStream(LlmStub own) throws Exception {
        StreamAgent agent = TestAgents.start(stack, b -> b.llm(l -> l.baseUrl(own.baseUrl()).apiKey("sk-test")));
        ((Logger) LoggerFactory.getLogger(agent.name())).setLevel(ch.qos.logback.classic.Level.DEBUG);
        RecordingClient observer = stack.client("observer");
        assertThat(own.clientDisconnects()).isZero();

        observer.send("first #stub:tokens=400 #stub:delay=20 #stub:ttft=0");
        String first = observer.awaitEvent().streamId();
        assertThat(observer.awaitEvent()).isEqualTo(new Token(first, "tok0"));
        long sentSecond = System.nanoTime();
        observer.send("second #stub:tokens=5 #stub:delay=5");
        // Events keep queueing in the observer meanwhile; the stub notices the close at its next 20 ms write.
        assertThat(own.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentSecond);
        System.out.println("[measure] second prompt sent -> stub saw first request closed: " + closedMs + " ms");

        List<StreamEvent> events = new ArrayList<>();
        String second = null;
        while (second == null) {
            StreamEvent e = observer.awaitEvent();
            events.add(e);
            if (e instanceof StreamStart s && !s.streamId().equals(first)) {
                second = s.streamId();
            }
        }
        events.addAll(observer.eventsThroughTerminalOf(second));

        int cancelledAt = events.indexOf(new StreamCancelled(first));
        assertThat(cancelledAt).as("stream_cancelled of the first stream").isNotNegative();
        assertThat(events.stream().filter(e -> e.equals(new StreamCancelled(first)))).hasSize(1);
        assertThat(events.subList(cancelledAt + 1, events.size())).noneMatch(e -> e.streamId().equals(first));
        assertThat(events).doesNotContain(new StreamEnd(first));
        assertThat(events.indexOf(new StreamStart(second))).isGreaterThan(cancelledAt);
        assertThat(tokensOf(events, second)).isEqualTo(StubScripts.tokensFor("second #stub:tokens=5 #stub:delay=5"));
        assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEnd(second));
        observer.assertNoEventWithin(Duration.ofMillis(300));
        assertThat(closedMs).as("old request closed promptly (generous bound)").isLessThan(2_000);
    }

    @Test
    void twoPromptsBackToBackGiveOneCancelledFirstAndACompleteSecond() throws Exception {
        agent();
        RecordingClient observer = stack.client("observer");

        observer.send("one #stub:tokens=200 #stub:delay=10");
        observer.send("two #stub:tokens=3 #stub:delay=1");
        StreamEvent start = observer.awaitEvent();
        assertThat(start).isInstanceOf(StreamStart.class);
        String first = start.streamId();
        List<StreamEvent> events = new ArrayList<>(observer.eventsThroughTerminalOf(first));
        assertThat(events.get(events.size() - 1)).isEqualTo(new StreamCancelled(first));
        StreamEvent secondStart = observer.awaitEvent();
        assertThat(secondStart).isInstanceOf(StreamStart.class);
        String second = secondStart.streamId();
        List<StreamEvent> rest = observer.eventsThroughTerminalOf(second);
        assertThat(rest).containsExactly(new Token(second, "tok0"), new Token(second, " tok1"),
                new Token(second, " tok2"), new StreamEnd(second));
        observer.assertNoEventWithin(Duration.ofMillis(300));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"#stub:http=401", "#stub:http=429", "#stub:http=500", "#stub:http=503",
        "#stub:error-after=2", "#stub:reset-after=2", "#stub:truncate", "#stub:malformed-after=2", "#stub:stall"})
    void everyLlmFaultGivesExactlyOneStreamErrorAndTheNextPromptStreamsNormally(String directive) throws Exception {
        TestAgents.start(stack, b -> b.llm(l -> l.baseUrl(stub().baseUrl()).apiKey("sk-test").readTimeout(Duration.ofSeconds(1))));
        RecordingClient observer = stack.client("observer");
        String prompt = "fault " + directive + " #stub:delay=5";

        observer.send(prompt);
        String id = observer.awaitEvent().streamId();
        List<StreamEvent> events = observer.eventsThroughTerminalOf(id);
        StreamEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOfSatisfying(StreamError.class, e -> assertThat(e.error()).isNotBlank());
        List<String> expected = StubScripts.tokensFor(prompt);
        assertThat(tokensOf(events, id)).isEqualTo(directive.contains("malformed") ? expected.subList(0, 2) : expected);
        System.out.println("[fault] " + directive + " -> " + ((StreamError) last).error());

        observer.send("How are you? #stub:delay=2");
        String next = observer.awaitEvent().streamId();
        List<StreamEvent> recovered = observer.eventsThroughTerminalOf(next);
        assertThat(tokensOf(recovered, next)).isEqualTo(StubScripts.DEFAULT_TOKENS);
        assertThat(recovered.get(recovered.size() - 1)).isEqualTo(new StreamEnd(next));
        assertThat(recovered).noneMatch(e -> e.streamId().equals(id));
    }

    @Test
    void deadLlmEndpointGivesAStreamErrorPerPromptAndTheAgentKeepsRunning() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        int port = deadPort;
        StreamAgent agent = TestAgents.start(stack, b -> b.llm(l -> l.baseUrl("http://127.0.0.1:" + port + "/v1")));
        RecordingClient observer = stack.client("observer");
        for (String prompt : List.of("first", "second")) {
            observer.send(prompt);
            StreamEvent start = observer.awaitEvent();
            assertThat(start).isInstanceOf(StreamStart.class);
            StreamEvent error = observer.awaitEvent();
            assertThat(error).isInstanceOfSatisfying(StreamError.class, e -> {
                assertThat(e.streamId()).isEqualTo(start.streamId());
                assertThat(e.error()).contains("127.0.0.1:" + port);
            });
        }
        assertThat(agent.isRunning()).isTrue();
    }

    @Test
    void twoAgentsOnOneRelayDoNotTriggerEachOther() throws Exception {
        agent();
        agent();
        RecordingClient observer = stack.client("observer");
        int requestsBefore = stub().requests().size();
        String prompt = "guard check " + System.nanoTime();
        observer.send(prompt + " #stub:delay=1");

        List<String> ended = new ArrayList<>();
        while (ended.size() < 2) {
            StreamEvent e = observer.awaitEvent();
            if (e instanceof StreamEnd) {
                ended.add(e.streamId());
            }
        }
        assertThat(ended).doesNotHaveDuplicates();
        // Each agent saw the other's ~35 events; with the guard none of them became a prompt.
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> stub().requests().stream().skip(requestsBefore).noneMatch(
                        r -> r.prompt().contains("\"stream_id\"")));
        assertThat(stub().requests().stream().filter(r -> r.prompt().startsWith(prompt))).hasSize(2);
        observer.assertNoEventWithin(Duration.ofMillis(300));
    }

    @Test
    void reactToAllTreatsAnotherAgentsEventsAsPromptsLikeTheReference() throws Exception {
        agent();
        TestAgents.start(stack, b -> b.llm(l -> l.baseUrl(stub().baseUrl()).apiKey("sk-test")).reactToAll(true));
        RecordingClient observer = stack.client("observer");
        observer.send("echo chamber " + System.nanoTime() + " #stub:tokens=2 #stub:delay=1");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stub().requests().stream()
                .anyMatch(r -> r.prompt().startsWith("{\"type\": \"stream_start\", \"stream_id\": ")));
        // The observer only sent the prompt; the echo chamber it keeps hearing is not what this test checks.
        observer.close();
        observer.drain(Duration.ZERO);
    }
}
