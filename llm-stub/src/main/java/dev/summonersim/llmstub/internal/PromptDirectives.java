package dev.summonersim.llmstub.internal;

import dev.summonersim.llmstub.Fault;
import dev.summonersim.llmstub.StubScripts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses {@code #stub:name[=value]} directives typed in a prompt, so a person at a console can trigger faults.
 * Directives apply left to right, so when two set the same thing the last one wins.
 */
public final class PromptDirectives {

    /** One line per directive, shared by {@code --help} and error messages. */
    public static final String HELP = String.join("\n",
            "#stub:http=401|429|500|503   fail before the stream with OpenAI's error JSON (429 adds retry-after-ms)",
            "#stub:retry-after-ms=MS      answer 429 with this retry-after-ms (http=429 alone uses 200)",
            "#stub:error-after=N          send a {\"error\": ...} event after N tokens, then end without [DONE]",
            "#stub:reset-after=N          reset the TCP connection after N tokens",
            "#stub:truncate[=N]           end cleanly without finish_reason and [DONE] (after N tokens, default all)",
            "#stub:malformed-after=N      send one broken-JSON event after N tokens, then continue",
            "#stub:stall[=N]              after N tokens (default 1) send nothing more, keep the connection open",
            "#stub:ttft=MS                time to first token",
            "#stub:delay=MS               delay between tokens",
            "#stub:tokens=N               stream N tokens \"tok0\", \" tok1\", ...",
            "#stub:json-like              stream the JSON-like tokens (null, 42, true, {} ...)");

    /** The directive names of {@link #HELP}: "http, retry-after-ms, error-after, ...". */
    static final String NAMES = HELP.lines().map(l -> l.substring("#stub:".length()).split("[=\\[ ]", 2)[0])
            .collect(java.util.stream.Collectors.joining(", "));

    private static final Pattern DIRECTIVE = Pattern.compile("#stub:([A-Za-z-]*)(?:=(\\S*))?");
    private static final int MAX_TOKENS = 1_000_000;

    private final List<UnaryOperator<Reply>> changes;

    private PromptDirectives(List<UnaryOperator<Reply>> changes) {
        this.changes = List.copyOf(changes);
    }

    /**
     * @throws IllegalArgumentException naming the directive when it is unknown or its value is bad
     */
    public static PromptDirectives parse(String prompt) {
        List<UnaryOperator<Reply>> changes = new ArrayList<>();
        if (prompt != null) {
            Matcher m = DIRECTIVE.matcher(prompt);
            while (m.find()) {
                changes.add(change(m.group(0), m.group(1), m.group(2)));
            }
        }
        return new PromptDirectives(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    public Reply applyTo(Reply reply) {
        Reply r = reply;
        for (UnaryOperator<Reply> c : changes) {
            r = c.apply(r);
        }
        return r;
    }

    private static UnaryOperator<Reply> change(String text, String name, String value) {
        switch (name) {
            case "http": {
                int status = number(text, value, 0);
                if (status != 401 && status != 429 && status != 500 && status != 503) {
                    throw bad(text, "expected 401, 429, 500 or 503");
                }
                return r -> r.withFault(status == 429 && r.fault().kind() == Fault.Kind.HTTP && r.fault().status() == 429
                        ? r.fault() : Fault.http(status));
            }
            case "retry-after-ms": {
                Duration d = Duration.ofMillis(number(text, value, 0));
                return r -> r.withFault(Fault.rateLimited(d));
            }
            case "error-after": {
                int n = number(text, value, 0);
                return r -> r.withFault(Fault.errorAfter(n));
            }
            case "reset-after": {
                int n = number(text, value, 0);
                return r -> r.withFault(Fault.resetAfter(n));
            }
            case "truncate": {
                int n = value == null ? Fault.ALL_TOKENS : number(text, value, 0);
                return r -> r.withFault(Fault.truncateAfter(n));
            }
            case "malformed-after": {
                int n = number(text, value, 0);
                return r -> r.withFault(Fault.malformedAfter(n));
            }
            case "stall": {
                int n = value == null ? 1 : number(text, value, 0);
                return r -> r.withFault(Fault.stallAfter(n));
            }
            case "ttft": {
                Duration d = Duration.ofMillis(number(text, value, 0));
                return r -> r.withTtft(d);
            }
            case "delay": {
                Duration d = Duration.ofMillis(number(text, value, 0));
                return r -> r.withTokenDelay(d);
            }
            case "tokens": {
                List<String> tokens = StubScripts.numberedTokens(number(text, value, 1));
                return r -> r.withTokens(tokens);
            }
            case "json-like":
                if (value != null) {
                    throw bad(text, "takes no value");
                }
                return r -> r.withTokens(StubScripts.JSON_LIKE_TOKENS);
            default:
                // One line a client can show as the stream's error; --help has the full list with meanings.
                throw new IllegalArgumentException("unknown stub directive '" + text + "' (known: " + NAMES + ")");
        }
    }

    private static int number(String text, String value, int min) {
        if (value == null || value.isEmpty()) {
            throw bad(text, "needs a number, e.g. #stub:" + text.substring(6).replace("=", "") + "=3");
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > MAX_TOKENS * 1000) {
                throw bad(text, "expected a number >= " + min);
            }
            if (text.startsWith("#stub:tokens=") && n > MAX_TOKENS) {
                throw bad(text, "at most " + MAX_TOKENS + " tokens");
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(text, "'" + value + "' is not a whole number");
        }
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad stub directive '" + text + "': " + why);
    }
}
