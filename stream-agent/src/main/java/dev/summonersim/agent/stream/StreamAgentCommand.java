package dev.summonersim.agent.stream;

import dev.summonersim.agent.stream.llm.LlmSettings;
import dev.summonersim.agent.stream.send.SendMode;
import dev.summonersim.agent.stream.send.SendSettings;
import dev.summonersim.sdk.cli.ClientConfigOptions;
import dev.summonersim.sdk.cli.OneLineErrors;
import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.logging.AgentLogging;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Command line of the stream agent; {@code bin/stream-agent --help} prints the reference of every option. */
@Command(name = "stream-agent", mixinStandardHelpOptions = true, version = "stream-agent 0.1.0",
        sortOptions = false, usageHelpWidth = 100, usageHelpAutoWidth = true,
        description = {
            "Connects to a Summoner relay and answers every relayed prompt with a streamed LLM reply, sent as "
                + "stream_start, token..., stream_end events (stream_cancelled when a newer prompt replaces the "
                + "running stream, stream_error when the LLM call fails). One stream at a time.",
            "",
            "LLM: OPENAI_API_KEY and OPENAI_BASE_URL come from the environment or from a dotenv file (.env) in the "
                + "working directory (the environment wins). With neither set, an embedded LLM stub is started "
                + "in-process, so the three-terminal scenario needs no set-up. A base URL without a key uses a "
                + "placeholder key. The key is never logged.",
            ""},
        footer = {
            "",
            "Examples:",
            "  bin/stream-agent                        # StreamAgent_1: polls every 10 ms, 127.0.0.1:8888",
            "  bin/stream-agent --send-mode timeout    # StreamAgent_0: waits up to 500 ms",
            "  OPENAI_API_KEY=sk-... bin/stream-agent  # real OpenAI, gpt-4o-mini",
            "  bin/stream-agent --llm-base-url http://127.0.0.1:11434/v1 --model llama3.2",
            "",
            "Exit codes: 130 stopped by SIGINT (Ctrl-C), 143 stopped by SIGTERM (the stream and the client are closed first), "
                + "1 the client gave up reconnecting, 2 bad option or configuration."})
