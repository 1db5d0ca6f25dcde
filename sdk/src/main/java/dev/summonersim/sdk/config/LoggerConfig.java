package dev.summonersim.sdk.config;

import java.util.List;
import java.util.Locale;

/**
 * The {@code logger} section, with the reference's defaults (used when a key is missing).
 *
 * @param logLevel         Python level name, upper-cased (default "DEBUG"; unknown names log at DEBUG, as the reference)
 * @param enableConsoleLog log to stdout (default true)
 * @param consoleLogFormat Python {@code %}-style format for stdout; ANSI colours are stripped when stdout is not a
 *                         terminal (default: green time, blue name, {@code - LEVEL - message})
 * @param enableFileLog    rotating log file at {@code <logFilePath>/<name with . replaced by _>.log} (default false)
 * @param enableJsonLog    the log file gets one JSON object per line instead of {@code logFormat} (default false)
 * @param logFilePath      directory of the log file, created if missing; "" means the working directory (default "")
 * @param logFormat        Python {@code %}-style format of the log file (default {@code asctime - name - level - msg})
 * @param maxFileSize      rotate when the file reaches this many bytes; 0 = never (default 1,000,000)
 * @param backupCount      rotated files kept; 0 = never rotate (default 3)
 * @param dateFormat       strftime format of {@code %(asctime)s}; {@code %f} = milliseconds, {@code %<n>f} = n
 *                         fraction digits (default {@code null} = {@code %Y-%m-%d %H:%M:%S.%f})
 * @param logKeys          reference: filters dict-shaped log messages; Java log messages are text, so unused (default null)
 */
public record LoggerConfig(String logLevel, boolean enableConsoleLog, String consoleLogFormat, boolean enableFileLog,
                           boolean enableJsonLog, String logFilePath, String logFormat, long maxFileSize,
                           int backupCount, String dateFormat, List<String> logKeys) {
    public static final String DEFAULT_LOG_LEVEL = "DEBUG";
    public static final String DEFAULT_CONSOLE_LOG_FORMAT =
            "\u001b[92m%(asctime)s\u001b[0m - \u001b[94m%(name)s\u001b[0m - %(levelname)s - %(message)s";
    public static final String DEFAULT_LOG_FORMAT = "%(asctime)s - %(name)s - %(levelname)s - %(message)s";
    public static final long DEFAULT_MAX_FILE_SIZE = 1_000_000L;
    public static final int DEFAULT_BACKUP_COUNT = 3;

    public LoggerConfig {
        logLevel = logLevel == null ? DEFAULT_LOG_LEVEL : logLevel.toUpperCase(Locale.ROOT);
        consoleLogFormat = consoleLogFormat == null ? DEFAULT_CONSOLE_LOG_FORMAT : consoleLogFormat;
        logFormat = logFormat == null ? DEFAULT_LOG_FORMAT : logFormat;
        logFilePath = logFilePath == null ? "" : logFilePath;
        if (maxFileSize < 0) {
            throw ConfigException.invalid("logger.max_file_size", maxFileSize, "a number of bytes >= 0");
        }
        if (backupCount < 0) {
            throw ConfigException.invalid("logger.backup_count", backupCount, "an integer >= 0");
        }
        logKeys = logKeys == null ? null : List.copyOf(logKeys);
    }

    public static LoggerConfig defaults() {
        return new LoggerConfig(DEFAULT_LOG_LEVEL, true, DEFAULT_CONSOLE_LOG_FORMAT, false, false, "",
                DEFAULT_LOG_FORMAT, DEFAULT_MAX_FILE_SIZE, DEFAULT_BACKUP_COUNT, null, null);
    }

    public static Builder builder() {
        return defaults().toBuilder();
    }

    /**
     * Reads a {@code logger} section (the same keys in client and server config files); a missing or null key takes
     * its value from {@code defaults}.
     *
     * @throws ConfigException naming the key when a value has the wrong type
     */
    public static LoggerConfig read(ConfigSection s, LoggerConfig defaults) {
        List<String> logKeys = s.stringList("log_keys");
        return new LoggerConfig(
                s.string("log_level", defaults.logLevel()),
                s.bool("enable_console_log", defaults.enableConsoleLog()),
                s.string("console_log_format", defaults.consoleLogFormat()),
                s.bool("enable_file_log", defaults.enableFileLog()),
                s.bool("enable_json_log", defaults.enableJsonLog()),
                s.string("log_file_path", defaults.logFilePath()),
                s.string("log_format", defaults.logFormat()),
                s.nonNullLong("max_file_size", defaults.maxFileSize()),
                s.nonNullInt("backup_count", defaults.backupCount()),
                s.string("date_format", defaults.dateFormat()),
                logKeys != null ? logKeys : defaults.logKeys());
    }

    public Builder toBuilder() {
        return new Builder().logLevel(logLevel).enableConsoleLog(enableConsoleLog).consoleLogFormat(consoleLogFormat)
                .enableFileLog(enableFileLog).enableJsonLog(enableJsonLog).logFilePath(logFilePath)
                .logFormat(logFormat).maxFileSize(maxFileSize).backupCount(backupCount).dateFormat(dateFormat)
                .logKeys(logKeys);
    }

    public static final class Builder {
        private String logLevel;
        private boolean enableConsoleLog;
        private String consoleLogFormat;
        private boolean enableFileLog;
        private boolean enableJsonLog;
        private String logFilePath;
        private String logFormat;
        private long maxFileSize;
        private int backupCount;
        private String dateFormat;
        private List<String> logKeys;

        private Builder() {
        }

        public Builder logLevel(String logLevel) {
            this.logLevel = logLevel;
            return this;
        }

        public Builder enableConsoleLog(boolean enableConsoleLog) {
            this.enableConsoleLog = enableConsoleLog;
            return this;
        }

        public Builder consoleLogFormat(String consoleLogFormat) {
            this.consoleLogFormat = consoleLogFormat;
            return this;
        }

        public Builder enableFileLog(boolean enableFileLog) {
            this.enableFileLog = enableFileLog;
            return this;
        }

        public Builder enableJsonLog(boolean enableJsonLog) {
            this.enableJsonLog = enableJsonLog;
            return this;
        }

        public Builder logFilePath(String logFilePath) {
            this.logFilePath = logFilePath;
            return this;
        }

        public Builder logFormat(String logFormat) {
            this.logFormat = logFormat;
            return this;
        }

        public Builder maxFileSize(long maxFileSize) {
            this.maxFileSize = maxFileSize;
            return this;
        }

        public Builder backupCount(int backupCount) {
            this.backupCount = backupCount;
            return this;
        }

        public Builder dateFormat(String dateFormat) {
            this.dateFormat = dateFormat;
            return this;
        }

        public Builder logKeys(List<String> logKeys) {
            this.logKeys = logKeys;
            return this;
        }

        public LoggerConfig build() {
            return new LoggerConfig(logLevel, enableConsoleLog, consoleLogFormat, enableFileLog, enableJsonLog,
                    logFilePath, logFormat, maxFileSize, backupCount, dateFormat, logKeys);
        }
    }
}
