package dev.summonersim.harness.conformance;

import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.testkit.LfLines;
import dev.summonersim.testkit.check.ObservedEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A peer of the agent under test: sends prompts as the sdk does and keeps every line it receives with its arrival
 * time, so verdicts are computed afterwards from what arrived and measurements from when.
 */
final class Listener implements AutoCloseable {

    /** One received line with its arrival time ({@link System#nanoTime()}) and 1-based arrival number. */
    record Arrival(long number, long nanos, String line, ReceivedMessage message) {

        Optional<ObservedEvent> event() {
            return message instanceof RelayMessage relayed
                    ? ObservedEvent.fromPayload(number, relayed.content()) : Optional.empty();
        }

        Optional<String> sender() {
            return message instanceof RelayMessage relayed ? Optional.of(relayed.remoteAddr()) : Optional.empty();
        }
    }

    private final String name;
    private final Socket socket;
    private final OutputStream out;
    private final List<Arrival> arrivals = new ArrayList<>();
    private final Thread reader;
    private final List<Long> promptNanos = new ArrayList<>();

    private Listener(String name, Socket socket) throws IOException {
        this.name = name;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "conformance-listener-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    static Listener connect(String name, InetSocketAddress relay) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(relay, 5_000);
            return new Listener(name, socket);
        } catch (IOException e) {
            socket.close();
            throw new IOException("listener " + name + " cannot connect to " + relay + ": " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    /** What the relay shows as this peer's remote_addr. */
    String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    /** Sends a prompt as one sdk envelope line. */
    synchronized void send(String prompt) throws IOException {
        promptNanos.add(System.nanoTime());
        out.write(EnvelopeCodec.encode(prompt).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    synchronized List<Long> promptTimes() {
        return List.copyOf(promptNanos);
    }

    synchronized List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    /** The stream events received so far, in arrival order. */
    List<ObservedEvent> events() {
        List<ObservedEvent> events = new ArrayList<>();
        for (Arrival a : arrivals()) {
            a.event().ifPresent(events::add);
        }
        return events;
    }

    long terminals() {
        return events().stream().filter(ObservedEvent::isTerminal).count();
    }

    long tokens() {
        return events().stream().filter(e -> ObservedEvent.TOKEN.equals(e.type())).count();
    }

    boolean received(String text) {
        return arrivals().stream().anyMatch(a -> a.line().equals(text));
    }

    /** Waits for the relay to close the connection (after its shutdown notice), then closes this end. */
    void awaitEnd(java.time.Duration timeout) {
        try {
            reader.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
            reader.join(5_000);
        } catch (IOException e) {
            // closing a socket that is already gone
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Splits on LF only, as the sdk does; a last line without LF is kept. */
    private void readLoop() {
        try {
            LfLines.read(socket.getInputStream(), this::deliver);
        } catch (IOException e) {
            // the relay closed or reset the connection, or close() was called: what arrived is kept
        }
    }

    private void deliver(String text) {
        long now = System.nanoTime();
        synchronized (this) {
            arrivals.add(new Arrival(arrivals.size() + 1, now, text, MessageDecoder.decode(text)));
        }
    }
}
