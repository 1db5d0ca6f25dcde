package dev.summonersim.harness.conformance;

import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.llmstub.StubScripts;

import java.util.List;

/**
 * One prompt, one complete stream: stream_start, exactly the stub's tokens, stream_end, one UUID stream_id. The
 * json-tokens scenario is the same with the JSON-looking tokens.
 */
final class WalkthroughScenario implements ConformanceScenario {

    private final String name;
    private final String summary;
    private final String prompt;

    private WalkthroughScenario(String name, String summary, String prompt) {
        this.name = name;
        this.summary = summary;
        this.prompt = prompt;
    }

    static WalkthroughScenario walkthrough() {
        return new WalkthroughScenario("walkthrough",
                "one prompt: stream_start, the stub's tokens exactly, stream_end, one UUID stream_id", "How are you?");
    }

    static WalkthroughScenario jsonTokens() {
        return new WalkthroughScenario("json-tokens",
                "tokens that look like JSON (null, ' 42', true, {}) arrive as the exact strings sent",
                "#stub:json-like show me JSON-looking tokens");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Category category() {
        return Category.CORE;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public void drive(Stage stage) throws Exception {
        stage.startAgent("agent");
        Listener user = stage.listener("user");
        user.send(prompt);
        stage.await(() -> user.terminals() >= 1);
    }

    @Override
    public void judge(Recording recording, Findings findings) {
        Recording.View user = recording.view("user");
        findings.checkStreams("user", user.events(), List.of(StubScripts.tokensFor(prompt)));
        Streams streams = Streams.of(user.events());
        Streams.requireTerminal(findings, "user", streams, 0, ObservedEvent.STREAM_END, "the stream");
        findings.compareDelivery(recording, user);
    }
}
