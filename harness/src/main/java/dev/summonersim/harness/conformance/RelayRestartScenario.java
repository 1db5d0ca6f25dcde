package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.llmstub.StubScripts;

import java.util.List;

/** The relay restarts on the same port; the agent reconnects by itself and streams the next prompt. */
final class RelayRestartScenario implements ConformanceScenario {

    static final String BEFORE = "How are you?";
    static final String AFTER = "#stub:tokens=20 and after the restart?";

    @Override
    public String name() {
        return "relay-restart";
    }

    @Override
    public Category category() {
        return Category.ROBUSTNESS;
    }

    @Override
    public String summary() {
        return "the relay restarts on the same port; the agent reconnects and serves the next prompt";
    }

    @Override
    public boolean needsOwnRelay() {
        return true;
    }

    @Override
    public void drive(Stage stage) throws Exception {
        stage.startAgent("agent");
        Listener before = stage.listener("before");
        before.send(BEFORE);
        if (!stage.await(() -> before.terminals() >= 1)) {
            return;
        }
        stage.restartRelay();
        stage.awaitAgentsRegistered();
        Listener after = stage.listener("after");
        after.send(AFTER);
        stage.await(() -> after.terminals() >= 1);
    }

    @Override
    public void judge(Recording recording, Findings findings) {
        Recording.View before = recording.view("before");
        findings.checkStreams("before", before.events(), List.of(StubScripts.tokensFor(BEFORE)));
        findings.compareDelivery(recording, before);
        if (recording.views().size() < 2) {
            findings.add(Findings.STREAM_MISSING, "the relay was not restarted: the first stream did not end");
            return;
        }
        Recording.View after = recording.view("after");
        findings.checkStreams("after", after.events(), List.of(StubScripts.tokensFor(AFTER)));
        Streams.requireTerminal(findings, "after", Streams.of(after.events()), 0, ObservedEvent.STREAM_END,
                "the stream after the restart");
        findings.compareDelivery(recording, after);
    }
}
