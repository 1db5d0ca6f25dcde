package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.agent.stream.llm.LlmStreamException;
import dev.summonersim.agent.stream.llm.StreamCancellation;
import dev.summonersim.agent.stream.llm.TokenStreamer;
import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(30)
class SingleStreamRunnerTest {

    private final BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    private SingleStreamRunner runner;

    @AfterEach
    void close() {
        if (runner != null) {
            runner.close();
        }
    }

    private SingleStreamRunner runner(TokenStreamer streamer) {
        runner = new SingleStreamRunner(events, streamer, () -> "id" + ids.incrementAndGet(),
                LoggerFactory.getLogger("SingleStreamRunnerTest"));
        return runner;
    }

    /** Takes events until the terminal event of the given stream; fails on a 10 s silence. */
    private List<StreamEvent> takeThroughTerminalOf(String streamId) throws InterruptedException {
        List<StreamEvent> taken = new ArrayList<>();
        while (true) {
            StreamEvent e = events.poll(10, TimeUnit.SECONDS);
            assertThat(e).as("event after %s", taken).isNotNull();
            taken.add(e);
            if (e.streamId().equals(streamId) && e.isTerminal()) {
                return taken;
            }
        }
    }

    @Test
    void completeStreamIsStartTokensEnd() throws Exception {
        String id = runner((prompt, onToken, c) -> List.of("Hello", " world", "!").forEach(onToken)).start("p");
        assertThat(takeThroughTerminalOf(id)).containsExactly(new StreamStart(id), new Token(id, "Hello"),
                new Token(id, " world"), new Token(id, "!"), new StreamEnd(id));
        assertThat(events).isEmpty();
    }

    @Test
    void emptyTokensAreSkippedAndTokenTextIsKeptExactly() throws Exception {
        String id = runner((prompt, onToken, c) -> List.of("", "null", "", " 42", "true", "{}").forEach(onToken))
                .start("p");
        assertThat(takeThroughTerminalOf(id)).containsExactly(new StreamStart(id), new Token(id, "null"),
                new Token(id, " 42"), new Token(id, "true"), new Token(id, "{}"), new StreamEnd(id));
    }

