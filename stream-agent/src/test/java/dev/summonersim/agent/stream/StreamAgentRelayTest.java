package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
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

    private static LlmStub stub;
    private AgentTestBed bed;

    @BeforeAll
    static void startStub() {
        stub = LlmStub.start();
    }

    @AfterAll
    static void stopStub() {
        stub.close();
    }

    @BeforeEach
    void startRelay() {
        bed = new AgentTestBed();
    }

    @AfterEach
    void stopRelay() throws Exception {
        bed.close();
    }

    private StreamAgent agent() {
        return bed.startAgent(b -> b.llmBaseUrl(stub.baseUrl()).llmApiKey("sk-test"));
    }

    private static List<String> tokensOf(List<StreamEvent> events, String streamId) {
        return events.stream().filter(e -> e instanceof Token t && t.streamId().equals(streamId))
                .map(e -> ((Token) e).token()).toList();
    }

    @Test
    void knownScriptGivesStartTokensEndWithOneUuidStreamIdAndTheReferenceLogLine() throws Exception {
        stub.script(ChatScript.whenPromptMatches("^weather check$").tokens("It", "'s", " sunny", " today")
                .tokenDelay(Duration.ofMillis(5)));
        StreamAgent agent = agent();
        Logger agentLog = (Logger) LoggerFactory.getLogger(agent.name());
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        agentLog.addAppender(logged);
        RelayObserver observer = bed.connectObserver();

        observer.sendPrompt("weather check");
        StreamEvent first = observer.nextEvent();
        assertThat(first).isInstanceOf(StreamStart.class);
        String id = first.streamId();
        assertThat(id).matches(UUID4);
        List<StreamEvent> rest = RelayObserver.eventsOf(observer.throughTerminalOf(id));
        assertThat(rest).containsExactly(new Token(id, "It"), new Token(id, "'s"), new Token(id, " sunny"),
                new Token(id, " today"), new StreamEnd(id));
        observer.assertNoMoreEvents(Duration.ofMillis(300));
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).contains(
                "Triggering LLM streaming for remote_addr=" + observer.address() + " prompt='weather check'");
        assertThat(stub.requests()).anySatisfy(r -> {
            assertThat(r.prompt()).isEqualTo("weather check");
            assertThat(r.model()).isEqualTo("gpt-4o-mini");
        });
    }

    @Test
    void defaultReplyAndJsonLikeTokensArriveWithExactText() throws Exception {
        agent();
        RelayObserver observer = bed.connectObserver();

        observer.sendPrompt("How are you?");
        String id = observer.nextEvent().streamId();
        List<StreamEvent> events = RelayObserver.eventsOf(observer.throughTerminalOf(id));
        assertThat(tokensOf(events, id)).isEqualTo(StubScripts.DEFAULT_TOKENS);

        observer.sendPrompt("#stub:json-like #stub:delay=2");
        String id2 = observer.nextEvent().streamId();
        List<StreamEvent> jsonLike = RelayObserver.eventsOf(observer.throughTerminalOf(id2));
        assertThat(tokensOf(jsonLike, id2)).isEqualTo(StubScripts.JSON_LIKE_TOKENS)
                .contains("null", " 42", "true", "{}");
        assertThat(jsonLike.get(jsonLike.size() - 1)).isEqualTo(new StreamEnd(id2));
    }

    @Test
    void newPromptMidStreamCancelsTheOldStreamOnceWithNoLateTokensAndClosesItsRequest() throws Exception {
        // A stub of its own, so that no other test's abandoned streams count as disconnects here.
        try (LlmStub own = LlmStub.start()) {
            cancelMidStream(own);
        }
    }

    private void cancelMidStream(LlmStub own) throws Exception {
        StreamAgent agent = bed.startAgent(b -> b.llmBaseUrl(own.baseUrl()).llmApiKey("sk-test"));
        ((Logger) LoggerFactory.getLogger(agent.name())).setLevel(ch.qos.logback.classic.Level.DEBUG);
        RelayObserver observer = bed.connectObserver();
        assertThat(own.clientDisconnects()).isZero();

        observer.sendPrompt("first #stub:tokens=400 #stub:delay=20 #stub:ttft=0");
        String first = observer.nextEvent().streamId();
        assertThat(observer.nextEvent()).isEqualTo(new Token(first, "tok0"));
        long sentSecond = System.nanoTime();
        observer.sendPrompt("second #stub:tokens=5 #stub:delay=5");
        // Events keep queueing in the observer meanwhile; the stub notices the close at its next 20 ms write.
        assertThat(own.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentSecond);
        System.out.println("[measure] second prompt sent -> stub saw first request closed: " + closedMs + " ms");

        List<StreamEvent> events = new ArrayList<>();
        String second = null;
        while (second == null) {
            StreamEvent e = observer.nextEvent();
            events.add(e);
            if (e instanceof StreamStart s && !s.streamId().equals(first)) {
                second = s.streamId();
            }
        }
        events.addAll(RelayObserver.eventsOf(observer.throughTerminalOf(second)));

        int cancelledAt = events.indexOf(new StreamCancelled(first));
        assertThat(cancelledAt).as("stream_cancelled of the first stream").isNotNegative();
        assertThat(events.stream().filter(e -> e.equals(new StreamCancelled(first)))).hasSize(1);
        assertThat(events.subList(cancelledAt + 1, events.size())).noneMatch(e -> e.streamId().equals(first));
        assertThat(events).doesNotContain(new StreamEnd(first));
        assertThat(events.indexOf(new StreamStart(second))).isGreaterThan(cancelledAt);
        assertThat(tokensOf(events, second)).isEqualTo(StubScripts.tokensFor("second #stub:tokens=5 #stub:delay=5"));
        assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEnd(second));
        observer.assertNoMoreEvents(Duration.ofMillis(300));
        assertThat(closedMs).as("old request closed promptly (generous bound)").isLessThan(2_000);
    }

    @Test
    void twoPromptsBackToBackGiveOneCancelledFirstAndACompleteSecond() throws Exception {
        agent();
        RelayObserver observer = bed.connectObserver();

        observer.sendPrompt("one #stub:tokens=200 #stub:delay=10");
        observer.sendPrompt("two #stub:tokens=3 #stub:delay=1");
        StreamEvent start = observer.nextEvent();
        assertThat(start).isInstanceOf(StreamStart.class);
        String first = start.streamId();
        List<StreamEvent> events = new ArrayList<>(RelayObserver.eventsOf(observer.throughTerminalOf(first)));
        assertThat(events.get(events.size() - 1)).isEqualTo(new StreamCancelled(first));
        StreamEvent secondStart = observer.nextEvent();
        assertThat(secondStart).isInstanceOf(StreamStart.class);
        String second = secondStart.streamId();
        List<StreamEvent> rest = RelayObserver.eventsOf(observer.throughTerminalOf(second));
        assertThat(rest).containsExactly(new Token(second, "tok0"), new Token(second, " tok1"),
                new Token(second, " tok2"), new StreamEnd(second));
        observer.assertNoMoreEvents(Duration.ofMillis(300));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"#stub:http=401", "#stub:http=429", "#stub:http=500", "#stub:http=503",
        "#stub:error-after=2", "#stub:reset-after=2", "#stub:truncate", "#stub:malformed-after=2", "#stub:stall"})
    void everyLlmFaultGivesExactlyOneStreamErrorAndTheNextPromptStreamsNormally(String directive) throws Exception {
        bed.startAgent(b -> b.llmBaseUrl(stub.baseUrl()).llmApiKey("sk-test").llmReadTimeout(Duration.ofSeconds(1)));
        RelayObserver observer = bed.connectObserver();
        String prompt = "fault " + directive + " #stub:delay=5";

        observer.sendPrompt(prompt);
        String id = observer.nextEvent().streamId();
        List<StreamEvent> events = RelayObserver.eventsOf(observer.throughTerminalOf(id));
        StreamEvent last = events.get(events.size() - 1);
        assertThat(last).isInstanceOfSatisfying(StreamError.class, e -> assertThat(e.error()).isNotBlank());
        List<String> expected = StubScripts.tokensFor(prompt);
        assertThat(tokensOf(events, id)).isEqualTo(directive.contains("malformed") ? expected.subList(0, 2) : expected);
        System.out.println("[fault] " + directive + " -> " + ((StreamError) last).error());

        observer.sendPrompt("How are you? #stub:delay=2");
        String next = observer.nextEvent().streamId();
        List<StreamEvent> recovered = RelayObserver.eventsOf(observer.throughTerminalOf(next));
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
        StreamAgent agent = bed.startAgent(b -> b.llmBaseUrl("http://127.0.0.1:" + port + "/v1"));
        RelayObserver observer = bed.connectObserver();
        for (String prompt : List.of("first", "second")) {
            observer.sendPrompt(prompt);
            StreamEvent start = observer.nextEvent();
            assertThat(start).isInstanceOf(StreamStart.class);
            StreamEvent error = observer.nextEvent();
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
        RelayObserver observer = bed.connectObserver();
        int requestsBefore = stub.requests().size();
        String prompt = "guard check " + System.nanoTime();
        observer.sendPrompt(prompt + " #stub:delay=1");

        List<String> ended = new ArrayList<>();
        while (ended.size() < 2) {
            StreamEvent e = observer.nextEvent();
            if (e instanceof StreamEnd) {
                ended.add(e.streamId());
            }
        }
        assertThat(ended).doesNotHaveDuplicates();
        // Each agent saw the other's ~35 events; with the guard none of them became a prompt.
        Awaitility.await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> stub.requests().stream().skip(requestsBefore).noneMatch(
                        r -> r.prompt().contains("\"stream_id\"")));
        assertThat(stub.requests().stream().filter(r -> r.prompt().startsWith(prompt))).hasSize(2);
        observer.assertNoMoreEvents(Duration.ofMillis(300));
    }

    @Test
    void reactToAllTreatsAnotherAgentsEventsAsPromptsLikeTheReference() throws Exception {
        agent();
        bed.startAgent(b -> b.llmBaseUrl(stub.baseUrl()).llmApiKey("sk-test").reactToAll(true));
        RelayObserver observer = bed.connectObserver();
        observer.sendPrompt("echo chamber " + System.nanoTime() + " #stub:tokens=2 #stub:delay=1");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> stub.requests().stream()
                .anyMatch(r -> r.prompt().startsWith("{\"type\": \"stream_start\", \"stream_id\": ")));
    }
}
