package dev.summonersim.sdk.client;

import java.time.Duration;

/** The connection of the current session, if any, for the send side and for callers waiting to be connected. */
final class ConnectionSlot {
    private Connection current;
    private boolean closed;

    synchronized void publish(Connection connection) {
        if (closed) {
            return;
        }
        current = connection;
        notifyAll();
    }

    synchronized void clear(Connection connection) {
        if (current == connection) {
            current = null;
            notifyAll();
        }
    }

    /** After this, every wait returns null at once. */
    synchronized void close() {
        closed = true;
        current = null;
        notifyAll();
    }

    synchronized Connection current() {
        return current;
    }

    /** The open connection, waiting as long as needed; null once the slot is closed. */
    synchronized Connection await() throws InterruptedException {
        while (current == null && !closed) {
            wait();
        }
        return current;
    }

    /** Like {@link #await()}, but gives up with null after {@code timeout}. */
    synchronized Connection await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (current == null && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return current;
    }
}
