package dev.summonersim.harness.containers;

import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.EventSources;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.Rule;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.llmstub.StubScripts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three-process scenario with each component in its own container (host network, local images only), plus the
 * faults containers make easy: the relay killed and restarted mid-stream, the stream agent frozen and thawed, and
 * the stream agent killed.
 */
@Testcontainers(disabledWithoutDocker = true)
@Tag(ContainerTestSummary.TAG)
@Timeout(240)
class ContainerScenarioIT {

    private static final String PROMPT = "How are you?";
    private static final String LONG = "#stub:tokens=150 #stub:delay=20 a long answer";
    /** The relay's log line for a newly registered peer, e.g. "... - INFO - 127.0.0.1:44336 connected." */
    private static final String PEER_REGISTERED = ".* 127\\.0\\.0\\.1:\\d+ connected\\.$";

    private final List<AutoCloseable> started = new ArrayList<>();
    private int port;

    /** Per test, not per class, so that a skip shows up as skipped tests in the Maven summary. */
    @BeforeEach
    void requireDockerAndChoosePort() {
        DockerPrerequisites.assumeReady();
        port = freePort();
    }

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    private <T extends AutoCloseable> T own(T resource) {
        started.add(resource);
        return resource;
    }

    private ComponentContainer run(ComponentContainer container) {
        own(container::stop);
        container.start();
        return container;
    }

    @Test
    void threeContainersStreamTheAnswerToTheInputAgent() {
        ComponentContainer relay = run(ComponentContainer.relay(port));
        runStreamAgent(relay);

        ComponentContainer input = run(ComponentContainer.inputAgent(port, List.of(PROMPT), 1));

        List<ObservedEvent> events = EventSources.fromInputAgentOutput(input.stdout());
        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(events);
        assertThat(report.isClean()).as(report.describe() + "\n" + input.getLogs()).isTrue();
        assertThat(report.streams()).hasSize(1);
        assertThat(input.getCurrentContainerInfo().getState().getExitCodeLong()).isZero();
    }

    @Test
    void relayKilledAndRestartedMidStreamThenTheNextPromptStreams() {
        ComponentContainer relay = run(ComponentContainer.relay(port));
        ComponentContainer agent = runStreamAgent(relay);
        RecordingClient user = own(RecordingClient.connect("user", port));
        user.send(LONG);
        String interrupted = firstEvents(user, 5).get(0).streamId();

        long listening = relay.countLogLines("listening on 127.0.0.1:" + port);
        long registered = relay.countLogLinesMatching(PEER_REGISTERED);
        relay.kill();
        eventually("the user's connection is gone").until(() -> !user.isConnected());
        relay.startAgain();
        // Docker keeps a container's output across restarts, so "again" means more such lines than before.
        eventually("relay listening again").until(() -> relay.countLogLines("listening on 127.0.0.1:" + port) > listening);
        // The relay logs a peer only once it is registered, so a prompt sent after this reaches the agent.
        eventually("stream agent reconnected").until(() -> relay.countLogLinesMatching(PEER_REGISTERED) > registered);
        RecordingClient userAgain = own(RecordingClient.connect("user-again", port));
        userAgain.send(PROMPT);
        List<ObservedEvent> seen = untilStreamEnds(userAgain);

        // Events of the interrupted stream may still drain from the agent's queue; the new stream must be perfect.
        Set<String> ids = seen.stream().map(ObservedEvent::streamId).collect(Collectors.toSet());
        String fresh = seen.get(seen.size() - 1).streamId();
        assertThat(ids).isSubsetOf(Set.of(interrupted, fresh));
        List<ObservedEvent> freshEvents = seen.stream().filter(e -> e.streamId().equals(fresh)).toList();
        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(freshEvents);
        assertThat(report.isClean()).as(report.describe()).isTrue();
    }

    @Test
    void pausedStreamAgentResumesAndLosesNothing() {
        ComponentContainer relay = run(ComponentContainer.relay(port));
        ComponentContainer agent = runStreamAgent(relay);
        RecordingClient user = own(RecordingClient.connect("user", port));
        user.send(LONG);
        List<ObservedEvent> seen = new ArrayList<>(firstEvents(user, 5));

        agent.pause();
        List<RecordingClient.Received> whilePaused;
        try {
            // Drain what was already in flight; then a frozen agent sends nothing for a whole second.
            whilePaused = user.drain(Duration.ofSeconds(1));
            assertThat(user.drain(Duration.ofSeconds(1))).as("events from a frozen agent").isEmpty();
        } finally {
            agent.unpause();
        }
        whilePaused.forEach(r -> r.event().ifPresent(seen::add));
        seen.addAll(user.eventsUntilTerminals(1, Duration.ofSeconds(60), null));

        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(LONG)).check(seen);
        assertThat(report.isClean()).as(report.describe()).isTrue();
        assertThat(seen).last().extracting(ObservedEvent::type).isEqualTo("stream_end");
    }

    @Test
    void killedStreamAgentLeavesAnUnfinishedStreamAndARestartedOneServesAgain() {
        ComponentContainer relay = run(ComponentContainer.relay(port));
        ComponentContainer agent = runStreamAgent(relay);
        RecordingClient user = own(RecordingClient.connect("user", port));
        user.send(LONG);
        List<ObservedEvent> seen = new ArrayList<>(firstEvents(user, 5));

        long registered = relay.countLogLinesMatching(PEER_REGISTERED);
        agent.kill();
        user.drain(Duration.ofMillis(500)).forEach(r -> r.event().ifPresent(seen::add));
        CheckReport cut = StreamInvariantChecker.structural().check(seen);
        assertThat(cut.violations()).as(cut.describe()).extracting(v -> v.rule()).containsExactly(Rule.MISSING_TERMINAL);

        agent.startAgain();
        eventually("restarted stream agent registered").until(() -> relay.countLogLinesMatching(PEER_REGISTERED) > registered);
        user.send(PROMPT);
        List<ObservedEvent> next = user.eventsUntilTerminals(1, Duration.ofSeconds(60), null);
        CheckReport report = StreamInvariantChecker.expectingTokens(StubScripts.tokensFor(PROMPT)).check(next);
        assertThat(report.isClean()).as(report.describe()).isTrue();
    }

    /** Starts the stream agent and waits until the relay has registered it, so that no prompt can miss it. */
    private ComponentContainer runStreamAgent(ComponentContainer relay) {
        long registered = relay.countLogLinesMatching(PEER_REGISTERED);
        ComponentContainer agent = run(ComponentContainer.streamAgent(port));
        eventually("relay registered the stream agent").until(() -> relay.countLogLinesMatching(PEER_REGISTERED) > registered);
        return agent;
    }

    private static List<ObservedEvent> firstEvents(RecordingClient client, int count) {
        List<ObservedEvent> events = new ArrayList<>();
        while (events.size() < count) {
            client.next(Duration.ofSeconds(60)).event().ifPresent(events::add);
        }
        return events;
    }

    /** Events until a stream_end arrives for a stream whose stream_start was seen. */
    private static List<ObservedEvent> untilStreamEnds(RecordingClient client) {
        List<ObservedEvent> events = new ArrayList<>();
        Set<String> startedHere = new java.util.HashSet<>();
        while (true) {
            var event = client.next(Duration.ofSeconds(60)).event();
            if (event.isEmpty()) {
                continue;
            }
            ObservedEvent e = event.get();
            events.add(e);
            if (e.type().equals("stream_start")) {
                startedHere.add(e.streamId());
            }
            if (e.type().equals("stream_end") && startedHere.contains(e.streamId())) {
                return events;
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
