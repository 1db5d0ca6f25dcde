package dev.summonersim.sdk.client;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Set once when the client is asked to stop; the client's waits end early when it is set. */
final class StopSignal {
    private final CountDownLatch stopped = new CountDownLatch(1);

    void set() {
        stopped.countDown();
    }

    boolean isSet() {
        return stopped.getCount() == 0;
    }

    /** Sleeps for {@code delay}; returns false (early) once the signal is set or the thread is interrupted. */
    boolean sleep(Duration delay) {
        try {
            return !stopped.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
