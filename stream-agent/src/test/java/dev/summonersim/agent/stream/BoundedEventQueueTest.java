package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

/**
 * Issue 13 §3: the event queue is bounded. A producer faster than the send loop is held up in the LLM reader
 * (the token callback does not return), memory stays at the bound and nothing is lost or reordered.
 */
@Timeout(60)
class BoundedEventQueueTest {
    private static final int CAPACITY = 8;
    private static final int TOKENS = 2_000;
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final BlockingQueue<StreamEvent> events = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicInteger handedOver = new AtomicInteger();
    private SingleStreamRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    private String startFastStream(String prompt) {
        if (runner == null) {
            AtomicInteger ids = new AtomicInteger();
            runner = new SingleStreamRunner(events, (p, onToken, c) -> {
                for (int i = 0; i < TOKENS && !c.isCancelled(); i++) {
                    onToken.accept(p + ":" + i);
                    handedOver.incrementAndGet();
                }
            }, () -> "s" + ids.incrementAndGet(), LoggerFactory.getLogger("BoundedEventQueueTest"));
        }
        return runner.start(prompt);
    }

    private StreamEvent take() throws InterruptedException {
        StreamEvent e = events.poll(10, TimeUnit.SECONDS);
        assertThat(e).as("an event within 10 s").isNotNull();
        return e;
    }

    @Test
    void fullQueueHoldsUpTheLlmReaderAndEveryTokenArrivesInOrder() throws Exception {
        String id = startFastStream("a");
        await().atMost(WAIT).until(() -> events.remainingCapacity() == 0);
        int heldAt = handedOver.get();
        // The reader is parked in its token callback: it has handed over at most what fits in the queue.
        assertThat(heldAt).isLessThanOrEqualTo(CAPACITY);
        assertThat(events).hasSize(CAPACITY);

        List<StreamEvent> received = new ArrayList<>();
        StreamEvent e;
        do {
            e = take();
            received.add(e);
            assertThat(events.size()).isLessThanOrEqualTo(CAPACITY);
        } while (!(e instanceof StreamEnd));

        List<StreamEvent> expected = new ArrayList<>();
        expected.add(new StreamStart(id));
        for (int i = 0; i < TOKENS; i++) {
            expected.add(new Token(id, "a:" + i));
        }
        expected.add(new StreamEnd(id));
        assertThat(received).containsExactlyElementsOf(expected);
    }

    @Test
    void aNewPromptWhileTheQueueIsFullCancelsTheOldStreamWithoutLosingItsTerminalEvent() throws Exception {
        String first = startFastStream("a");
        await().atMost(WAIT).until(() -> events.remainingCapacity() == 0);
        CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> startFastStream("b"));

        List<StreamEvent> received = new ArrayList<>();
        while (!second.isDone() || received.stream().noneMatch(ev -> ev instanceof StreamEnd)) {
            received.add(take());
        }
        String secondId = second.get(10, TimeUnit.SECONDS);
        int cancelled = received.indexOf(new StreamCancelled(first));
        assertThat(cancelled).as("stream_cancelled of the first stream in %s", received.size()).isPositive();
        assertThat(received.subList(cancelled + 1, received.size()))
                .noneMatch(ev -> ev.streamId().equals(first))
                .startsWith(new StreamStart(secondId))
                .endsWith(new StreamEnd(secondId))
                .hasSize(TOKENS + 2);
        for (int i = 1; i < cancelled; i++) {
            assertThat(received.get(i)).isEqualTo(new Token(first, "a:" + (i - 1)));
        }
    }
}
