package dev.summonersim.testkit;

import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.protocol.EnvelopeCodec;
import dev.summonersim.sdk.protocol.MessageDecoder;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import dev.summonersim.sdk.protocol.RelayMessage;
import dev.summonersim.sdk.protocol.TextMessage;
import dev.summonersim.sdk.text.PeerText;
import dev.summonersim.testkit.check.ObservedEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A relay peer for tests: a plain socket on 127.0.0.1 whose reader thread decodes every received line with the sdk
 * decoder and records it in a deque. Tests take messages with a timeout and end with {@link #assertExhausted()}
 * ({@link SummonerStack} calls it after each test), so a message nobody expected fails the test instead of passing
 * unnoticed. Modelled on OkHttp's {@code EventSourceRecorder}.
 */
public final class RecordingClient implements AutoCloseable {

    /** How long the taking methods without a timeout wait: generous, the build machine may be busy. */
    public static final Duration DEFAULT_WAIT = Eventually.PATIENCE;

    /** One received line, decoded, with its arrival number (1-based, per client) and arrival time. */
    public record Received(long arrival, long nanos, String line, ReceivedMessage message) {

        /** The stream event inside, as the checker reads it, if this is a relayed stream event. */
        public Optional<ObservedEvent> event() {
            return message instanceof RelayMessage relayed
                    ? ObservedEvent.fromPayload(arrival, relayed.content()) : Optional.empty();
        }

        /** The stream event inside, as the sdk types it, if this is a well-formed relayed stream event. */
        public Optional<StreamEvent> streamEvent() {
            return message instanceof RelayMessage relayed ? StreamEvent.fromContent(relayed.content())
                    : Optional.empty();
        }
    }

    private final String name;
    private final Socket socket;
    private final OutputStream out;
    private final BlockingDeque<Received> inbox = new LinkedBlockingDeque<>();
    private final List<Received> passedOver = new ArrayList<>();
    private final AtomicReference<Throwable> readerFailure = new AtomicReference<>();
    private final AtomicLong arrivals = new AtomicLong();
    private final Thread reader;
    private volatile boolean closing;

    private RecordingClient(String name, Socket socket) throws IOException {
        this.name = name;
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.reader = new Thread(this::readLoop, "recording-client-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects to a relay on 127.0.0.1. Prefer {@link SummonerStack#client(String)}, which also awaits registration. */
    public static RecordingClient connect(String name, int port) {
        try {
            Socket socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            return new RecordingClient(name, socket);
        } catch (IOException e) {
            throw new IllegalStateException("client " + name + " cannot connect to 127.0.0.1:" + port + ": " + e, e);
        }
    }

    public String name() {
        return name;
    }

    /** What peers see as this client's remote_addr. */
    public String address() {
        return RelayFrameCodec.formatAddress((InetSocketAddress) socket.getLocalSocketAddress());
    }

    /** Sends one payload as the sdk does: one envelope line. */
    public void send(Object payload) {
        String line = EnvelopeCodec.encode(payload);
        if (line != null) {
            sendRaw(line);
        }
    }

    /** Sends bytes as they are (add the LF yourself). */
    public synchronized void sendRaw(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("client " + name + " cannot send: " + e, e);
        }
    }

    /** The next message, whatever it is; fails the test when none arrives in time. */
    public Received next(Duration timeout) {
        Received received = pollOrNull(timeout);
        if (received == null) {
            throw new AssertionError("client " + name + ": no message within " + timeout.toMillis() + " ms");
        }
        return received;
    }

    /** The next received line, without its LF; fails the test when none arrives in time. */
    public String takeLine(Duration timeout) {
        return next(timeout).line();
    }

    /** The next message must be this raw text line (for example a relay warning). */
    public Received assertNextText(String expected) {
        Received received = next(DEFAULT_WAIT);
        if (!(received.message() instanceof TextMessage text) || !text.text().equals(expected)) {
            throw new AssertionError("client " + name + ": expected text line \"" + PeerText.oneLine(expected)
                    + "\" but got " + PeerText.oneLine(received.line()));
        }
        return received;
    }

    /**
     * The next well-formed stream event. Messages before it that are not stream events (other peers' prompts,
     * server warnings) are passed over and kept in {@link #passedOver()}.
     */
    public Received awaitEvent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            Received received = left > 0 ? pollOrNull(Duration.ofNanos(left)) : null;
            if (received == null) {
                throw new AssertionError("client " + name + ": no stream event within " + timeout.toMillis()
                        + " ms (passed over: " + passedOver() + ")");
            }
            if (received.streamEvent().isPresent()) {
                return received;
            }
            synchronized (passedOver) {
                passedOver.add(received);
            }
        }
    }

    /** The next well-formed stream event, within {@link #DEFAULT_WAIT}. */
    public StreamEvent awaitEvent() {
        return awaitEvent(DEFAULT_WAIT).streamEvent().orElseThrow();
    }

    /** Stream events up to and including the terminal event (end, error or cancelled) of {@code streamId}. */
    public List<Received> eventsThroughTerminalOf(String streamId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Received> taken = new ArrayList<>();
        while (true) {
            Received received = awaitEvent(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            taken.add(received);
            StreamEvent event = received.streamEvent().orElseThrow();
            if (event.streamId().equals(streamId) && event.isTerminal()) {
                return taken;
            }
        }
    }

    /** As {@link #eventsThroughTerminalOf(String, Duration)}, the events only, within {@link #DEFAULT_WAIT}. */
    public List<StreamEvent> eventsThroughTerminalOf(String streamId) {
        return eventsThroughTerminalOf(streamId, DEFAULT_WAIT).stream()
                .map(r -> r.streamEvent().orElseThrow()).toList();
    }

    /**
     * Takes messages until {@code streams} streams reached a terminal event and returns every stream event taken,
     * in arrival order, as the checker reads them. Other messages are kept in {@code others} when given (else in
     * {@link #passedOver()}).
     */
    public List<ObservedEvent> eventsUntilTerminals(int streams, Duration timeout, List<Received> others) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ObservedEvent> events = new ArrayList<>();
        int terminals = 0;
        while (terminals < streams) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("client " + name + ": " + terminals + " of " + streams
                        + " streams ended within " + timeout.toMillis() + " ms; events so far: " + events);
            }
            Received received = pollOrNull(Duration.ofNanos(left));
            if (received == null) {
                continue;
            }
            Optional<ObservedEvent> event = received.event();
            if (event.isPresent()) {
                events.add(event.get());
                if (event.get().isTerminal()) {
                    terminals++;
                }
            } else if (others != null) {
                others.add(received);
            } else {
                synchronized (passedOver) {
                    passedOver.add(received);
                }
            }
        }
        return events;
    }

    public List<ObservedEvent> eventsUntilTerminals(int streams) {
        return eventsUntilTerminals(streams, DEFAULT_WAIT, null);
    }

    /** Messages that {@link #awaitEvent} and {@link #eventsUntilTerminals} took but that were not stream events. */
    public List<Received> passedOver() {
        synchronized (passedOver) {
            return List.copyOf(passedOver);
        }
    }

    /** Everything that arrives within {@code quiet} of the previous message, then stops. */
    public List<Received> drain(Duration quiet) {
        List<Received> drained = new ArrayList<>();
        Received received;
        while ((received = pollOrNull(quiet)) != null) {
            drained.add(received);
        }
        return drained;
    }

    /** No stream event arrives within {@code quiet} (other messages are passed over). */
    public void assertNoEventWithin(Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        long left;
        while ((left = deadline - System.nanoTime()) > 0) {
            Received received = pollOrNull(Duration.ofNanos(left));
            if (received == null) {
                return;
            }
            if (received.streamEvent().isPresent()) {
                throw new AssertionError("client " + name + ": unexpected stream event #" + received.arrival() + ": "
                        + PeerText.oneLine(received.line()));
            }
            synchronized (passedOver) {
                passedOver.add(received);
            }
        }
    }

    /** How many received messages wait to be taken. */
    public int waiting() {
        return inbox.size();
    }

    /** No message is waiting: everything that arrived was taken by the test. */
    public void assertExhausted() {
        rethrowReaderFailure();
        Received extra = inbox.peek();
        if (extra != null) {
            throw new AssertionError("client " + name + ": unexpected message #" + extra.arrival() + ": "
                    + PeerText.oneLine(extra.line()) + " (" + inbox.size() + " waiting)");
        }
    }

    /** True while the relay has not closed the connection. */
    public boolean isConnected() {
        return reader.isAlive();
    }

    /** Closes with a TCP reset instead of a FIN, as a crashing peer does. */
    public void abort() {
        closing = true;
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException("client " + name + ": abort failed: " + e, e);
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
            reader.join(5_000);
        } catch (IOException e) {
            throw new IllegalStateException("client " + name + ": close failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (reader.isAlive()) {
            throw new AssertionError("client " + name + ": reader thread did not stop within 5 s");
        }
    }

    private Received pollOrNull(Duration timeout) {
        rethrowReaderFailure();
        try {
            Received received = inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (received == null) {
                rethrowReaderFailure();
            }
            return received;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a message", e);
        }
    }

    /** Splits on LF only (a CR is content), and delivers a last line that the peer closed without LF. */
    private void readLoop() {
        try {
            LfLines.read(socket.getInputStream(), this::deliver);
        } catch (SocketException e) {
            if (!closing && !String.valueOf(e.getMessage()).contains("reset")) {
                readerFailure.compareAndSet(null, e);
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                readerFailure.compareAndSet(null, e);
            }
        }
    }

    private void deliver(String line) {
        long now = System.nanoTime();
        inbox.add(new Received(arrivals.incrementAndGet(), now, line, MessageDecoder.decode(line)));
    }

    private void rethrowReaderFailure() {
        Throwable failure = readerFailure.get();
        if (failure != null) {
            throw new AssertionError("client " + name + ": reader thread failed: " + failure, failure);
        }
    }

    @Override
    public String toString() {
        return "RecordingClient[" + name + " " + address() + "]";
    }
}
