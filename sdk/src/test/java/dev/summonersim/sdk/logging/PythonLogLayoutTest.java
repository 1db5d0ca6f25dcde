package dev.summonersim.sdk.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class PythonLogLayoutTest {
    private final LoggerContext context = new LoggerContext();

    private LoggingEvent event(Level level, String message) {
        LoggingEvent e = new LoggingEvent("fqcn", context.getLogger("StreamAgent_1"), level, message, null, null);
        e.setInstant(ZonedDateTime.of(2026, 1, 30, 18, 48, 42, 192_000_000, ZoneId.systemDefault()).toInstant());
        return e;
    }

    private String render(String format, boolean colours, LoggingEvent event) {
        PythonLogLayout layout = new PythonLogLayout(format, StrftimeFormat.toFormatter("%Y-%m-%d %H:%M:%S.%f"),
                colours);
        layout.setContext(context);
        layout.start();
        return layout.doLayout(event);
    }

    @Test
    void consoleFormatOnATerminalKeepsTheReferenceColours() {
        assertThat(render(dev.summonersim.sdk.config.LoggerConfig.DEFAULT_CONSOLE_LOG_FORMAT, true,
                event(Level.INFO, "Triggering LLM streaming")))
                .isEqualTo("\u001b[92m2026-01-30 18:48:42.192\u001b[0m - \u001b[94mStreamAgent_1\u001b[0m - INFO - "
                        + "Triggering LLM streaming" + System.lineSeparator());
    }

    @Test
    void coloursAreStrippedWhenNotOnATerminal() {
        assertThat(render(dev.summonersim.sdk.config.LoggerConfig.DEFAULT_CONSOLE_LOG_FORMAT, false,
                event(Level.WARN, "x")))
                .isEqualTo("2026-01-30 18:48:42.192 - StreamAgent_1 - WARNING - x" + System.lineSeparator());
    }

    @Test
    void widthPrecisionPercentAndUnknownFields() {
        assertThat(render("[%(levelname)-8s|%(name)5.6s|%(levelname)7s] 100%% %(lineno)d %(message)s", false,
                event(Level.ERROR, "m")))
                .isEqualTo("[ERROR   |Stream|  ERROR] 100% %(lineno)d m" + System.lineSeparator());
    }

    @Test
    void exceptionStackTraceFollowsTheLine() {
        LoggingEvent e = new LoggingEvent("fqcn", context.getLogger("a"), Level.ERROR, "failed",
                new IllegalStateException("boom"), null);
        assertThat(render("%(message)s", false, e))
                .startsWith("failed" + System.lineSeparator() + "java.lang.IllegalStateException: boom");
    }
}
