package dev.summonersim.agent.stream.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.Token;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class SendModeTest {

    @Test
    void parsesCommandLineSpellingsCaseInsensitively() {
        assertThat(SendMode.parse("polling")).isEqualTo(SendMode.POLLING);
        assertThat(SendMode.parse("TIMEOUT")).isEqualTo(SendMode.TIMEOUT);
        assertThat(SendMode.parse(" Blocking ")).isEqualTo(SendMode.BLOCKING);
    }

    @Test
    void unknownModeNamesTheChoices() {
        assertThatThrownBy(() -> SendMode.parse("busy"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown send mode 'busy' (expected one of: polling, timeout, blocking)");
    }

    @Test
    void timeoutModeIsStreamAgent0AndTheOthersStreamAgent1() {
        assertThat(SendMode.POLLING.defaultAgentName()).isEqualTo("StreamAgent_1");
        assertThat(SendMode.TIMEOUT.defaultAgentName()).isEqualTo("StreamAgent_0");
        assertThat(SendMode.BLOCKING.defaultAgentName()).isEqualTo("StreamAgent_1");
    }

    @Test
    void eachModeBuildsItsStrategyWithTheGivenDurations() {
        Duration interval = Duration.ofMillis(7);
        Duration timeout = Duration.ofMillis(70);
        assertThat(SendMode.POLLING.strategy(interval, timeout)).isInstanceOfSatisfying(PollingSendStrategy.class,
                s -> assertThat(s.interval()).isEqualTo(interval));
        assertThat(SendMode.TIMEOUT.strategy(interval, timeout)).isInstanceOfSatisfying(TimeoutSendStrategy.class,
                s -> assertThat(s.timeout()).isEqualTo(timeout));
        assertThat(SendMode.BLOCKING.strategy(interval, timeout)).isInstanceOf(BlockingSendStrategy.class);
    }

    @Test
    void sendHandlerHandsOverThePayloadInWireKeyOrderOrNothing() throws Exception {
        LinkedBlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>();
        EventSendHandler handler = new EventSendHandler(queue, new PollingSendStrategy(Duration.ZERO));
        assertThat(handler.nextPayload()).isNull();
        queue.add(new Token("id-1", " 42"));
        assertThat(handler.nextPayload()).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsExactly(org.assertj.core.api.Assertions.entry("type", "token"),
                        org.assertj.core.api.Assertions.entry("stream_id", "id-1"),
                        org.assertj.core.api.Assertions.entry("token", " 42"));
    }
}
