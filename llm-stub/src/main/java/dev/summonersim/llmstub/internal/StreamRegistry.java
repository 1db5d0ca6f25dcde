package dev.summonersim.llmstub.internal;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shared by the transformer (which plans a response) and the servlet filter (which writes it): hands plans over by
 * id, counts streams the client abandoned, and tells running streams that the stub is shutting down.
 */
public final class StreamRegistry {

    public static final String PLAN_HEADER = "X-Llmstub-Plan";
    private static final Logger LOG = LoggerFactory.getLogger(StreamRegistry.class);

    private final Map<String, StreamPlan> pending = new ConcurrentHashMap<>();
    private final Map<String, ProxiedRequest> proxied = new ConcurrentHashMap<>();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private final Object lock = new Object();
    private final int capacity;
    private final Semaphore slots;
    private int clientDisconnects;
    private int completed;
    private int open;
    private int peakOpen;
    private int waited;

    /** @param capacity streams that can be open at once (one Jetty thread each) */
    public StreamRegistry(int capacity) {
        this.capacity = capacity;
        this.slots = new Semaphore(capacity);
    }

    public StreamRegistry() {
        this(Integer.MAX_VALUE);
    }

    /** Takes a stream slot, waiting for one when all are taken (then the stub is the limit, and says so once). */
    void streamOpened() throws InterruptedException {
        if (!slots.tryAcquire()) {
            boolean first;
            synchronized (lock) {
                first = waited++ == 0;
            }
            if (first) {
                LOG.warn("all {} stream slots are busy: further requests wait for a stream to end "
                        + "(the stub is the limit; raise maxOpenStreams / --max-streams)", capacity);
            }
            slots.acquire();
        }
        synchronized (lock) {
            open++;
            peakOpen = Math.max(peakOpen, open);
        }
    }

    void streamClosed() {
        synchronized (lock) {
            open--;
        }
        slots.release();
    }

    /** Requests that had to wait for a stream slot: more than zero means the stub was the limit. */
    public int streamsThatWaited() {
        synchronized (lock) {
            return waited;
        }
    }

    public int openStreams() {
        synchronized (lock) {
            return open;
        }
    }

    public int peakOpenStreams() {
        synchronized (lock) {
            return peakOpen;
        }
    }

    public String put(StreamPlan plan) {
        String id = UUID.randomUUID().toString();
        pending.put(id, plan);
        return id;
    }

    public StreamPlan take(String id) {
        return id == null ? null : pending.remove(id);
    }

    public String putProxied(ProxiedRequest request) {
        String id = UUID.randomUUID().toString();
        proxied.put(id, request);
        return id;
    }

    public ProxiedRequest takeProxied(String id) {
        return id == null ? null : proxied.remove(id);
    }

    /** How a pause ended. */
    enum Pause { ELAPSED, SHUTDOWN, CLIENT_GONE }

    private static final long PROBE_INTERVAL_MILLIS = 50;

    /**
     * Waits {@code millis} (Long.MAX_VALUE = until something happens), checking every 50 ms whether the stub is
     * shutting down or the client went away.
     */
    Pause pause(long millis, ClientConnection client) {
        if (millis <= 0) {
            return isShuttingDown() ? Pause.SHUTDOWN : Pause.ELAPSED;
        }
        long deadline = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + millis * 1_000_000;
        try {
            while (true) {
                long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    return Pause.ELAPSED;
                }
                long slice = Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, PROBE_INTERVAL_MILLIS);
                if (shutdown.await(slice, TimeUnit.MILLISECONDS)) {
                    return Pause.SHUTDOWN;
                }
                if (client.isGone()) {
                    return Pause.CLIENT_GONE;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Pause.SHUTDOWN;
        }
    }

    public void shutdown() {
        shutdown.countDown();
    }

    public boolean isShuttingDown() {
        return shutdown.getCount() == 0;
    }

    public void clientDisconnected() {
        synchronized (lock) {
            clientDisconnects++;
            lock.notifyAll();
        }
    }

    public void streamCompleted() {
        synchronized (lock) {
            completed++;
            lock.notifyAll();
        }
    }

    public int clientDisconnects() {
        synchronized (lock) {
            return clientDisconnects;
        }
    }

    public int completedStreams() {
        synchronized (lock) {
            return completed;
        }
    }

    /** True once at least {@code count} streams were abandoned by their client, false after {@code timeout}. */
    public boolean awaitClientDisconnects(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (clientDisconnects < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return true;
        }
    }
}
