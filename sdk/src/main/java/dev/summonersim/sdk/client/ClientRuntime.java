package dev.summonersim.sdk.client;

import dev.summonersim.sdk.config.ClientConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * The running parts of one started client and the two threads that drive them: the connection thread (connect,
 * receive, reconnect) and the send thread (rounds of send-handler calls). Plain blocking sockets with dedicated
 * threads keep the ordering rules obvious: one reader, one message at a time, one call in flight per handler.
 */
final class ClientRuntime {
    private final String name;
    private final Logger log;
    private final StopSignal stop = new StopSignal();
    private final ConnectionSlot slot = new ConnectionSlot();
    private final ConnectionLoop connectionLoop;
    private final Thread connectionThread;
    private final Thread sendThread;
    private final Set<Thread> ownThreads = ConcurrentHashMap.newKeySet();
    private final CountDownLatch terminated = new CountDownLatch(2);
    /** Completed with the exit code once both threads have ended. */
    private final CompletableFuture<Integer> termination = new CompletableFuture<>();
    private volatile int exitCode = ConnectionLoop.EXIT_CLEAN;

    ClientRuntime(String name, Logger log, ClientConfig config, ServerTarget primary, ServerTarget fallback,
                  List<ReceiveHandler> receivers, List<SendHandler> senders, ConnectionListener listener) {
        this.name = name;
        this.log = log;
        ReceiveLoop receiveLoop = new ReceiveLoop(log, receivers, config.receiver().maxBytesPerLine(), stop);
        this.connectionLoop = new ConnectionLoop(log, primary, fallback, config.reconnection(), receiveLoop, slot,
                stop, listener);
        SendLoop sendLoop = new SendLoop(log, senders, slot, stop, config.sender().maxWorkerErrors(),
                config.reconnection().retryDelay(), threadFactory(name + "-send-handler-"));
        this.connectionThread = ownThread(name + "-connection", () -> {
            try {
                exitCode = connectionLoop.run();
            } catch (RuntimeException | Error e) {
                log.error("Connection loop failed; stopping the client", e);
                exitCode = 2;
            } finally {
                stop();
                threadEnded();
            }
        });
        this.sendThread = ownThread(name + "-send", () -> {
            try {
                sendLoop.run();
            } catch (RuntimeException | Error e) {
                log.error("Send loop failed; stopping the client", e);
                stop();
            } finally {
                threadEnded();
            }
        });
    }

    private void threadEnded() {
        terminated.countDown();
        if (terminated.getCount() == 0) {
            termination.complete(exitCode);
        }
    }

    /** Threads made here are known, so that close() called from one of them does not wait for itself. */
    ThreadFactory threadFactory(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = ownThread(prefix + n.incrementAndGet(), task);
            t.setDaemon(true);
            return t;
        };
    }

    private Thread ownThread(String threadName, Runnable body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } finally {
                ownThreads.remove(Thread.currentThread());
            }
        }, threadName);
        ownThreads.add(t);
        return t;
    }

    void start() {
        connectionThread.start();
        sendThread.start();
    }

    /** Asks everything to stop without waiting. */
    void stop() {
        if (!stop.isSet()) {
            log.info("Client is shutting down...");
        }
        stop.set();
        Connection current = slot.current();
        if (current != null) {
            log.info("Client about to disconnect...");
        }
        slot.close();
        connectionLoop.abortConnect();
        if (current != null) {
            current.close("client closed");
        }
        sendThread.interrupt();
    }

    void close(Duration bound) {
        stop();
        if (ownThreads.contains(Thread.currentThread())) {
            return; // called from a handler: waiting here would wait for ourselves
        }
        connectionThread.interrupt();
        if (!awaitTermination(bound)) {
            throw new IllegalStateException("Client '" + name + "' did not stop within " + bound.toMillis()
                    + " ms; still running: " + describe(connectionThread) + ", " + describe(sendThread));
        }
    }

    private static String describe(Thread t) {
        if (!t.isAlive()) {
            return t.getName() + " (ended)";
        }
        return t.getName() + " at " + Arrays.stream(t.getStackTrace()).limit(6).map(String::valueOf)
                .collect(Collectors.joining(" <- "));
    }

    boolean awaitTermination(Duration timeout) {
        // Waits for the future, not the latch: the latch reaches zero just before the future completes, so a
        // caller returning from close() could otherwise still see terminated() incomplete.
        try {
            termination.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A view of the termination future that callers cannot complete. */
    CompletableFuture<Integer> termination() {
        return termination.copy();
    }

    boolean isRunning() {
        return terminated.getCount() > 0;
    }

    boolean awaitConnected(Duration timeout) {
        try {
            return slot.await(timeout) != null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Connection currentConnection() {
        return slot.current();
    }

    int exitCode() {
        return exitCode;
    }

    String name() {
        return name;
    }
}
