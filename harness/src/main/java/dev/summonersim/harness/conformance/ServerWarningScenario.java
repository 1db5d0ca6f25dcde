package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.llmstub.StubScripts;
import dev.summonersim.relay.RelayServerConfig;

import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The relay's rate limit drops part of a long stream and sends the agent its warning line; the agent must carry on
 * and stream the next prompt completely. The cut stream itself is not judged (that is the relay's doing, Q5).
 */
final class ServerWarningScenario implements ConformanceScenario {

    static final int LIMIT = 10;
    static final Duration WINDOW = Duration.ofMillis(500);
    static final String FLOOD = "#stub:tokens=30 flood the relay";
    static final String NEXT = "#stub:tokens=3 and now a short one";

    @Override
    public String name() {
        return "server-warning";
    }

    @Override
    public Category category() {
        return Category.ROBUSTNESS;
    }

    @Override
    public String summary() {
        return "a relay rate-limit warning does not stop the agent: the next prompt streams completely";
    }

    @Override
    public boolean needsOwnRelay() {
        return true;
    }

    @Override
    public UnaryOperator<RelayServerConfig.Builder> relaySetup() {
        return b -> b.rust(r -> r.rateLimitPerWindow(LIMIT).rateLimitWindow(WINDOW));
    }

    @Override
    public void drive(Stage stage) throws Exception {
        stage.startAgent("agent");
        Listener user = stage.listener("user");
        user.send(FLOOD);
        if (!stage.await(() -> stage.stub().completedStreams() >= 1 && user.events().size() >= LIMIT)) {
            return;
        }
        // The relay counts lines in fixed windows: after two of them, the flood's last lines are behind us and the
        // next stream has a fresh allowance. This waits for the relay's configured clock, not for quiet.
        Thread.sleep(2 * WINDOW.toMillis());
        int before = user.events().size();
        user.send(NEXT);
        stage.await(() -> user.events().stream().skip(before).anyMatch(e -> e.isTerminal()));
    }

    @Override
    public void judge(Recording recording, Findings findings) {
        Recording.View user = recording.view("user");
        Streams streams = Streams.of(user.events());
        List<ObservedEvent> flood = streams.of(0);
        int floodEvents = StubScripts.tokensFor(FLOOD).size() + 2;
        findings.require(streams.count() >= 1 && flood.size() < floodEvents, Findings.SETUP,
                "the rate limit did not cut the first stream (" + flood.size() + " of " + floodEvents + " events arrived)");
        findings.checkStreams("user", streams.of(1), List.of(StubScripts.tokensFor(NEXT)));
        Streams.requireTerminal(findings, "user", streams, 1, ObservedEvent.STREAM_END, "the stream after the warning");
        findings.require(recording.allAgentsAliveAtEnd(), Findings.AGENT_EXITED, "the agent was not running at the end");
    }
}
