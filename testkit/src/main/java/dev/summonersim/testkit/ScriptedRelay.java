package dev.summonersim.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Plays the relay for exactly one client: records every line the client writes and writes whatever bytes the test
 * gives (relay frames from made-up senders, raw server warnings, malformed lines). For byte-exact tests of a
 * client's display and send paths, where a real relay cannot be made to write those bytes and would add ordering
 * races; everything else uses {@link SummonerStack}'s real relay.
 */
public final class ScriptedRelay implements AutoCloseable {
    private final ServerSocket server;
    private final CompletableFuture<Socket> client = new CompletableFuture<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final CountDownLatch clientGone = new CountDownLatch(1);

    private ScriptedRelay(ServerSocket server) {
        this.server = server;
        Thread t = new Thread(this::acceptOne, "scripted-relay-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    /** Listens on 127.0.0.1, on a free port. */
    public static ScriptedRelay start() {
        try {
            return new ScriptedRelay(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptOne() {
        try {
            Socket s = server.accept();
            client.complete(s);
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            client.completeExceptionally(e);
        } finally {
            clientGone.countDown();
        }
    }

    /** Returns once the client has connected; throws when it does not within {@code timeout}. */
    public void awaitClient(Duration timeout) {
        socket(timeout);
    }

    /** Waits until the client closed its side (all its lines are then recorded). */
    public boolean awaitClientGone(Duration timeout) throws InterruptedException {
        return clientGone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every line received so far, removed from the record. */
    public List<String> drainLines() {
        List<String> out = new ArrayList<>();
        lines.drainTo(out);
        return out;
    }

    /** The next line the client wrote (without LF), or null after the timeout. */
    public String takeLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes these characters to the client, once it is connected (waits up to 10 s for that). */
    public void send(String text) {
        try {
            OutputStream out = socket(Duration.ofSeconds(10)).getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the client", e);
        }
    }

    private Socket socket(Duration timeout) {
        try {
            return client.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no client connected to 127.0.0.1:" + port() + " within " + timeout.toMillis()
                    + " ms");
        } catch (ExecutionException e) {
            throw new AssertionError("accepting the client failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the client", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        // A client that never connected leaves the future failed by the closed accept; nothing to close then.
        if (client.isDone() && !client.isCompletedExceptionally()) {
            client.join().close();
        }
    }
}
