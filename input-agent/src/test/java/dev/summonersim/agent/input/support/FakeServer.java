package dev.summonersim.agent.input.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Plays the relay for exactly one client: records every line the client writes and writes any bytes the test
 * wants the client to receive (relay frames, raw server warnings). No relay in between, so no ordering races.
 */
public final class FakeServer implements AutoCloseable {
    private final ServerSocket server;
    private final CompletableFuture<Socket> client = new CompletableFuture<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final java.util.concurrent.CountDownLatch clientGone = new java.util.concurrent.CountDownLatch(1);

    private FakeServer(ServerSocket server) {
        this.server = server;
        Thread t = new Thread(this::acceptOne, "test-fake-server");
        t.setDaemon(true);
        t.start();
    }

    public static FakeServer start() throws IOException {
        return new FakeServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
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

    /** Waits until the client closed its side (all its lines are then in the queue). */
    public boolean awaitClientGone(Duration timeout) throws InterruptedException {
        return clientGone.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Every line received so far, removed from the queue. */
    public java.util.List<String> drainLines() {
        java.util.List<String> out = new java.util.ArrayList<>();
        lines.drainTo(out);
        return out;
    }

    /** The next line the client wrote (without LF), or null after the timeout. */
    public String takeLine(Duration timeout) throws InterruptedException {
        return lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Writes these characters to the client once it is connected. */
    public void send(String text) throws Exception {
        Socket s = client.get(10, TimeUnit.SECONDS);
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Blocks until the client connected. */
    public void awaitClient(Duration timeout) throws Exception {
        client.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
