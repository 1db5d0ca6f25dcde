package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.agent.stream.send.BlockingSendStrategy;
import dev.summonersim.agent.stream.send.CountingSendStrategy;
import dev.summonersim.agent.stream.send.PollingSendStrategy;
import dev.summonersim.agent.stream.send.TimeoutSendStrategy;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.llmstub.LlmStubConfig;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.testkit.RecordingClient;
import dev.summonersim.testkit.SummonerStack;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Send cadence of each strategy inside the running agent, with lower bounds and generous upper bounds only:
 * timings on a loaded machine only ever get longer, so "at most one event per interval" is a lower bound on
 * elapsed time and is safe to assert.
 */
@Timeout(90)
class SendCadenceTest {

    /** 60 tokens as fast as the stub can send them: the queue fills faster than polling drains it. */
    private static final String BURST = "burst #stub:tokens=60 #stub:delay=0 #stub:ttft=0";
    private static final int BURST_EVENTS = 62;

    @RegisterExtension
    final SummonerStack stack = SummonerStack.create().withStub(LlmStubConfig.defaults());

    /** This test's stub, with the stub's own defaults. */
    private LlmStub stub() {
        return stack.stub();
    }

    private CountingSendStrategy agentWith(dev.summonersim.agent.stream.send.SendStrategy strategy) {
        CountingSendStrategy counting = new CountingSendStrategy(strategy);
        TestAgents.start(stack, b -> b.llm(l -> l.baseUrl(stub().baseUrl()).apiKey("k")).send(s -> s.custom(counting)));
        return counting;
    }

    private static List<StreamEvent> receiveStream(RecordingClient observer) {
        StreamEvent start = observer.awaitEvent();
        List<StreamEvent> rest = observer.eventsThroughTerminalOf(start.streamId());
        assertThat(rest.get(rest.size() - 1)).isEqualTo(new StreamEnd(start.streamId()));
        return rest;
    }

    @Test
    void pollingSendsAtMostOneEventPerInterval() throws Exception {
        CountingSendStrategy counting = agentWith(new PollingSendStrategy(Duration.ofMillis(20)));
        RecordingClient observer = stack.client("observer");
        int sentBefore = counting.eventReturns().size();

        observer.send(BURST);
        List<StreamEvent> received = receiveStream(observer);
        assertThat(received).hasSize(BURST_EVENTS - 1);

        List<Long> allSends = counting.eventReturns();
        List<Long> sends = allSends.subList(sentBefore, allSends.size());
        assertThat(sends).hasSize(BURST_EVENTS);
        long spanMs = TimeUnit.NANOSECONDS.toMillis(sends.get(sends.size() - 1) - sends.get(0));
        double perSecond = (sends.size() - 1) * 1000.0 / spanMs;
        System.out.printf("[measure] polling 20 ms: %d events in %d ms = %.1f events/s%n", sends.size(), spanMs,
                perSecond);
        // Polls are at least 20 ms apart: 61 gaps take at least 61 x 20 ms. Each gap is measured by the counting
        // wrapper just after the strategy returns, so allow it the few microseconds between the two clocks.
        assertThat(spanMs).isGreaterThanOrEqualTo(61L * 20 - 1);
        for (int i = 1; i < sends.size(); i++) {
            assertThat(TimeUnit.NANOSECONDS.toMicros(sends.get(i) - sends.get(i - 1)))
                    .as("gap before event %d", i).isGreaterThanOrEqualTo(20_000 - 50);
        }
        assertThat(perSecond).isLessThanOrEqualTo(50.0);
    }

    @Test
    void pollingWakesOncePerIntervalWhileIdle() {
        CountingSendStrategy counting = agentWith(new PollingSendStrategy(Duration.ofMillis(20)));
        int before = counting.emptyReturns().size();
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> counting.emptyReturns().size() >= before + 21);
        List<Long> idle = counting.emptyReturns().subList(before, before + 21);
        long spanMs = TimeUnit.NANOSECONDS.toMillis(idle.get(20) - idle.get(0));
        System.out.printf("[measure] polling 20 ms idle: 20 empty wake-ups in %d ms%n", spanMs);
        assertThat(spanMs).isGreaterThanOrEqualTo(20L * 20);
        assertThat(counting.eventReturns()).isEmpty();
    }

    @Test
    void timeoutModeWakesOncePerTimeoutWhileIdleAndSendsWithoutWaitingForIt() throws Exception {
        CountingSendStrategy counting = agentWith(new TimeoutSendStrategy(Duration.ofSeconds(1)));
        int before = counting.emptyReturns().size();
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> counting.emptyReturns().size() >= before + 3);
        List<Long> idle = counting.emptyReturns().subList(before, before + 3);
        long idleSpanMs = TimeUnit.NANOSECONDS.toMillis(idle.get(2) - idle.get(0));
        assertThat(idleSpanMs).isGreaterThanOrEqualTo(2L * 1000);

        RecordingClient observer = stack.client("observer");
        int sentBefore = counting.eventReturns().size();
        observer.send(BURST);
        receiveStream(observer);
        List<Long> allSends = counting.eventReturns();
        List<Long> sends = allSends.subList(sentBefore, allSends.size());
        long spanMs = TimeUnit.NANOSECONDS.toMillis(sends.get(sends.size() - 1) - sends.get(0));
        System.out.printf("[measure] timeout 1 s: 2 idle wake-ups in %d ms; %d events sent in %d ms%n",
                idleSpanMs, sends.size(), spanMs);
        // Waiting a timeout per event would take 61 s; the queue wait hands each event over as it is queued.
        assertThat(spanMs).isLessThan(61L * 1000 / 2);
    }

    @Test
    void blockingModeHasNoIdleWakeUps() throws Exception {
        CountingSendStrategy counting = agentWith(new BlockingSendStrategy());
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> counting.calls() == 1);
        // While idle the single call stays parked in take(): nothing returns, nothing new starts.
        Awaitility.await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> counting.calls() == 1 && counting.emptyReturns().isEmpty());

        RecordingClient observer = stack.client("observer");
        observer.send(BURST);
        receiveStream(observer);
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> counting.eventReturns().size() == BURST_EVENTS);
        assertThat(counting.emptyReturns()).isEmpty();
        assertThat(counting.calls()).isEqualTo(BURST_EVENTS + 1);
    }
}
