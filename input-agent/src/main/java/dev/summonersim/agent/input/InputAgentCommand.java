package dev.summonersim.agent.input;

import dev.summonersim.agent.input.prompt.FixedPromptSource;
import dev.summonersim.agent.input.prompt.PromptSource;
import dev.summonersim.agent.input.prompt.StreamPromptSource;
import dev.summonersim.agent.input.view.MessageView;
import dev.summonersim.agent.input.view.PlainScreen;
import dev.summonersim.agent.input.view.PrintAboveStream;
import dev.summonersim.agent.input.view.Screen;
import dev.summonersim.agent.input.view.ViewMode;
import dev.summonersim.sdk.cli.ClientConfigOptions;
import dev.summonersim.sdk.cli.OneLineErrors;
import dev.summonersim.sdk.config.ClientConfig;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "input-agent",
        mixinStandardHelpOptions = true,
        version = "input-agent 0.1.0 (Summoner SDK wire 1.3.0)",
        sortOptions = false,
        usageHelpWidth = 100,
        description = {
            "Sends prompts to a Summoner relay and shows everything that arrives.",
            "",
            "Interactive (stdin and stdout are a terminal, no --send): type at the \"> \" prompt, with line editing "
                    + "and history; received messages appear above the prompt. Ctrl-D or Ctrl-C quits.",
            "Scriptable: --send TEXT (stdin is then never read), or prompts piped in line by line. Sending is done "
                    + "at the end of the --send values or of the pipe; without --exit-after-streams the agent "
                    + "then exits, with it the agent keeps receiving until that many streams ended.",
            "",
            "What is sent follows the reference InputAgent: input that parses as JSON (after removing newlines) is "
                    + "sent as that value (42 as an int, {\"a\": 1} as a dict), anything else as the string, "
                    + "and \"null\" sends nothing.",
            "Console logs go to stderr (interactive: above the prompt), plus the log file if the config enables "
                    + "one; stdout carries only received messages.",
            ""
        },
        footer = {
            "",
            "Exit codes: 0 done, 1 connection failed or lost for good, 2 bad option or config, "
                    + "3 --timeout-s elapsed, 130 Ctrl-C or SIGINT, 143 SIGTERM.",
            "Example: input-agent --send \"How are you?\" --exit-after-streams 1 --timeout-s 30"
        })
public final class InputAgentCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientConfigOptions relay;

    @Option(names = "--multiline", paramLabel = "0|1", defaultValue = "0",
            description = "1: a line ending in a backslash continues on the next line (prompt \"~ \"); the "
                    + "backslash is dropped and the lines are joined with a newline. Applies to typed and piped "
                    + "input, not to --send. Default: ${DEFAULT-VALUE}.")
    String multiline;

    @Option(names = "--view", paramLabel = "raw|text", defaultValue = "raw",
            description = "raw: exactly the reference's output, \"\\r[Received] <text>\\n> \" per message. "
                    + "text: streams as live text, one labelled line per stream id, with a footer "
                    + "\"[stream_end] N tokens in S s\" (or the cancel/error reason). Default: ${DEFAULT-VALUE}.")
    String view;

    @Option(names = "--stall-after-ms", paramLabel = "N", defaultValue = "5000",
            description = "Text view: a stream with no event for N ms and no stream_end (or cancel/error) is marked "
                    + "\"[stalled] no event for S s after N tokens\" (a relay's rate limit can drop the rest of a "
                    + "long stream). Default: ${DEFAULT-VALUE}.")
    long stallAfterMs;

    @Option(names = "--send", paramLabel = "TEXT",
            description = "Send TEXT as one input (repeatable, in order). With --send, stdin is not read.")
    List<String> sends = new ArrayList<>();

    @Option(names = "--exit-after-streams", paramLabel = "N",
            description = "Exit 0 once N streams (any stream_id) reached stream_end, stream_cancelled or "
                    + "stream_error; keeps receiving after the input ended until then.")
    Integer exitAfterStreams;

    @Option(names = "--timeout-s", paramLabel = "N",
            description = "Exit 3 if not done within N seconds.")
    Long timeoutSeconds;

    /** For launchers that start other processes first (bin/scenario): validate the options, connect nowhere. */
    @Option(names = "--check-options", hidden = true)
    boolean checkOptionsOnly;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with the project's one-line answers to bad input. */
    public static CommandLine commandLine() {
        return OneLineErrors.install(new CommandLine(new InputAgentCommand()));
    }

    @Override
    public Integer call() throws IOException {
        InputAgentSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        if (checkOptionsOnly) {
            return ExitStatus.DONE.code();
        }
        boolean interactive = sends.isEmpty() && System.console() != null;
        if (interactive) {
            try (InteractiveTerminal terminal = InteractiveTerminal.openSystem()) {
                ConsoleLogging.configure(settings.clientName(), settings.clientConfig().logger(),
                        new PrintAboveStream(terminal.reader()));
                return run(settings, terminal.prompts(settings.multiline()), terminal.screen());
            }
        }
        ConsoleLogging.configureToStderr(settings.clientName(), settings.clientConfig().logger());
        PromptSource prompts = sends.isEmpty()
                ? new StreamPromptSource(System.in, settings.multiline())
                : new FixedPromptSource(sends);
        return run(settings, prompts, new PlainScreen(new FileOutputStream(FileDescriptor.out)));
    }

    private int run(InputAgentSettings settings, PromptSource prompts, Screen screen) {
        InputAgent agent = InputAgent.start(settings, prompts,
                MessageView.of(settings.view(), screen, settings.stallAfter()));
        Thread hook = new Thread(() -> {
            try {
                agent.close();
            } catch (IllegalStateException e) {
                // the JVM is exiting anyway; the message says what did not stop
                System.err.println("input-agent: " + e.getMessage());
            }
        }, "input-agent-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        ExitStatus status = agent.exitStatus().join();
        if (status != ExitStatus.DONE && status != ExitStatus.INTERRUPTED) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("input-agent: " + agent.failureReason());
            err.flush();
        }
        return status.code();
    }

    InputAgentSettings settings() {
        ClientConfig clientConfig = relay.load().config();
        if (exitAfterStreams != null && exitAfterStreams < 1) {
            throw new IllegalArgumentException("--exit-after-streams must be at least 1, got " + exitAfterStreams);
        }
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new IllegalArgumentException("--timeout-s must be at least 1, got " + timeoutSeconds);
        }
        if (stallAfterMs < 1) {
            throw new IllegalArgumentException("--stall-after-ms must be at least 1, got " + stallAfterMs);
        }
        return InputAgentSettings.builder()
                .clientConfig(clientConfig)
                .multiline(parseMultiline(multiline))
                .view(parseView(view))
                .exitAfterStreams(exitAfterStreams)
                .timeout(timeoutSeconds == null ? null : Duration.ofSeconds(timeoutSeconds))
                .stallAfter(Duration.ofMillis(stallAfterMs))
                .build();
    }

    private static boolean parseMultiline(String value) {
        return switch (value) {
            case "0" -> false;
            case "1" -> true;
            default -> throw new IllegalArgumentException("--multiline must be 0 or 1, got '" + value + "'");
        };
    }

    private static ViewMode parseView(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "raw" -> ViewMode.RAW;
            case "text" -> ViewMode.TEXT;
            default -> throw new IllegalArgumentException("--view must be raw or text, got '" + value + "'");
        };
    }
}
