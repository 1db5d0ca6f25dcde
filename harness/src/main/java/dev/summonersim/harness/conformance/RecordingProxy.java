package dev.summonersim.harness.conformance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small TCP proxy in front of an external relay (a reference Python or Rust relay, say): every client of the kit
 * connects here, and each connection gets its own upstream connection. Bytes pass through unchanged both ways; every
 * line a client sends is recorded, in the relay record's format, with the address the relay sees as its sender and
 * the kit-side addresses of the other connected clients as receivers (the relay broadcasts to everyone else).
 */
final class RecordingProxy implements AutoCloseable {

    private final InetSocketAddress upstream;
    private final ServerSocket server;
    private final Path record;
    private final Map<Socket, Pair> pairs = new ConcurrentHashMap<>();
    private final List<String> lines = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    private record Pair(Socket downstream, Socket upstream, String kitAddress, String relayAddress) {
    }

    private RecordingProxy(InetSocketAddress upstream, Path record) throws IOException {
        this.upstream = upstream;
        this.record = record;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptLoop, "conformance-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static RecordingProxy start(InetSocketAddress upstream, Path record) throws IOException {
        return new RecordingProxy(upstream, record);
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.getLocalPort());
    }

    /** Clients connected through to the relay. */
    int connectedClients() {
        return pairs.size();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket downstream;
            try {
                downstream = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                Socket up = new Socket();
                up.setTcpNoDelay(true);
                up.connect(upstream, 5_000);
                downstream.setTcpNoDelay(true);
                Pair pair = new Pair(downstream, up, address(downstream.getInetAddress(), downstream.getPort()),
                        address(up.getLocalAddress(), up.getLocalPort()));
                pairs.put(downstream, pair);
                pump("up", pair, downstream.getInputStream(), up.getOutputStream(), true);
                pump("down", pair, up.getInputStream(), downstream.getOutputStream(), false);
            } catch (IOException e) {
                close(downstream);
            }
        }
    }

    private static String address(InetAddress host, int port) {
        return host.getHostAddress() + ":" + port;
    }

    private void pump(String direction, Pair pair, InputStream in, OutputStream out, boolean recordLines) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (recordLines) {
                        for (int i = 0; i < n; i++) {
                            if (buffer[i] == '\n') {
                                recordLine(pair, line.toString(StandardCharsets.UTF_8));
                                line.reset();
                            } else {
                                line.write(buffer[i]);
                            }
                        }
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed or reset: close the pair
            } finally {
                pairs.remove(pair.downstream());
                close(pair.downstream());
                close(pair.upstream());
            }
        }, "conformance-proxy-" + direction);
        t.setDaemon(true);
        t.start();
    }

    private void recordLine(Pair sender, String content) {
        List<String> receivers = new ArrayList<>();
        for (Pair p : pairs.values()) {
            if (p != sender) {
                receivers.add(p.kitAddress());
            }
        }
        StringWriter json = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(json)) {
            synchronized (lines) {
                g.writeStartObject();
                g.writeNumberField("seq", lines.size() + 1);
                g.writeStringField("sender", sender.relayAddress());
                g.writeStringField("content", content.endsWith("\r") ? content.substring(0, content.length() - 1) : content);
                g.writeArrayFieldStart("receivers");
                for (String r : receivers) {
                    g.writeString(r);
                }
                g.writeEndArray();
                g.writeEndObject();
                g.flush();
                lines.add(json.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many recorded lines the relay should have written to the kit-side client {@code address}. */
    int linesTo(String address) {
        String quoted = "\"" + address + "\"";
        synchronized (lines) {
            return (int) lines.stream().filter(l -> l.substring(l.lastIndexOf("\"receivers\"")).contains(quoted)).count();
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Closes every connection and writes the record file. */
    @Override
    public void close() {
        closed = true;
        close(server);
        pairs.values().forEach(p -> {
            close(p.downstream());
            close(p.upstream());
        });
        try {
            synchronized (lines) {
                Files.write(record, lines, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the proxy record " + record, e);
        }
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
