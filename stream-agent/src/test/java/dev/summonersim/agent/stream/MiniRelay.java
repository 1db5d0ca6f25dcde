package dev.summonersim.agent.stream;

import dev.summonersim.sdk.wire.RelayFlavour;
import dev.summonersim.sdk.wire.RelayFrameCodec;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal line relay for tests, wire-compatible with the Rust-flavour relay: every line a client sends goes to
 * every other client as {@code {"content":"<line>","remote_addr":"<ip:port>"}}, in order per sender.
 */
final class MiniRelay implements AutoCloseable {

    private final ServerSocket server;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();

    private MiniRelay(ServerSocket server) {
        this.server = server;
    }

    static MiniRelay start() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            MiniRelay relay = new MiniRelay(server);
            Thread acceptor = new Thread(relay::acceptLoop, "mini-relay-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return relay;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Peer peer = new Peer(socket);
                peers.add(peer);
                Thread reader = new Thread(() -> readLoop(peer), "mini-relay-peer");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void readLoop(Peer from) {
        String addr = RelayFrameCodec.formatAddress((InetSocketAddress) from.socket.getRemoteSocketAddress());
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(from.socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                byte[] frame = RelayFrameCodec.encode(RelayFlavour.RUST, addr, line).getBytes(StandardCharsets.UTF_8);
                for (Peer to : peers) {
                    if (to != from) {
                        to.write(frame);
                    }
                }
            }
        } catch (IOException e) {
            // peer went away
        } finally {
            peers.remove(from);
            from.close();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        peers.forEach(Peer::close);
    }

    private static final class Peer {
        final Socket socket;

        Peer(Socket socket) {
            this.socket = socket;
        }

        synchronized void write(byte[] frame) {
            try {
                OutputStream out = socket.getOutputStream();
                out.write(frame);
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
