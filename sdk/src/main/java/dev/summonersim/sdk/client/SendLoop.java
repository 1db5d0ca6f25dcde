package dev.summonersim.sdk.client;

import dev.summonersim.sdk.protocol.EnvelopeCodec;
import org.slf4j.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The reference's round-based send loop: each round calls every send handler once (concurrently when there are
 * several), writes each non-null result as one line as soon as its call returns, and starts the next round when
 * all calls of this one are done. Rounds run only while connected.
 *
 * <p>Handler calls run on daemon worker threads and this loop only waits for them, so that a handler blocked in
 * something uninterruptible (a console read) cannot keep the client from closing; its thread is abandoned.
 *
 * <p>Unlike the reference, a failing handler never stops the client: each failure is logged and counted, every
 * call completes (an interrupt or cancellation that leaks out of a handler is just a failure, quirk Q14), and after
 * {@code maxWorkerErrors} consecutive failures the handler is called again only after a pause of {@code backoff}.
 * A payload whose write fails is written again on the next connection instead of being lost.
 */
final class SendLoop implements Runnable {
    private static final Duration MIN_BACKOFF = Duration.ofMillis(100);

    private final Logger log;
    private final List<SendHandler> handlers;
    private final ConnectionSlot slot;
    private final StopSignal stop;
    private final int maxWorkerErrors;
    private final Duration backoff;
    private final ExecutorService workers;
    private final int[] consecutiveErrors;

    SendLoop(Logger log, List<SendHandler> handlers, ConnectionSlot slot, StopSignal stop, int maxWorkerErrors,
             Duration backoff, ThreadFactory threads) {
        this.log = log;
        this.handlers = List.copyOf(handlers);
        this.slot = slot;
        this.stop = stop;
        this.maxWorkerErrors = maxWorkerErrors;
        this.backoff = backoff.compareTo(MIN_BACKOFF) < 0 ? MIN_BACKOFF : backoff;
        this.consecutiveErrors = new int[handlers.size()];
        this.workers = handlers.isEmpty() ? null : Executors.newFixedThreadPool(handlers.size(), threads);
    }

    @Override
    public void run() {
        if (workers == null) {
            return; // no send handlers: nothing to do, as the reference's idle loop
        }
        try {
            if (handlers.size() == 1) {
                // One handler (every agent here): its rounds are back to back, so the worker runs them itself
                // instead of being handed each call by this thread; that saves two thread wake-ups per event.
                awaitCall(workers.submit(this::runSingleHandlerRounds));
                return;
            }
            while (!stop.isSet()) {
                if (slot.await() == null) {
                    return;
                }
                List<Future<?>> round = new ArrayList<>(handlers.size());
                for (int i = 0; i < handlers.size(); i++) {
                    int index = i;
                    round.add(workers.submit(() -> callAndWrite(index)));
                }
                for (Future<?> call : round) {
                    awaitCall(call);
                }
            }
        } catch (InterruptedException e) {
            // close() interrupts us; the workers are interrupted below
        } finally {
            stopWorkers();
        }
    }

    private void runSingleHandlerRounds() {
        try {
            while (!stop.isSet()) {
                if (slot.await() == null) {
                    return;
                }
                callAndWrite(0);
            }
        } catch (InterruptedException e) {
            // stopWorkers() interrupts us on close
        }
    }

    private void awaitCall(Future<?> call) throws InterruptedException {
        try {
            call.get();
        } catch (ExecutionException e) {
            log.error("Send loop failed unexpectedly; continuing", e.getCause());
        }
    }

    private void stopWorkers() {
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(1, TimeUnit.SECONDS)) {
                log.warn("A send handler did not return within 1 s of being interrupted; abandoning its thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void callAndWrite(int index) {
        String line;
        try {
            Object payload = handlers.get(index).nextPayload();
            if (stop.isSet()) {
                return; // as the reference: a result that arrives during shutdown is not written
            }
            line = EnvelopeCodec.encode(payload);
        } catch (Exception e) {
            if (!stop.isSet()) {
                Thread.interrupted(); // a leaked interrupt is a failure like any other, not a reason to stop
                failed(index, e);
            }
            return;
        }
        Thread.interrupted();
        consecutiveErrors[index] = 0;
        if (line != null) {
            write(line);
        }
    }

    private void write(String line) {
        while (!stop.isSet()) {
            Connection connection;
            try {
                connection = slot.await();
            } catch (InterruptedException e) {
                return;
            }
            if (connection == null) {
                return;
            }
            try {
                connection.writeLine(line);
                return;
            } catch (IOException e) {
                String reason = "write failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                log.warn("{}; the line will be written again on the next connection", reason);
                connection.close(reason);
                slot.clear(connection);
            }
        }
    }

    private void failed(int index, Exception e) {
        int inARow = ++consecutiveErrors[index];
        log.error("Send handler #{} failed ({} in a row)", index + 1, inARow, e);
        if (inARow >= maxWorkerErrors) {
            log.error("Send handler #{} reached max_worker_errors ({}); calling it again in {} ms", index + 1,
                    maxWorkerErrors, backoff.toMillis());
            stop.sleep(backoff);
        }
    }
}
