package dev.summonersim.sdk.logging;

import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.summonersim.sdk.config.LoggerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLoggingTest {
    private static final String LINE_START = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} - ";

    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultLogging() {
        // later tests in this JVM should not write into a deleted temp dir
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ch.qos.logback.classic.BasicConfigurator().configure(context);
    }

    private LoggerConfig.Builder fileOnly() {
        return LoggerConfig.builder().enableConsoleLog(false).enableFileLog(true)
                .logFilePath(dir.resolve("logs").toString());
    }

    private List<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve("logs").resolve(file));
    }

    /** Deviation N3: whatever a caller quotes, control characters never reach the log raw. */
    @Test
    void controlCharactersInMessagesAndStackTracesAreWrittenVisibly() throws IOException {
        AgentLogging.configure("hostile", fileOnly().logLevel("INFO").build());
        String hostile = "\u001b]0;PWNED\u0007\u001b[2J\u009b\u202e\u0001\u007f";
        LoggerFactory.getLogger("hostile").warn("got {}", hostile, new IllegalStateException(hostile));
        String written = Files.readString(dir.resolve("logs").resolve("hostile.log"));
        assertThat(written).doesNotContain("\u001b", "\u0007", "\u009b", "\u202e", "\u0001", "\u007f")
                .contains("WARNING - got \\x1b]0;PWNED\\x07\\x1b[2J\\x9b\\u202e\\x01\\x7f\n")
                .contains("IllegalStateException: \\x1b]0;PWNED");
    }

    @Test
    void fileLogUsesTheReferenceFormatAndPythonLevelNames() throws IOException {
        AgentLogging.configure("Stream.Agent", fileOnly().logLevel("INFO").build());
        Logger log = LoggerFactory.getLogger("Stream.Agent");

        log.debug("hidden at INFO");
        log.info("Triggering LLM streaming for remote_addr={}", "127.0.0.1:50490");
        log.warn("careful");
        log.error(AgentLogging.CRITICAL, "Cannot connect to fallback x; exiting");
        log.error("plain error");

        assertThat(lines("Stream_Agent.log")).satisfiesExactly(
                l -> assertThat(l).matches(LINE_START
                        + "Stream\\.Agent - INFO - Triggering LLM streaming for remote_addr=127\\.0\\.0\\.1:50490"),
                l -> assertThat(l).matches(LINE_START + "Stream\\.Agent - WARNING - careful"),
                l -> assertThat(l).matches(LINE_START + "Stream\\.Agent - CRITICAL - Cannot connect to fallback x; exiting"),
                l -> assertThat(l).matches(LINE_START + "Stream\\.Agent - ERROR - plain error"));
    }

    @Test
    void unknownLevelLogsAtDebugAndSaysSo() throws IOException {
        AgentLogging.configure("loud-agent", fileOnly().logLevel("LOUD").build());
        LoggerFactory.getLogger("loud-agent").debug("visible");

        assertThat(lines("loud-agent.log")).satisfiesExactly(
                l -> assertThat(l).endsWith("loud-agent - WARNING - Unknown log_level 'LOUD'; logging at DEBUG as the reference does"),
                l -> assertThat(l).endsWith("loud-agent - DEBUG - visible"));
    }

    @Test
    void jsonLogWritesOneObjectPerLine() throws IOException {
        AgentLogging.configure("json-agent", fileOnly().enableJsonLog(true).dateFormat("%H:%M:%S.%2f").build());
        LoggerFactory.getLogger("json-agent").info("quote \" and \u00e9");

        List<String> lines = lines("json-agent.log");
        assertThat(lines).hasSize(1);
        JsonNode json = new ObjectMapper().readTree(lines.get(0));
        assertThat(json.fieldNames()).toIterable().containsExactly("timestamp", "name", "level", "message");
        assertThat(json.get("timestamp").asText()).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d\\d");
        assertThat(json.get("name").asText()).isEqualTo("json-agent");
        assertThat(json.get("level").asText()).isEqualTo("INFO");
        assertThat(json.get("message").asText()).isEqualTo("quote \" and \u00e9");
    }

    @Test
    void fileRotatesAtMaxFileSizeKeepingBackupCountFiles() throws IOException {
        AgentLogging.configure("rotating", fileOnly().maxFileSize(200).backupCount(2).build());
        Logger log = LoggerFactory.getLogger("rotating");

        for (int i = 0; i < 40; i++) {
            log.info("line {} with some padding to fill the file", i);
        }

        Path logs = dir.resolve("logs");
        assertThat(logs.resolve("rotating.log")).exists();
        assertThat(logs.resolve("rotating.log.1")).exists();
        assertThat(logs.resolve("rotating.log.2")).exists();
        assertThat(logs.resolve("rotating.log.3")).doesNotExist();
        assertThat(Files.size(logs.resolve("rotating.log.1"))).isLessThan(400);
    }

    @Test
    void reconfiguringReplacesTheAppendersInsteadOfDuplicatingLines() throws IOException {
        AgentLogging.configure("twice", fileOnly().build());
        AgentLogging.configure("twice", fileOnly().logFormat("%(levelname)-8s|%(message)s").build());
        LoggerFactory.getLogger("twice").info("once");

        assertThat(lines("twice.log")).containsExactly("INFO    |once");
    }
}
