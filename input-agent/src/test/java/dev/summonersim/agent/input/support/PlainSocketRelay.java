package dev.summonersim.agent.input.support;

import dev.summonersim.sdk.wire.RelayFlavour;
import dev.summonersim.sdk.wire.RelayFrameCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal relay for tests: every line from one client goes to every other client in the Rust relay's frame.
 * Enough to connect an input agent with a raw peer; the real relay lives in server-sim.
 */
public final class PlainSocketRelay implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();

    private PlainSocketRelay(ServerSocket server) {
        this.server = server;
    }

    public static PlainSocketRelay start() throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        PlainSocketRelay relay = new PlainSocketRelay(server);
        Thread acceptor = new Thread(relay::acceptLoop, "test-relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return relay;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Number of clients connected so far (closed ones included). */
    public int clientCount() {
        return clients.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                clients.add(s);
                Thread reader = new Thread(() -> relayFrom(s), "test-relay-client");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void relayFrom(Socket from) {
        String addr = RelayFrameCodec.formatAddress((InetSocketAddress) from.getRemoteSocketAddress());
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(from.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                byte[] frame = RelayFrameCodec.encode(RelayFlavour.RUST, addr, line)
                        .getBytes(StandardCharsets.UTF_8);
                for (Socket to : clients) {
                    if (to != from && !to.isClosed()) {
                        write(to, frame);
                    }
                }
            }
        } catch (IOException e) {
            // client gone
        } finally {
            clients.remove(from);
        }
    }

    private static void write(Socket to, byte[] frame) {
        try {
            synchronized (to) {
                OutputStream out = to.getOutputStream();
                out.write(frame);
                out.flush();
            }
        } catch (IOException ignored) {
            // that client is gone; the others still get the line
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : clients) {
            s.close();
        }
    }
}
