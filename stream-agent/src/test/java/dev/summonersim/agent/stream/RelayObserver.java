package dev.summonersim.agent.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.events.StreamCancelled;
import dev.summonersim.sdk.events.StreamEnd;
import dev.summonersim.sdk.events.StreamError;
import dev.summonersim.sdk.events.StreamEvent;
import dev.summonersim.sdk.wire.EnvelopeCodec;
import dev.summonersim.sdk.wire.MessageDecoder;
import dev.summonersim.sdk.wire.ReceivedMessage;
import dev.summonersim.sdk.wire.RelayFrameCodec;
import dev.summonersim.sdk.wire.RelayMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The test's peer on the relay: a plain socket that sends prompts as SDK envelope lines and decodes what it
 * receives with the sdk's MessageDecoder, keeping every stream event with its arrival time.
 */
final class RelayObserver implements AutoCloseable {

    record Received(StreamEvent event, long nanos) {
    }

    private final Socket socket;
    private final BlockingQueue<Received> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<ReceivedMessage> others = new LinkedBlockingQueue<>();

    private RelayObserver(Socket socket) {
        this.socket = socket;
    }

    static RelayObserver connect(int port) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            RelayObserver observer = new RelayObserver(socket);
            Thread reader = new Thread(observer::readLoop, "relay-observer");
            reader.setDaemon(true);
            reader.start();
            return observer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void readLoop() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                ReceivedMessage message = MessageDecoder.decode(line);
                Optional<StreamEvent> event = message instanceof RelayMessage relay
                        ? StreamEvent.fromContent(relay.content()) : Optional.empty();
                if (event.isPresent()) {
                    events.add(new Received(event.get(), now));
                } else {
                    others.add(message);
                }
            }
        } catch (IOException e) {
            // closed
        }
    }

    /** Sends a prompt the way InputAgent does: one SDK envelope line with a str payload. */
    void sendPrompt(String prompt) {
        try {
            OutputStream out = socket.getOutputStream();
            synchronized (this) {
                out.write(EnvelopeCodec.encode(prompt).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Received next(Duration timeout) throws InterruptedException {
        Received r = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(r).as("a stream event within %s", timeout).isNotNull();
        return r;
    }

    StreamEvent nextEvent() throws InterruptedException {
        return next(Duration.ofSeconds(20)).event();
    }

    /** Receives events until the terminal event (end, error or cancelled) of the given stream. */
    List<Received> throughTerminalOf(String streamId) throws InterruptedException {
        List<Received> got = new ArrayList<>();
        while (true) {
            Received r = next(Duration.ofSeconds(20));
            got.add(r);
            if (r.event().streamId().equals(streamId) && isTerminal(r.event())) {
                return got;
            }
        }
    }

    /** No further stream event arrives within {@code quiet}. */
    void assertNoMoreEvents(Duration quiet) throws InterruptedException {
        Received extra = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(extra).as("unexpected extra event").isNull();
    }

    /** This observer's address as the relay reports it to peers (remote_addr). */
    String address() {
        return RelayFrameCodec.formatAddress((java.net.InetSocketAddress) socket.getLocalSocketAddress());
    }

    BlockingQueue<ReceivedMessage> otherMessages() {
        return others;
    }

    static boolean isTerminal(StreamEvent e) {
        return e instanceof StreamEnd || e instanceof StreamError || e instanceof StreamCancelled;
    }

    static List<StreamEvent> eventsOf(List<Received> received) {
        return received.stream().map(Received::event).toList();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
