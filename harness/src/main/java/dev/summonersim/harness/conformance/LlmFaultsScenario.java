package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.llmstub.StubScripts;

import java.util.ArrayList;
import java.util.List;

/**
 * Every fault the LLM stub injects gives one stream_error, and the next prompt streams normally. The stall comes
 * last: an agent that never ends a stalled stream is left with MISSING_TERMINAL when the budget runs out.
 */
final class LlmFaultsScenario implements ConformanceScenario {

    static final List<String> FAULTS = List.of("#stub:http=401", "#stub:http=429", "#stub:http=500",
            "#stub:http=503", "#stub:error-after=3", "#stub:reset-after=3", "#stub:truncate",
            "#stub:malformed-after=3", "#stub:stall");
    static final String NEXT = "How are you?";

    @Override
    public String name() {
        return "llm-faults";
    }

    @Override
    public Category category() {
        return Category.ROBUSTNESS;
    }

    @Override
    public String summary() {
        return "each LLM fault (HTTP 401/429/500/503, error, reset, truncation, malformed, stall) gives one "
                + "stream_error, the next prompt streams";
    }

    static String faulty(String directive) {
        return directive + " please fail";
    }

    @Override
    public void drive(Stage stage) throws Exception {
        stage.startAgent("agent");
        Listener user = stage.listener("user");
        int ended = 0;
        for (String fault : FAULTS) {
            user.send(faulty(fault));
            int afterFault = ++ended;
            if (!stage.await(() -> user.terminals() >= afterFault)) {
                return;
            }
            user.send(NEXT);
            int afterNext = ++ended;
            if (!stage.await(() -> user.terminals() >= afterNext)) {
                return;
            }
        }
    }

    @Override
    public void judge(Recording recording, Findings findings) {
        Recording.View user = recording.view("user");
        List<ObservedEvent> events = user.events();
        List<List<String>> scripts = new ArrayList<>();
        for (String fault : FAULTS) {
            scripts.add(StubScripts.tokensFor(faulty(fault)));
            scripts.add(StubScripts.tokensFor(NEXT));
        }
        findings.checkStreams("user", events, scripts);
        Streams streams = Streams.of(events);
        for (int i = 0; i < FAULTS.size(); i++) {
            String fault = FAULTS.get(i);
            if (2 * i >= streams.count()) {
                findings.add(Findings.STREAM_MISSING, "user: no stream for " + fault + " (" + streams.count()
                        + " streams arrived)");
                break;
            }
            Streams.requireTerminal(findings, "user", streams, 2 * i, ObservedEvent.STREAM_ERROR, "the " + fault + " stream");
            if (streams.terminal(2 * i).isPresent()) {
                Streams.requireTerminal(findings, "user", streams, 2 * i + 1, ObservedEvent.STREAM_END,
                        "the stream after " + fault);
            }
        }
        findings.compareDelivery(recording, user);
    }
}