public final class StreamAgentCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Mixin
    ClientConfigOptions relay;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Client name used in logs. Default: StreamAgent_1, or StreamAgent_0 with --send-mode timeout.")
    String name;

    @Option(names = "--send-mode", paramLabel = "MODE", converter = SendModeConverter.class,
            completionCandidates = SendModeNames.class, defaultValue = "polling",
            description = "How the send loop waits for events: ${COMPLETION-CANDIDATES}. "
                    + "polling: sleep --interval-ms, then send one queued event if any (StreamAgent_1); "
                    + "timeout: wait up to --timeout-ms for the next event (StreamAgent_0); "
                    + "blocking: wait with no timeout, no idle wake-ups. Default: ${DEFAULT-VALUE}.")
    SendMode sendMode;

    @Option(names = "--interval-ms", paramLabel = "N", defaultValue = "10",
            description = "Polling sleep in milliseconds (at most one event per interval). Default: ${DEFAULT-VALUE}.")
    long intervalMs;

    @Option(names = "--timeout-ms", paramLabel = "N", defaultValue = "500",
            description = "Longest wait for an event in timeout mode, in milliseconds. Default: ${DEFAULT-VALUE}.")
    long timeoutMs;

    @Option(names = "--model", paramLabel = "M", defaultValue = LlmSettings.DEFAULT_MODEL,
            description = "Chat model to request. Default: ${DEFAULT-VALUE}.")
    String model;

    @Option(names = "--llm-base-url", paramLabel = "URL",
            description = "OpenAI-compatible API root such as a local Ollama or vLLM server "
                    + "(overrides OPENAI_BASE_URL). Default: OPENAI_BASE_URL, else the official OpenAI API "
                    + "when a key is set, else the embedded stub.")
    String llmBaseUrl;

    @Option(names = "--llm-read-timeout-ms", paramLabel = "N", defaultValue = "60000",
            description = "A stream silent this long fails with stream_error. Default: ${DEFAULT-VALUE}.")
    long llmReadTimeoutMs;

    @Option(names = "--llm-max-retries", paramLabel = "N", defaultValue = "2",
            description = "Client retries of a failed LLM request (429, 5xx, connection errors) before "
                    + "stream_error. Default: ${DEFAULT-VALUE}.")
    int llmMaxRetries;

    @Option(names = "--react-to-all",
            description = "Also treat other agents' stream events (stream_start, token, ...) as prompts, as the "
                    + "reference does. Off by default so two stream agents do not trigger each other.")
    boolean reactToAll;

    @Option(names = "--only-addressed",
            description = "React only to a relayed dict {\"to\": \"<this agent's --name>\", \"prompt\": \"<text>\"} and "
                    + "ignore every other message, so many agents can share one relay (our extension; "
                    + "bin/simulate uses it). Off by default: every relayed message is a prompt.")
    boolean onlyAddressed;

    @Option(names = "--event-queue-capacity", paramLabel = "N",
            defaultValue = "" + StreamAgentConfig.DEFAULT_EVENT_QUEUE_CAPACITY,
            description = "Most stream events waiting to be sent. When the queue is full the agent stops reading "
                    + "the LLM's stream until there is room (nothing is dropped; the HTTP stream is held up). "
                    + "Default: ${DEFAULT-VALUE}.")
    int eventQueueCapacity;

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public StreamAgentCommand() {
        this(System.getenv(), Path.of(""));
    }

    StreamAgentCommand(Map<String, String> environment, Path workingDirectory) {
        this.environment = environment;
        this.workingDirectory = workingDirectory;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with the project's one-line answers to bad input. */
    public static CommandLine commandLine() {
        return commandLine(new StreamAgentCommand());
    }

    static CommandLine commandLine(StreamAgentCommand command) {
        return OneLineErrors.install(new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true));
    }

    @Override
    public Integer call() {
        validate();
        ClientConfigOptions.Loaded source = relay.load(workingDirectory);
        StreamAgentConfig agentConfig = agentConfig(source.config());
        AgentLogging.configure(agentConfig.effectiveName(), agentConfig.client().logger());
        quietLibraryLoggers();
        Logger log = LoggerFactory.getLogger(agentConfig.effectiveName());
        log.info(source.source());

        StreamAgent agent = StreamAgent.start(agentConfig);
        AtomicBoolean stopRequested = new AtomicBoolean();
        Thread shutdown = new Thread(() -> {
            stopRequested.set(true);
            agent.close();
        }, agentConfig.effectiveName() + "-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        while (!agent.awaitTermination(Duration.ofHours(1))) {
            // The client stops on its own only when it gives up reconnecting; SIGINT/SIGTERM run the hook.
        }
        if (stopRequested.get()) {
            // Not the exit code: the JVM is exiting on the signal and reports 128 + its number (130, 143).
            return 0;
        }
        Runtime.getRuntime().removeShutdownHook(shutdown);
        agent.close(); // the client already logged why it gave up
        return 1;
    }

    /**
     * The embedded stub runs Jetty and WireMock in this process; their INFO lines (and the stub's per-request
     * line) would bury the agent's own log, which is the reference's user interface.
     */
    private static void quietLibraryLoggers() {
        for (String name : List.of("org.eclipse.jetty", "com.github.tomakehurst", "wiremock", "WireMock",
                "dev.summonersim.llmstub", "okhttp3")) {
            if (LoggerFactory.getLogger(name) instanceof ch.qos.logback.classic.Logger logback) {
                logback.setLevel(ch.qos.logback.classic.Level.WARN);
            }
        }
    }

    private void validate() {
        requireAtLeast("--interval-ms", intervalMs, 0);
        requireAtLeast("--timeout-ms", timeoutMs, 0);
        requireAtLeast("--llm-read-timeout-ms", llmReadTimeoutMs, 1);
        requireAtLeast("--llm-max-retries", llmMaxRetries, 0);
        requireAtLeast("--event-queue-capacity", eventQueueCapacity, 1);
        if (name != null && name.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--name must not be blank");
        }
    }

    /** The OpenAI client fails on a URL without a host with a bare NullPointerException; say what was wrong. */
    private void requireHttpUrl(String source, String url) {
        if (url == null) {
            return;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new ParameterException(spec.commandLine(), source + " '" + url
                    + "' is not an http(s) URL with a host (expected for example http://127.0.0.1:8080/v1)");
        }
    }

    private void requireAtLeast(String option, long value, long min) {
        if (value < min) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be at least " + min + ", got " + value);
        }
    }

    /** @param client the config file's values with --host/--port applied ({@link ClientConfigOptions}) */
    StreamAgentConfig agentConfig(ClientConfig client) {
        LlmEndpoint endpoint = LlmEndpoint.resolve(llmBaseUrl, environment,
                DotEnvFile.read(workingDirectory.resolve(".env")));
        requireHttpUrl(llmBaseUrl != null ? "--llm-base-url" : LlmEndpoint.BASE_URL_VARIABLE, endpoint.baseUrl());
        return StreamAgentConfig.builder()
                .name(name)
                .client(client)
                .send(SendSettings.builder()
                        .mode(sendMode)
                        .pollInterval(Duration.ofMillis(intervalMs))
                        .sendTimeout(Duration.ofMillis(timeoutMs))
                        .build())
                .llm(LlmSettings.builder()
                        .baseUrl(endpoint.baseUrl())
                        .apiKey(endpoint.apiKey())
                        .model(model)
                        .maxRetries(llmMaxRetries)
                        .readTimeout(Duration.ofMillis(llmReadTimeoutMs))
                        .build())
                .reactToAll(reactToAll)
                .onlyAddressed(onlyAddressed)
                .eventQueueCapacity(eventQueueCapacity)
                .build();
    }

    static final class SendModeConverter implements CommandLine.ITypeConverter<SendMode> {
        @Override
        public SendMode convert(String value) {
            try {
                return SendMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class SendModeNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of(SendMode.values()).stream().map(SendMode::cliName).iterator();
        }
    }
}
