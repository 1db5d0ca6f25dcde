package dev.summonersim.agent.stream;

import dev.summonersim.agent.stream.llm.LlmStreamException;
import dev.summonersim.agent.stream.llm.StreamCancellation;
import dev.summonersim.agent.stream.llm.TokenStreamer;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamStart;
import dev.summonersim.sdk.events.Token;
import dev.summonersim.sdk.text.PeerText;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;

/**
 * Runs at most one LLM stream at a time and turns it into stream events on the send queue. A new prompt cancels
 * the running stream first: its stream_cancelled is queued before the new stream_start, and because the old
 * stream publishes only through its closed gate, none of its tokens can follow (the fix for reference quirk Q1).
 */
public final class SingleStreamRunner implements AutoCloseable {

    private final BlockingQueue<StreamEvent> events;
    private final TokenStreamer streamer;
    private final Supplier<String> streamIds;
    private final Logger log;
    private final ExecutorService workers;
    private ActiveStream current;
    private boolean closed;

    public SingleStreamRunner(BlockingQueue<StreamEvent> events, TokenStreamer streamer, Supplier<String> streamIds,
                              Logger log) {
        this.events = Objects.requireNonNull(events, "events");
        this.streamer = Objects.requireNonNull(streamer, "streamer");
        this.streamIds = Objects.requireNonNull(streamIds, "streamIds");
        this.log = Objects.requireNonNull(log, "log");
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(task -> {
            Thread t = new Thread(task, log.getName() + "-llm-stream-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Cancels the running stream, if any, queues stream_start for a new stream id and starts streaming the prompt
     * in the background. Returns the new stream id.
     */
    public synchronized String start(String prompt) {
        if (closed) {
            throw new IllegalStateException("stream runner is closed");
        }
        if (current != null && current.cancel()) {
            log.warn("Cancelling previous stream (new prompt arrived).");
        }
        ActiveStream stream = new ActiveStream(streamIds.get(), new EventGate(events), new StreamCancellation());
        // Queued here rather than in the worker so that a stream cancelled before its worker ran still has a
        // start to pair with its stream_cancelled.
        stream.gate.publish(new StreamStart(stream.id));
        current = stream;
        workers.execute(() -> run(stream, prompt));
        return stream.id;
    }

    /** Cancels the running stream (queuing its stream_cancelled); returns whether one was running. */
    public synchronized boolean cancelCurrent() {
        return current != null && current.cancel();
    }

    private void run(ActiveStream stream, String prompt) {
        try {
            streamer.stream(prompt, token -> {
                if (!token.isEmpty()) {
                    stream.gate.publish(new Token(stream.id, token));
                }
            }, stream.cancellation);
            stream.gate.close(new StreamEnd(stream.id));
            stream.logIfCancelled(log);
        } catch (LlmStreamException e) {
            fail(stream, e.getMessage());
        } catch (RuntimeException e) {
            // A bug in a streamer must still end the stream for the receivers and leave the agent running.
            fail(stream, e.toString());
        } catch (Error e) {
            // Receivers must not wait forever for a terminal event; the error itself still propagates.
            fail(stream, e.toString());
            throw e;
        }
    }

    private void fail(ActiveStream stream, String error) {
        if (stream.gate.close(new StreamError(stream.id, error))) {
            log.warn("LLM stream {} failed: {}", stream.id, PeerText.oneLine(error));
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (current != null) {
                current.cancellation.cancel();
            }
        }
        workers.shutdownNow();
    }

    private static final class ActiveStream {
        final String id;
        final EventGate gate;
        final StreamCancellation cancellation;

        ActiveStream(String id, EventGate gate, StreamCancellation cancellation) {
            this.id = id;
            this.gate = gate;
            this.cancellation = cancellation;
        }

        private volatile long cancelledAtNanos;

        boolean cancel() {
            if (!gate.close(new StreamCancelled(id))) {
                return false;
            }
            cancelledAtNanos = System.nanoTime();
            cancellation.cancel();
            return true;
        }

        /** How long the LLM request outlived its cancellation: the cost of a cancel, visible at DEBUG. */
        void logIfCancelled(Logger log) {
            long at = cancelledAtNanos;
            if (at != 0 && log.isDebugEnabled()) {
                log.debug("Cancelled stream {} released its LLM request {} ms after the cancel", id,
                        java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - at));
            }
        }
    }
}
