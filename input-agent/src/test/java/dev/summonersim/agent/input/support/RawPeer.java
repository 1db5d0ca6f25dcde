package dev.summonersim.agent.input.support;

import dev.summonersim.sdk.wire.EnvelopeCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A raw-socket client: writes envelope lines and queues every line it receives. */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        Thread reader = new Thread(this::readLoop, "test-raw-peer");
        reader.setDaemon(true);
        reader.start();
    }

    public static RawPeer connect(int port) throws IOException {
        return new RawPeer(new Socket(InetAddress.getLoopbackAddress(), port));
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Sends a payload the way an SDK client would: one envelope line. */
    public void sendPayload(Object payload) throws IOException {
        sendRaw(EnvelopeCodec.encode(payload));
    }

    /** Writes exactly these characters. */
    public synchronized void sendRaw(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next received line (without LF), or null after the timeout. */
    public String takeLine(Duration timeout) throws InterruptedException {
        return received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