    @Test
    void failureAfterTokensGivesOneStreamErrorAndNoEnd() throws Exception {
        String id = runner((prompt, onToken, c) -> {
            onToken.accept("a");
            throw new LlmStreamException("upstream failure");
        }).start("p");
        assertThat(takeThroughTerminalOf(id)).containsExactly(new StreamStart(id), new Token(id, "a"),
                new StreamError(id, "upstream failure"));
        assertThat(events.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void unexpectedRuntimeExceptionStillEndsTheStreamWithAnError() throws Exception {
        String id = runner((prompt, onToken, c) -> {
            throw new IllegalStateException("bug");
        }).start("p");
        List<StreamEvent> got = takeThroughTerminalOf(id);
        assertThat(got).hasSize(2).first().isEqualTo(new StreamStart(id));
        assertThat(got.get(1)).isInstanceOfSatisfying(StreamError.class,
                e -> assertThat(e.error()).contains("IllegalStateException").contains("bug"));
    }

    @Test
    void newPromptCancelsTheRunningStreamWithExactlyOneCancelledAndNoLateTokens() throws Exception {
        CountDownLatch firstStreaming = new CountDownLatch(1);
        runner(new TokenStreamer() {
            @Override
            public void stream(String prompt, Consumer<String> onToken, StreamCancellation cancellation)
                    throws LlmStreamException {
                if (prompt.equals("second")) {
                    List.of("x", "y").forEach(onToken);
                    return;
                }
                CountDownLatch cancelled = new CountDownLatch(1);
                cancellation.onCancel(cancelled::countDown);
                onToken.accept("early");
                firstStreaming.countDown();
                await(cancelled);
                // A chunk already in flight when the cancel landed: must not reach the queue.
                onToken.accept("late");
                onToken.accept("later");
            }
        });
        String first = runner.start("first");
        assertThat(firstStreaming.await(10, TimeUnit.SECONDS)).isTrue();
        String second = runner.start("second");

        List<StreamEvent> got = takeThroughTerminalOf(second);
        assertThat(got).containsExactly(new StreamStart(first), new Token(first, "early"),
                new StreamCancelled(first), new StreamStart(second), new Token(second, "x"), new Token(second, "y"),
                new StreamEnd(second));
        // The first worker has returned by now or soon will; nothing more of it may appear.
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void streamCancelledBeforeItsWorkerRanStillGetsStartAndOneCancelled() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch firstReturned = new CountDownLatch(1);
        runner((prompt, onToken, cancellation) -> {
            if (prompt.equals("first")) {
                await(release);
                List.of("too", "late").forEach(onToken);
                firstReturned.countDown();
                return;
            }
            onToken.accept("ok");
        });
        String first = runner.start("first");
        String second = runner.start("second");
        List<StreamEvent> got = takeThroughTerminalOf(second);
        release.countDown();
        assertThat(firstReturned.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(got).containsExactly(new StreamStart(first), new StreamCancelled(first),
                new StreamStart(second), new Token(second, "ok"), new StreamEnd(second));
        assertThat(events).isEmpty();
    }

    @Test
    void cancellationReachesTheStreamerSoItCanAbortItsRequest() throws Exception {
        CountDownLatch aborted = new CountDownLatch(1);
        CountDownLatch registered = new CountDownLatch(1);
        String id = runner((prompt, onToken, cancellation) -> {
            cancellation.onCancel(aborted::countDown);
            registered.countDown();
            await(aborted);
        }).start("p");
        assertThat(registered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(runner.cancelCurrent()).isTrue();
        assertThat(aborted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(takeThroughTerminalOf(id)).containsExactly(new StreamStart(id), new StreamCancelled(id));
        assertThat(runner.cancelCurrent()).as("second cancel of the same stream").isFalse();
    }

    @Test
    void finishedStreamIsNotCancelledByTheNextPrompt() throws Exception {
        runner((prompt, onToken, c) -> onToken.accept(prompt));
        String first = runner.start("a");
        List<StreamEvent> firstEvents = takeThroughTerminalOf(first);
        String second = runner.start("b");
        assertThat(firstEvents).containsExactly(new StreamStart(first), new Token(first, "a"), new StreamEnd(first));
        assertThat(takeThroughTerminalOf(second)).containsExactly(new StreamStart(second), new Token(second, "b"),
                new StreamEnd(second));
    }

    @Test
    void manyRapidPromptsGiveEachStreamExactlyOneTerminalEventAndOnlyTheLastCompletes() throws Exception {
        // Every stream but the last one holds its LLM call open until it is cancelled, so whether a stream
        // completes never depends on how fast the machine runs the loop below (an early stream that finished
        // before the next prompt would rightly end with stream_end, not stream_cancelled).
        runner((prompt, onToken, cancellation) -> {
            for (int i = 0; i < 50 && !cancellation.isCancelled(); i++) {
                onToken.accept(prompt + "-" + i);
            }
            if (!prompt.equals("p19")) {
                CountDownLatch cancelled = new CountDownLatch(1);
                cancellation.onCancel(cancelled::countDown);
                await(cancelled);
            }
        });
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(runner.start("p" + i));
        }
        String last = ids.get(ids.size() - 1);
        List<StreamEvent> got = takeThroughTerminalOf(last);
        for (String id : ids) {
            List<StreamEvent> ofStream = got.stream().filter(e -> e.streamId().equals(id)).toList();
            assertThat(ofStream.get(0)).isEqualTo(new StreamStart(id));
            long terminals = ofStream.stream().filter(e -> !(e instanceof StreamStart) && !(e instanceof Token))
                    .count();
            assertThat(terminals).as("terminal events of %s", id).isEqualTo(1);
            StreamEvent terminal = ofStream.get(ofStream.size() - 1);
            assertThat(terminal).isEqualTo(id.equals(last) ? new StreamEnd(id) : new StreamCancelled(id));
        }
        assertThat(events.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
