package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.llmstub.StubScripts;

import java.util.List;

/**
 * Two copies of the agent on one relay, one prompt: each answers it once and neither answers the other's stream
 * events (the reference agents trigger each other forever, Q20).
 */
final class SelfTriggerScenario implements ConformanceScenario {

    static final String PROMPT = "How are you?";

    @Override
    public String name() {
        return "self-trigger";
    }

    @Override
    public Category category() {
        return Category.ETIQUETTE;
    }

    @Override
    public String summary() {
        return "two copies of the agent on one relay answer the prompt once each and never each other (Q20)";
    }

    @Override
    public void drive(Stage stage) throws Exception {
        stage.startAgent("agent");
        stage.startAgent("agent-2");
        Listener user = stage.listener("user");
        user.send(PROMPT);
        stage.await(() -> user.terminals() >= 2);
    }

    @Override
    public void judge(Recording recording, Findings findings) {
        Recording.View user = recording.view("user");
        for (String sender : recording.eventSenders()) {
            findings.checkStreams("user (from " + sender + ")", user.eventsFrom(sender),
                    List.of(StubScripts.tokensFor(PROMPT)));
        }
        Streams streams = Streams.of(user.events());
        findings.require(streams.count() <= 2 && recording.llmRequests() <= 2, Findings.SELF_TRIGGERED,
                streams.count() + " streams and " + recording.llmRequests() + " LLM requests for one prompt to two agents");
        for (int i = 0; i < 2; i++) {
            Streams.requireTerminal(findings, "user", streams, i, ObservedEvent.STREAM_END, "answer " + (i + 1));
        }
        findings.compareDelivery(recording, user);
    }
}
