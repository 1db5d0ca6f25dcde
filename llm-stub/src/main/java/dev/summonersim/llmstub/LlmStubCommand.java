package dev.summonersim.llmstub;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.summonersim.llmstub.internal.PromptDirectives;
import dev.summonersim.llmstub.internal.RecordingDirectory;
import dev.summonersim.sdk.cli.OneLineErrors;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bin/llm-stub}: runs the stub standalone until Ctrl-C. */
@Command(name = "llm-stub", mixinStandardHelpOptions = true, version = "llm-stub 0.1.0",
        sortOptions = false, usageHelpWidth = 120,
        description = {
            "A stub of OpenAI's POST /v1/chat/completions on 127.0.0.1 that streams tokens with real timing (one SSE",
            "event per write) and fails on request. Any 'Authorization: Bearer <key>' is accepted; without one it answers",
            "OpenAI's 401. When ready it prints one line with the base URL, http://127.0.0.1:P/v1 (use it as the",
            "client's base URL / OPENAI_BASE_URL). Stop with Ctrl-C.",
            "With --proxy URL it forwards every request to that server instead and streams each answer through as it",
            "arrives; with --record-to DIR as well it writes each chat completion into DIR for a later --mappings DIR.",
            ""})
public final class LlmStubCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", description = "TCP port on 127.0.0.1 (default: ${DEFAULT-VALUE} = any free port)")
    private int port = 0;

    @Option(names = "--mappings", paramLabel = "DIR", description = "directory of JSON mapping files (*.json) with scripted replies")
    private Path mappings;

    @Option(names = "--proxy", paramLabel = "URL",
            description = "forward every /v1 request to this OpenAI-compatible base URL (e.g. https://api.openai.com/v1) and stream each answer through as it arrives")
    private String proxy;

    @Option(names = "--record-to", paramLabel = "DIR",
            description = "with --proxy: write each chat completion into DIR (created if missing) as a mapping file with per-token timing, for --mappings DIR; headers are never written")
    private Path recordTo;

    @Option(names = "--ttft-ms", paramLabel = "N|MEDIAN,P95", converter = LognormalConverter.class,
            description = "time to first token in ms: a fixed N, or a seeded lognormal draw per request with this median and p95 (default: ${DEFAULT-VALUE})")
    private Lognormal ttftMs = Lognormal.fixed(LlmStubConfig.DEFAULT_TTFT.toMillis());

    @Option(names = "--token-delay-ms", paramLabel = "N|MEDIAN,P95", converter = LognormalConverter.class,
            description = "delay between tokens in ms: a fixed N, or a seeded lognormal draw per gap (default: ${DEFAULT-VALUE})")
    private Lognormal tokenDelayMs = Lognormal.fixed(LlmStubConfig.DEFAULT_TOKEN_DELAY.toMillis());

    @Option(names = "--tokens", paramLabel = "N|MEDIAN,P95", converter = LognormalConverter.class,
            description = "answer length: the default reply becomes N numbered tokens (tok0, ' tok1', ...), or a seeded lognormal draw per request (default: the fixed default answer)")
    private Lognormal tokens;

    @Option(names = "--max-streams", paramLabel = "N",
            description = "streams open at once; each holds one thread, further requests wait, and the stub logs a warning when it is the limit (default: ${DEFAULT-VALUE})")
    private int maxStreams = LlmStubConfig.DEFAULT_MAX_OPEN_STREAMS;

    @Option(names = "--jitter-ms", paramLabel = "N", description = "vary each inter-token delay by up to +/- N ms (default: ${DEFAULT-VALUE})")
    private long jitterMs = 0;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the jitter: the same seed gives the same schedule for the same prompt (default: ${DEFAULT-VALUE})")
    private long seed = 0;

    private final CountDownLatch stopped = new CountDownLatch(1);

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with the project's one-line answers to bad input. */
    public static CommandLine commandLine() {
        CommandLine cl = OneLineErrors.install(new CommandLine(new LlmStubCommand()));
        List<String> footer = new ArrayList<>();
        footer.add("");
        footer.add("Prompt directives (anywhere in the last user message, several allowed, the last one wins):");
        PromptDirectives.HELP.lines().map(l -> "  " + l).forEach(footer::add);
        footer.add("Without directives or a matching mapping the reply is the default answer (\"I'm just a computer");
        footer.add("program, ...\") that also contains the JSON-like tokens null, 42, true and {}.");
        footer.add("");
        footer.add("Mapping files (--mappings DIR): every *.json file in DIR holds");
        footer.add("  {\"scripts\": [{\"match\": \"(?i)weather\", \"tokens\": [\"It\", \"'s\", \" sunny\"], \"ttftMs\": 100,");
        footer.add("                \"tokenDelayMs\": 20, \"fault\": {\"type\": \"reset-after\", \"after\": 2}}]}");
        footer.add("  Fault types: http (status, retryAfterMs), error-after, reset-after, malformed-after (after),");
        footer.add("  truncate (after, optional), stall (after, default 1). Instead of tokens: \"tokenCount\": N or");
        footer.add("  \"jsonLike\": true. Later scripts win when several match. Full format: llm-stub/README.md.");
        footer.add("");
        footer.add("Record and replay:");
        footer.add("  llm-stub --proxy https://api.openai.com/v1 --record-to recordings/   (clients send their real key)");
        footer.add("  llm-stub --mappings recordings/                                        (no key, no network)");
        footer.add("  One file per chat completion: {\"scripts\": [{\"prompt\": <exact last user message>, \"model\",");
        footer.add("  \"tokens\", \"ttftMs\", \"tokenDelaysMs\": [one per token], \"endDelayMs\", \"fault\" if cut}]}. Only the");
        footer.add("  prompt, model, tokens and timing are written: no header (Authorization, api-key, ...), no request body.");
        footer.add("  Upstream errors (4xx/5xx) pass through unrecorded; an unreachable upstream is a 502.");
        // Footer lines are format strings; escape any percent sign in the directive texts.
        cl.getCommandSpec().usageMessage().footer(footer.stream().map(l -> l.replace("%", "%%")).toArray(String[]::new));
        return cl;
    }

    @Override
    public Integer call() throws Exception {
        quietLibraryLogging();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        validateOptions();
        LlmStubConfig config;
        try {
            List<ChatScript> scripts = mappings == null ? List.of() : ChatScriptFiles.load(mappings);
            config = LlmStubConfig.builder().port(port).ttft(ttftMs).tokenDelay(tokenDelayMs).tokens(tokens)
                    .jitter(Duration.ofMillis(jitterMs)).seed(seed).maxOpenStreams(maxStreams)
                    .scripts(scripts).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    (mappings == null ? "" : "--mappings " + mappings + ": ") + e.getMessage(), e);
        }
        if (proxy != null) {
            config = config.toBuilder().proxy(URI.create(proxy)).recordTo(recordTo).build();
        }
        LlmStub stub;
        try {
            stub = LlmStub.start(config);
        } catch (RuntimeException e) {
            err.println("llm-stub: cannot listen on 127.0.0.1:" + port + ": " + rootMessage(e));
            return CommandLine.ExitCode.SOFTWARE;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stub.close();
            stopped.countDown();
        }, "llm-stub-shutdown"));
        out.println("llm-stub ready: " + stub.baseUrl() + (proxy != null
                ? " (proxy to " + proxy + (recordTo == null ? "" : ", recording to " + recordTo) + ")"
                : " (" + config.scripts().size() + " scripted replies, ttft " + ttftMs + " ms, " + tokenDelayMs
                        + " ms/token" + (tokens == null ? "" : ", " + tokens + " tokens") + ")"));
        out.flush();
        stopped.await();
        return CommandLine.ExitCode.OK;
    }

    private void validateOptions() {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--port must be 0..65535 (0 = any free port), got " + port);
        }
        if (maxStreams < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--max-streams must be at least 1, got "
                    + maxStreams);
        }
        if (jitterMs < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jitter-ms must be at least 0, got "
                    + jitterMs);
        }
        validateProxyOptions();
        if (mappings != null && !Files.isDirectory(mappings)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mappings " + mappings
                    + ": no such directory (expected a directory of *.json mapping files)");
        }
    }

    private void validateProxyOptions() {
        if (recordTo != null && proxy == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--record-to needs --proxy URL (the OpenAI-compatible server whose answers are recorded)");
        }
        if (proxy == null) {
            return;
        }
        URI url;
        try {
            url = new URI(proxy);
        } catch (URISyntaxException e) {
            url = null;
        }
        if (url != null && url.getRawUserInfo() != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--proxy "
                    + LlmStubConfig.CREDENTIALS_IN_PROXY_URL);
        }
        try {
            LlmStubConfig.checkProxyUrl(url == null ? URI.create("") : url);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--proxy '" + proxy
                    + "' is not an http(s) base URL (expected e.g. http://127.0.0.1:8080/v1 or https://api.openai.com/v1)");
        }
        if (mappings != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mappings cannot be used with --proxy "
                    + "(every request goes to the proxied server); replay a recording with --mappings DIR alone");
        }
        if (recordTo != null) {
            try {
                RecordingDirectory.open(recordTo);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--record-to " + recordTo + ": "
                        + e.getMessage());
            }
        }
    }

    /** {@code N} or {@code MEDIAN,P95}, both at least 0. */
    static final class LognormalConverter implements CommandLine.ITypeConverter<Lognormal> {
        @Override
        public Lognormal convert(String value) {
            try {
                return Lognormal.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage()
                        + " (expected N >= 0, or MEDIAN,P95 with 0 < MEDIAN <= P95)");
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Without a logback.xml Logback logs everything at DEBUG; Jetty and WireMock would drown the demo. */
    private static void quietLibraryLogging() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
            context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
            context.getLogger("wiremock").setLevel(Level.WARN);
            context.getLogger("com.github.tomakehurst").setLevel(Level.WARN);
        }
    }
}
