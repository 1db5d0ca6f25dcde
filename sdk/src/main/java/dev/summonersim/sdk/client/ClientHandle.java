package dev.summonersim.sdk.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A started {@link SummonerClient}. {@link #close()} stops it and waits (bounded) until its threads have ended. */
public final class ClientHandle implements AutoCloseable {
    /** How long {@link #close()} waits for the client's threads before it fails. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final ClientRuntime runtime;

    ClientHandle(ClientRuntime runtime) {
        this.runtime = runtime;
    }

    /** True once connected (now or within {@code timeout}); false on timeout or when the client has stopped. */
    public boolean awaitConnected(Duration timeout) {
        return runtime.awaitConnected(timeout);
    }

    /** The local address of the current connection, or null while not connected. */
    public InetSocketAddress localAddress() {
        Connection connection = runtime.currentConnection();
        return connection == null ? null : connection.localAddress();
    }

    /** False once the client has stopped, by {@link #close()} or because it ran out of reconnection attempts. */
    public boolean isRunning() {
        return runtime.isRunning();
    }

    public boolean awaitTermination(Duration timeout) {
        return runtime.awaitTermination(timeout);
    }

    /**
     * Completes once the client's threads have ended, with the exit code: 0 after a requested stop, non-zero when
     * the client gave up reconnecting. Lets callers react to the end without a thread that polls
     * {@link #awaitTermination(Duration)}. Dependent actions run on the client's last thread (or the caller's, if it
     * has already ended); use an async variant for anything that blocks.
     */
    public CompletableFuture<Integer> terminated() {
        return runtime.termination();
    }

    /**
     * Stops the loops, interrupts send handlers and closes the socket. Waits up to {@link #CLOSE_TIMEOUT}; called
     * from one of the client's own handlers it only asks them to stop.
     *
     * @throws IllegalStateException naming the stuck threads when they did not end in time
     */
    @Override
    public void close() {
        runtime.close(CLOSE_TIMEOUT);
    }

    /** 0 after a requested stop, non-zero when the client gave up reconnecting. */
    int exitCode() {
        return runtime.exitCode();
    }

    @Override
    public String toString() {
        return "ClientHandle[" + runtime.name() + (isRunning() ? ", running" : ", stopped") + "]";
    }
}
