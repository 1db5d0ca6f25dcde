package dev.summonersim.relay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A raw TCP client for relay tests: a reader thread splits what arrives into chunks (each complete line with its LF,
 * and at EOF the unterminated rest, such as the Python flavour's "Warning: Server disconnected.") and queues them.
 */
final class LineClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final OutputStream out;
    private final BlockingQueue<String> chunks = new LinkedBlockingQueue<>();
    private final CountDownLatch eof = new CountDownLatch(1);
    private final Thread reader;
    private volatile boolean reading = true;
    private final String address;

    private LineClient(Socket socket) throws IOException {
        this.socket = socket;
        this.address = formatLocal(socket);
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "line-client-" + socket.getLocalPort());
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static LineClient connect(int port) throws IOException {
        return connect(InetAddress.getByName("127.0.0.1"), port);
    }

    static LineClient connect(InetAddress host, int port) throws IOException {
        Socket s = new Socket();
        s.setTcpNoDelay(true);
        s.connect(new InetSocketAddress(host, port), 5000);
        return new LineClient(s);
    }

    /** A client whose reader thread never reads, so its receive buffers fill up. */
    static Socket connectNonReading(int port, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        s.setReceiveBufferSize(receiveBuffer);
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5000);
        return s;
    }

    private void readLoop() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = socket.getInputStream()) {
            int n;
            while (reading && (n = in.read(buf)) >= 0) {
                for (int i = 0; i < n; i++) {
                    line.write(buf[i]);
                    if (buf[i] == '\n') {
                        chunks.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    }
                }
            }
        } catch (IOException e) {
            // a reset ends the stream like EOF does
        } finally {
            if (line.size() > 0) {
                chunks.add(line.toString(StandardCharsets.UTF_8));
            }
            eof.countDown();
        }
    }

    /** host:port of this side, as the relay prints it. */
    String address() {
        return address;
    }

    private static String formatLocal(Socket socket) {
        InetAddress a = socket.getLocalAddress();
        String host = a.getHostAddress();
        if (host.contains(":")) {
            host = "[" + (host.equals("0:0:0:0:0:0:0:1") ? "::1" : host) + "]";
        }
        return host + ":" + socket.getLocalPort();
    }

    LineClient send(String text) throws IOException {
        return sendBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    LineClient sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** The next chunk, failing the test when none arrives in time. */
    String next() throws InterruptedException {
        return next(WAIT);
    }

    String next(Duration wait) throws InterruptedException {
        String chunk = chunks.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(chunk).as("a line within %s at %s", wait, address()).isNotNull();
        return chunk;
    }

    /** Null if nothing arrives within {@code wait}. */
    String poll(Duration wait) throws InterruptedException {
        return chunks.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean awaitEof(Duration wait) throws InterruptedException {
        return eof.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    boolean isEof() {
        return eof.getCount() == 0;
    }

    /** Chunks received and not yet taken. */
    int pending() {
        return chunks.size();
    }

    /** Closes with SO_LINGER 0, so the relay sees a reset. */
    void reset() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        reading = false;
        socket.close();
    }
}
