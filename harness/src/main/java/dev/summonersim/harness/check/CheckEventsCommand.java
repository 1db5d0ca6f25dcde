package dev.summonersim.harness.check;

import dev.summonersim.sdk.cli.OneLineErrors;
import dev.summonersim.sdk.text.PeerText;
import dev.summonersim.testkit.check.CheckReport;
import dev.summonersim.testkit.check.DeliveryComparison;
import dev.summonersim.testkit.check.EventSources;
import dev.summonersim.testkit.check.ExpectedScript;
import dev.summonersim.testkit.check.ObservedEvent;
import dev.summonersim.testkit.check.StreamInvariantChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bin/check-events}: checks a recorded event stream against the streaming invariants. */
@Command(name = "check-events", mixinStandardHelpOptions = true, version = "check-events 0.1.0",
        sortOptions = false,
        description = {
            "Checks the stream events one receiver saw against the streaming invariants: per stream_id, stream_start "
                    + "first; exactly one terminal event (stream_end, stream_cancelled or stream_error) and nothing after it; "
                    + "tokens only in between; stream_id a UUID, never reused; and, with --expect-*, the token text of each "
                    + "stream equal to its script (a prefix of it for cancelled or failed streams).",
            "",
            "FILE is either the relay's --record file (JSON Lines) or the raw output of an InputAgent "
                    + "(lines like '[Received] {'type': 'token', ...}'), detected automatically.",
            "",
            "With --against RECORD, FILE is also compared with what was emitted, as the relay's --record file RECORD "
                    + "shows it: no script needed. Every emitted event FILE lacks is LOST, every extra copy DUPLICATED, "
                    + "every arrival out of the emitted order REORDERED, each with its position on both sides.",
            ""},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no violations", "1:violations found (each printed with the offending event), or with --against "
                + "events lost, duplicated or reordered",
            "2:usage error or unreadable file"},
        footerHeading = "%nExample:%n",
        footer = {"  bin/check-events --expect-text \"Hello world\" relay-record.jsonl",
            "  bin/check-events --against relay-record.jsonl input-agent-output.txt"})
public final class CheckEventsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "relay record (JSON Lines) or InputAgent output")
    Path file;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "auto, record or input-agent (default: ${DEFAULT-VALUE})",
            converter = FormatConverter.class)
    EventSources.Format format;

    @Option(names = "--expect-text", paramLabel = "TEXT",
            description = "expected text of the next stream, in order of appearance (repeatable)")
    List<String> expectedTexts = new ArrayList<>();

    @Option(names = "--expect-tokens", paramLabel = "JSON",
            description = "expected tokens of the next stream as a JSON list of strings, e.g. '[\"Hi\", \" there\"]' "
                    + "(repeatable; explains differences as lost, duplicated or reordered tokens)")
    List<String> expectedTokens = new ArrayList<>();

    @Option(names = "--against", paramLabel = "RECORD",
            description = "the relay's --record file: compare FILE with the events it shows were emitted")
    Path against;

    @Option(names = "--receiver", paramLabel = "ADDR",
            description = "with --against: only the frames the relay wrote to this receiver (host:port as in the "
                    + "record's receivers)")
    String receiver;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command with the project's one-line answers to bad input. */
    public static CommandLine commandLine() {
        return OneLineErrors.install(new CommandLine(new CheckEventsCommand()));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!expectedTexts.isEmpty() && !expectedTokens.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give either --expect-text or --expect-tokens, not both");
        }
        List<ExpectedScript> scripts = new ArrayList<>();
        expectedTexts.forEach(t -> scripts.add(ExpectedScript.ofText(t)));
        for (String json : expectedTokens) {
            try {
                scripts.add(ExpectedScript.ofTokensJson(json));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--expect-tokens " + json + ": " + e.getMessage() + " (expected a JSON array of strings)", e);
            }
        }
        List<ObservedEvent> events;
        try {
            events = EventSources.read(file, format);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "FILE " + file + ": "
                    + (e instanceof NoSuchFileException ? "no such file" : "cannot read it (" + e.getMessage() + ")"), e);
        }
        if (receiver != null && against == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--receiver needs --against RECORD");
        }
        boolean textView = looksLikeTextView(file);
        if (events.isEmpty() || textView && events.stream().allMatch(e -> e.malformation() != null)) {
            // A check of nothing must not pass: an empty file, the wrong --format or the text view's output
            // (whose lines are not events at all, so reporting them as malformed events would mislead).
            out.println(file + ": no stream events found (expected stream_start, token and stream_end events: a relay "
                    + "--record file, or the input agent's raw-view output)" + (textView
                    ? "; this looks like the input agent's text view, and only the raw view (--view raw, the default) "
                    + "can be checked" : ""));
            out.flush();
            return 1;
        }
        StreamInvariantChecker checker = scripts.isEmpty()
                ? StreamInvariantChecker.structural() : StreamInvariantChecker.expecting(scripts);
        CheckReport report = checker.check(events);
        out.println(file + ": " + report.describe());
        boolean clean = report.isClean();
        if (against != null) {
            List<ObservedEvent> emitted;
            try {
                emitted = EventSources.fromRecord(java.nio.file.Files.readString(against), receiver);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--against " + against + ": "
                        + (e instanceof NoSuchFileException ? "no such file" : "cannot read it (" + e.getMessage() + ")"), e);
            }
            List<DeliveryComparison.Discrepancy> differences = DeliveryComparison.compare(emitted, events);
            out.println(file + " against " + against + ": " + emitted.size() + " emitted, " + events.size()
                    + " received, " + differences.size() + (differences.size() == 1 ? " difference" : " differences"));
            differences.forEach(d -> out.println("  " + PeerText.sanitize(d.toString())));
            clean &= differences.isEmpty();
        }
        out.flush();
        return clean ? 0 : 1;
    }

    private static final Pattern TEXT_VIEW_LINE = Pattern.compile(
            "\\[(stream_end|stream_cancelled|stream_error|stalled)\\] ");

    private static boolean looksLikeTextView(Path file) {
        try {
            return TEXT_VIEW_LINE.matcher(Files.readString(file, StandardCharsets.UTF_8)).find();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    static final class FormatConverter implements CommandLine.ITypeConverter<EventSources.Format> {
        @Override
        public EventSources.Format convert(String value) {
            try {
                return EventSources.Format.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' (expected: auto, record or input-agent)");
            }
        }
    }
}
