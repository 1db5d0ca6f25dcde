package dev.summonersim.sdk.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.slf4j.Marker;

import java.util.List;
import java.util.Locale;

/** Level names as Python's logging module spells them, both ways. */
final class PythonLevelName {
    private PythonLevelName() {
    }

    /** The name printed for an event: WARN becomes WARNING, ERROR with the CRITICAL marker becomes CRITICAL. */
    static String of(ILoggingEvent event) {
        Level level = event.getLevel();
        if (level.toInt() == Level.WARN_INT) {
            return "WARNING";
        }
        if (level.toInt() == Level.ERROR_INT && hasCritical(event.getMarkerList())) {
            return "CRITICAL";
        }
        return level.levelStr;
    }

    private static boolean hasCritical(List<Marker> markers) {
        if (markers == null) {
            return false;
        }
        for (Marker m : markers) {
            if (m.contains(AgentLogging.CRITICAL)) {
                return true;
            }
        }
        return false;
    }

    /** The Logback level for a Python level name, or null when Python would not know the name. */
    static Level parse(String pythonName) {
        return switch (pythonName == null ? "" : pythonName.toUpperCase(Locale.ROOT)) {
            case "NOTSET" -> Level.TRACE; // Python: everything; TRACE is the lowest level SLF4J has
            case "DEBUG" -> Level.DEBUG;
            case "INFO" -> Level.INFO;
            case "WARNING", "WARN" -> Level.WARN;
            case "ERROR", "CRITICAL", "FATAL" -> Level.ERROR;
            default -> null;
        };
    }
}
