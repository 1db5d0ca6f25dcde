package dev.summonersim.agent.stream.send;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The send strategies selectable on the command line, with the client name each mode gets by default. */
public enum SendMode {
    POLLING("StreamAgent_1"),
    TIMEOUT("StreamAgent_0"),
    BLOCKING("StreamAgent_1");

    private final String defaultAgentName;

    SendMode(String defaultAgentName) {
        this.defaultAgentName = defaultAgentName;
    }

    /** The reference names the agent after its send strategy: StreamAgent_0 waits with a timeout, _1 polls. */
    public String defaultAgentName() {
        return defaultAgentName;
    }

    /** The lower-case spelling used on the command line. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public SendStrategy strategy(Duration pollInterval, Duration waitTimeout) {
        return switch (this) {
            case POLLING -> new PollingSendStrategy(pollInterval);
            case TIMEOUT -> new TimeoutSendStrategy(waitTimeout);
            case BLOCKING -> new BlockingSendStrategy();
        };
    }

    /** Parses a command-line spelling, case-insensitively. */
    public static SendMode parse(String text) {
        for (SendMode mode : values()) {
            if (mode.cliName().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown send mode '" + text + "' (expected one of: " + cliNames() + ")");
    }

    public static String cliNames() {
        return Arrays.stream(values()).map(SendMode::cliName).collect(Collectors.joining(", "));
    }
}
