package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.llmstub.StubScripts;

import java.util.List;

/**
 * A second prompt after the first stream's first tokens: the first stream ends with stream_cancelled and nothing of
 * it follows, then the second stream is complete (the reference agent crashes here, Q1).
 */
final class CancellationScenario implements ConformanceScenario {

    static final String SLOW = "#stub:tokens=100 #stub:delay=20 tell me a long story";
    static final String SECOND = "How are you?";
    private static final int TOKENS_BEFORE_SECOND_PROMPT = 3;

    @Override
    public String name() {
        return "cancellation";
    }

    @Override
    public Category category() {
        return Category.ROBUSTNESS;
    }

    @Override
    public String summary() {
        return "a prompt mid-stream: stream_cancelled for the first id, nothing of it after, a complete second stream";
    }

    @Override
    public void drive(Stage stage) throws Exception {
        stage.startAgent("agent");
        Listener user = stage.listener("user");
        user.send(SLOW);
        if (stage.await(() -> user.tokens() >= TOKENS_BEFORE_SECOND_PROMPT)) {
            user.send(SECOND);
            stage.await(() -> user.terminals() >= 2);
        }
    }

    @Override
    public void judge(Recording recording, Findings findings) {
        Recording.View user = recording.view("user");
        List<ObservedEvent> events = user.events();
        findings.checkStreams("user", events, List.of(StubScripts.tokensFor(SLOW), StubScripts.tokensFor(SECOND)));
        Streams streams = Streams.of(events);
        Streams.requireTerminal(findings, "user", streams, 0, ObservedEvent.STREAM_CANCELLED, "the first stream");
        Streams.requireTerminal(findings, "user", streams, 1, ObservedEvent.STREAM_END, "the second stream");
        findings.compareDelivery(recording, user);
    }
}
