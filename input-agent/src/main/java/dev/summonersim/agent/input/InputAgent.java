package dev.summonersim.agent.input;

import dev.summonersim.agent.input.prompt.FixedPromptSource;
import dev.summonersim.agent.input.prompt.InputPayloads;
import dev.summonersim.agent.input.prompt.PromptSource;
import dev.summonersim.agent.input.prompt.QuitRequestedException;
import dev.summonersim.agent.input.view.MessageView;
import dev.summonersim.agent.input.view.PlainScreen;
import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.client.ConnectionListener;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.protocol.ReceivedMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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
 * <p>{@link #start} connects in the background and returns the running agent. A run is done when sending is done
 * (end of input) or, with {@code exitAfterStreams}, when that many streams reached a terminal event; it fails when
 * the timeout elapses first or the client gives up connecting. {@link #exitStatus()} completes with how it ended,
 * once the client has stopped.
 */
public final class InputAgent implements AutoCloseable {
    /** How long {@link #close()} waits for the agent to stop before it fails. */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
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
    /** Completed after the outcome, once the client and the prompt source are closed. */
    private final CompletableFuture<ExitStatus> exit = new CompletableFuture<>();
    private final ClientHandle client;
    private volatile String failureReason = "";

    private InputAgent(InputAgentSettings settings, PromptSource prompts, MessageView view) {
        this.settings = settings;
        this.prompts = prompts;
        this.view = view;
        this.log = LoggerFactory.getLogger(settings.clientName());
        this.client = SummonerClient.builder(settings.clientName())
                .config(settings.clientConfig())
                .host(settings.host())
                .port(settings.port())
                .onReceive(this::onMessage)
                .onSend(this::nextPayload)
                .listener(new ConnectionLog())
                .build()
                .start();
    }

    /** Connects in the background and starts reading prompts; returns the running agent. */
    public static InputAgent start(InputAgentSettings settings, PromptSource prompts, MessageView view) {
        InputAgent agent = new InputAgent(settings, prompts, view);
        agent.begin();
        return agent;
    }

    /**
     * The --send mode as an object, for the harness and tests: sends {@code inputs} in order and writes what
     * arrives to {@code stdout} in the settings' view, exactly as the command would.
     */
    public static InputAgent startSending(InputAgentSettings settings, List<String> inputs, OutputStream stdout) {
        return start(settings, new FixedPromptSource(inputs),
                MessageView.of(settings.view(), new PlainScreen(stdout), settings.stallAfter()));
    }

    private void begin() {
        // Stopping closes the client and waits for its threads, so it runs on a thread of its own, never on one of
        // the client's (whose handlers complete the outcome).
        outcome.whenCompleteAsync((result, error) -> stop(result), InputAgent::runOnStopThread);
        client.terminated().thenRun(() -> outcome.complete(new Outcome(ExitStatus.CONNECTION_FAILED,
                "the client stopped (connection failed or lost for good)")));
        settings.timeout().ifPresent(timeout -> CompletableFuture.delayedExecutor(
                timeout.toMillis(), TimeUnit.MILLISECONDS).execute(() -> outcome.complete(timedOut(timeout))));
        startDaemon("input-agent-prompts", this::readPrompts);
        startDaemon("input-agent-stall-watch", this::watchStalls);
    }

    /**
     * Returns once the agent is connected to the relay.
     *
     * @throws IllegalStateException when it is not connected within {@code timeout}, or has stopped (with why)
     */
    public void awaitReady(Duration timeout) {
        if (!client.awaitConnected(timeout)) {
            throw new IllegalStateException("input agent '" + settings.clientName() + "' "
                    + (exit.isDone() || outcome.isDone() ? "stopped before it connected: " + describeEnd()
                            : "did not connect to " + settings.host() + ":" + settings.port() + " within "
                                    + timeout.toMillis() + " ms"));
        }
    }

    /** Completes with how the run ended (see class comment), after the client has stopped. */
    public CompletableFuture<ExitStatus> exitStatus() {
        return exit.copy();
    }

    /** Why the run did not end with {@link ExitStatus#DONE}; empty otherwise (and while running). */
    public String failureReason() {
        return failureReason;
    }

    /**
     * Ends a running agent with {@link ExitStatus#INTERRUPTED} (no effect once it has ended) and waits up to
     * {@link #CLOSE_TIMEOUT} for it to stop.
     *
     * @throws IllegalStateException when it did not stop in time
     */
    @Override
    public void close() {
        outcome.complete(Outcome.of(ExitStatus.INTERRUPTED));
        try {
            exit.get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("input agent '" + settings.clientName() + "' failed to stop: "
                    + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("input agent '" + settings.clientName() + "' did not stop within "
                    + CLOSE_TIMEOUT.toMillis() + " ms");
        }
    }

    private void stop(Outcome result) {
        try {
            failureReason = result.reason();
            try {
                prompts.close();
            } finally {
                client.close();
            }
            exit.complete(result.status());
        } catch (RuntimeException | Error e) {
            exit.completeExceptionally(e);
        }
    }

    private String describeEnd() {
        Outcome ended = outcome.getNow(null);
        return ended == null ? "" : ended.status() + (ended.reason().isEmpty() ? "" : " (" + ended.reason() + ")");
    }

    private Outcome timedOut(Duration timeout) {
        String streams = settings.exitAfterStreams()
                .map(n -> " (" + tracker.finishedCount() + " of " + n + " streams finished)")
                .orElse(" (input not finished)");
        return new Outcome(ExitStatus.TIMED_OUT, "timed out after " + timeout.toSeconds() + " s" + streams);
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
     * payload on, so seeing the end marker means everything typed before it was passed to the client. After it,
     * nothing is ever queued again: the next call blocks on the empty outbox until the client closes.
     */
    private Object nextPayload() throws InterruptedException {
        Object next = outbox.take();
        if (next != END_OF_INPUT) {
            return next;
        }
        if (settings.exitAfterStreams().isEmpty()) {
            outcome.complete(Outcome.of(ExitStatus.DONE));
        }
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

    private static void runOnStopThread(Runnable stop) {
        startDaemon("input-agent-stop", stop);
    }

    /** Lets the view mark silent streams; checks twice per stall time, at most once every 10 ms. */
    private void watchStalls() {
        long tickMillis = Math.max(10, Math.min(1000, settings.stallAfter().toMillis() / 2));
        while (!outcome.isDone()) {
            try {
                outcome.get(tickMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                view.checkStalls();
            } catch (InterruptedException e) {
                return;
            } catch (ExecutionException e) {
                return;
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
