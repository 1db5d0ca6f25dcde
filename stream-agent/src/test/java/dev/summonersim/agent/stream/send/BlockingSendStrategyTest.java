package dev.summonersim.agent.stream.send;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamEvent;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class BlockingSendStrategyTest {

    private final BlockingQueue<StreamEvent> queue = new LinkedBlockingQueue<>();

    @Test
    void waitsUntilAnEventArrivesAndNeverReturnsNothing() throws Exception {
        AtomicReference<StreamEvent> sent = new AtomicReference<>();
        CountDownLatch returned = new CountDownLatch(1);
        Thread sender = new Thread(() -> {
            try {
                sent.set(new BlockingSendStrategy().next(queue));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.countDown();
        });
        sender.start();
        assertThat(returned.await(300, TimeUnit.MILLISECONDS)).as("returned while the queue was empty").isFalse();
        StreamEnd event = new StreamEnd("s");
        queue.add(event);
        assertThat(returned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sent.get()).isSameAs(event);
    }

    @Test
    void shutdownInterruptEndsTheWait() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread sender = new Thread(() -> {
            try {
                new BlockingSendStrategy().next(queue);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        sender.start();
        sender.interrupt();
        sender.join(10_000);
        assertThat(sender.isAlive()).isFalse();
        assertThat(interrupted).isTrue();
    }
}
