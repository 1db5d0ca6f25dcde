package dev.summonersim.sdk.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A server socket on 127.0.0.1, port 0, that hands each accepted connection to the test as a {@link Peer}. */
final class FakeRelay implements AutoCloseable {
    private final ServerSocket server;
    private final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
    private final List<Peer> peers = new ArrayList<>();
    private final Thread acceptor;

    FakeRelay() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "fake-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** A port on 127.0.0.1 that nothing listens on (bound, then released). */
    static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = server.accept();
                Peer peer = new Peer(socket);
                synchronized (peers) {
                    peers.add(peer);
                }
                accepted.add(peer);
            }
        } catch (IOException closed) {
            // the test closed the server
        }
    }

    Peer awaitPeer(Duration timeout) throws InterruptedException {
        Peer peer = accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (peer == null) {
            throw new AssertionError("no client connected within " + timeout);
        }
        return peer;
    }

    /** A connection that arrives within {@code timeout}, or null. */
    Peer pollPeer(Duration timeout) throws InterruptedException {
        return accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (peers) {
            for (Peer peer : peers) {
                peer.close();
            }
        }
    }

    /** One accepted client: lines it wrote arrive in {@link #nextLine}, {@code null} marks its EOF. */
    static final class Peer implements AutoCloseable {
        private static final String EOF = "\u0000EOF";
        private final Socket socket;
        private final OutputStream out;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
            Thread reader = new Thread(this::readLoop, "fake-relay-peer-" + socket.getPort());
            reader.setDaemon(true);
            reader.start();
        }

        private void readLoop() {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // reset or closed: same as EOF for the tests
            }
            lines.add(EOF);
        }

        int clientPort() {
            return socket.getPort();
        }

        void send(String text) {
            sendBytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void sendBytes(byte[] bytes) {
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The next line the client wrote, without LF; fails after {@code timeout} or at EOF. */
        String nextLine(Duration timeout) throws InterruptedException {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no line from the client within " + timeout);
            }
            if (line.equals(EOF)) {
                throw new AssertionError("the client closed the connection instead of writing a line");
            }
            return line;
        }

        /** Null if nothing arrives within {@code timeout} (for asserting silence), else the line or the EOF mark. */
        String pollLine(Duration timeout) throws InterruptedException {
            String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return line == null ? null : line.equals(EOF) ? "<EOF>" : line;
        }

        /** Waits until the client closed its side. */
        void awaitEof(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = lines.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("the client did not close the connection within " + timeout);
                }
                if (line.equals(EOF)) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // test cleanup
            }
        }
    }
}
