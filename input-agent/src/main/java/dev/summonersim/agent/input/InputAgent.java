package dev.summonersim.agent.input;

import dev.summonersim.agent.input.prompt.FixedPromptSource;
import dev.summonersim.agent.input.prompt.PromptSource;
import dev.summonersim.agent.input.prompt.QuitRequestedException;
import dev.summonersim.agent.input.view.MessageView;
import dev.summonersim.agent.input.view.PlainScreen;
import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.client.ConnectionListener;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.wire.InputPayloads;
import dev.summonersim.sdk.wire.ReceivedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The input agent: sends every logical input from a {@link PromptSource} (the reference's send rule: JSON input as
 * its value, anything else as the string, {@code null} sends nothing) and shows every received message through a
 * {@link MessageView}. Input and output are injected, so the command line, the tests and the harness drive the
 * same code.
 *
 * <p>A run is done when sending is done (end of input) or, with {@code exitAfterStreams}, when that many streams
 * reached a terminal event; it fails when the timeout elapses first or the client gives up connecting.
 */
public final class InputAgent {
    /** Marks the end of input in the outbox (a queue cannot hold null). */
    private static final Object END_OF_INPUT = new Object();

    private final InputAgentSettings settings;
    private final PromptSource prompts;
    private final MessageView view;
    private final Logger log;
    private final StreamCompletionTracker tracker = new StreamCompletionTracker();
    private final BlockingQueue<Object> outbox = new LinkedBlockingQueue<>();
    /** First one wins: end of input, enough streams, timeout, Ctrl-C, or the client giving up. */
    private final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile String failureReason = "";

    public InputAgent(InputAgentSettings settings, PromptSource prompts, MessageView view) {
        this.settings = settings;
        this.prompts = prompts;
        this.view = view;
        this.log = LoggerFactory.getLogger(settings.clientName());
    }

    /**
     * The --send mode as an object, for the harness and tests: sends {@code inputs} in order and writes what
     * arrives to {@code stdout} in the settings' view, exactly as the command would.
     */
    public static InputAgent sending(InputAgentSettings settings, List<String> inputs, OutputStream stdout) {
        return new InputAgent(settings, new FixedPromptSource(inputs),
                MessageView.of(settings.view(), new PlainScreen(stdout)));
    }

    /** Runs until done (see class comment); returns how it ended. Call once. */
    public ExitStatus run() {
        SummonerClient client = SummonerClient.builder(settings.clientName())
                .config(settings.clientConfig())
                .host(settings.host())
                .port(settings.port())
                .onReceive(this::onMessage)
                .onSend(this::nextPayload)
                .listener(new ConnectionLog())
                .build();
        try (ClientHandle handle = client.start()) {
            startDaemon("input-agent-prompts", this::readPrompts);
            startDaemon("input-agent-connection-watch", () -> watchConnection(handle));
            Outcome result = awaitOutcome();
            failureReason = result.reason();
            return result.status();
        } finally {
            prompts.close();
            finished.countDown();
        }
    }

    /** Ends a running {@link #run()} with {@link ExitStatus#INTERRUPTED} and waits briefly for it to clean up. */
    public void interrupt(Duration cleanupWait) {
        outcome.complete(Outcome.of(ExitStatus.INTERRUPTED));
        try {
            finished.await(cleanupWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Why the run did not end with {@link ExitStatus#DONE}; empty otherwise. */
    public String failureReason() {
        return failureReason;
    }

    private Outcome awaitOutcome() {
        try {
            Optional<Duration> timeout = settings.timeout();
            if (timeout.isEmpty()) {
                return outcome.get();
            }
            return outcome.get(timeout.get().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            String streams = settings.exitAfterStreams()
                    .map(n -> " (" + tracker.finishedCount() + " of " + n + " streams finished)")
                    .orElse(" (input not finished)");
            outcome.complete(new Outcome(ExitStatus.TIMED_OUT,
                    "timed out after " + settings.timeout().orElseThrow().toSeconds() + " s" + streams));
            return outcome.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.of(ExitStatus.INTERRUPTED);
        } catch (ExecutionException e) {
            return new Outcome(ExitStatus.CONNECTION_FAILED, String.valueOf(e.getCause()));
        }
    }

    private void onMessage(ReceivedMessage message) {
        view.show(message);
        int finishedStreams = tracker.observe(message);
        settings.exitAfterStreams().ifPresent(n -> {
            if (finishedStreams >= n) {
                outcome.complete(Outcome.of(ExitStatus.DONE));
            }
        });
    }

    /**
     * The client's send handler: one payload per call. The client calls again only after handing the previous
     * payload on, so seeing the end marker means everything typed before it was passed to the client.
     */
    private Object nextPayload() throws InterruptedException {
        Object next = outbox.take();
        if (next != END_OF_INPUT) {
            return next;
        }
        if (settings.exitAfterStreams().isEmpty()) {
            outcome.complete(Outcome.of(ExitStatus.DONE));
        }
        // Nothing more to send, ever: park until shutdown interrupts this thread.
        new CountDownLatch(1).await();
        return null;
    }

    private void readPrompts() {
        try {
            Optional<String> input;
            while ((input = prompts.next()).isPresent()) {
                Optional<Object> payload = InputPayloads.fromLogicalInput(input.get());
                if (payload.isPresent()) {
                    outbox.put(payload.get());
                } else {
                    log.debug("Input 'null' sends nothing");
                }
            }
            log.debug("End of input");
        } catch (QuitRequestedException e) {
            outcome.complete(Outcome.of(ExitStatus.INTERRUPTED));
            return;
        } catch (IOException e) {
            log.error("Cannot read input: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        outbox.add(END_OF_INPUT);
    }

    private void watchConnection(ClientHandle handle) {
        while (!outcome.isDone()) {
            if (handle.awaitTermination(Duration.ofSeconds(1))) {
                outcome.complete(new Outcome(ExitStatus.CONNECTION_FAILED,
                        "the client stopped (connection failed or lost for good)"));
            }
        }
    }

    private static void startDaemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }

    private record Outcome(ExitStatus status, String reason) {
        static Outcome of(ExitStatus status) {
            return new Outcome(status, "");
        }
    }

    private final class ConnectionLog implements ConnectionListener {
        @Override
        public void onConnected(InetSocketAddress local, InetSocketAddress remote) {
            log.debug("Connected to {} from {}", remote, local);
        }

        @Override
        public void onDisconnected(String reason) {
            log.debug("Disconnected: {}", reason);
        }
    }
}
