package dev.summonersim.sdk.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientConfigTest {
    @TempDir
    Path dir;

    private Path write(String json) throws IOException {
        return Files.writeString(dir.resolve("client_config.json"), json);
    }

    @Test
    void loadsTheAgentsClientConfig() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("/client_config.json").toURI());

        ClientConfig config = ClientConfig.load(file);

        assertThat(config.host()).isNull();
        assertThat(config.port()).isNull();
        LoggerConfig logger = config.logger();
        assertThat(logger.logLevel()).isEqualTo("INFO");
        assertThat(logger.enableConsoleLog()).isTrue();
        assertThat(logger.consoleLogFormat()).isEqualTo(LoggerConfig.DEFAULT_CONSOLE_LOG_FORMAT);
        assertThat(logger.enableFileLog()).isTrue();
        assertThat(logger.enableJsonLog()).isFalse();
        assertThat(logger.logFilePath()).isEqualTo("logs/");
        assertThat(logger.logFormat()).isEqualTo(LoggerConfig.DEFAULT_LOG_FORMAT);
        assertThat(logger.maxFileSize()).isEqualTo(1_000_000L);
        assertThat(logger.backupCount()).isEqualTo(3);
        assertThat(logger.dateFormat()).isEqualTo("%Y-%m-%d %H:%M:%S.%f");
        assertThat(logger.logKeys()).isNull();
        assertThat(config.receiver()).isEqualTo(new ReceiverSettings(65_536, null));
        assertThat(config.sender()).isEqualTo(new SenderSettings(16, false, 128, 2000, 3));
        assertThat(config.reconnection())
                .isEqualTo(new ReconnectionSettings(Duration.ofSeconds(3), 5, "localhost", 8888, 3));
    }

    @Test
    void emptyObjectGivesTheReferenceDefaults() throws IOException {
        ClientConfig config = ClientConfig.load(write("{}"));

        assertThat(config).isEqualTo(ClientConfig.defaults());
        assertThat(config.logger().logLevel()).isEqualTo("DEBUG");
        assertThat(config.logger().enableFileLog()).isFalse();
        assertThat(config.logger().logFilePath()).isEmpty();
        assertThat(config.logger().dateFormat()).isNull();
        assertThat(config.sender()).isEqualTo(new SenderSettings(50, true, 50, 1000, 3));
        assertThat(config.reconnection()).isEqualTo(new ReconnectionSettings(Duration.ofSeconds(3), 3, null, null, 2));
    }

    @Test
    void queueSizeDefaultsToTheConcurrencyLimitAndFallbackToTheConfigServer() throws IOException {
        ClientConfig config = ClientConfig.load(write("""
                {"host": "10.0.0.7", "port": 9999,
                 "hyper_parameters": {"sender": {"concurrency_limit": 7},
                                      "reconnection": {"retry_delay_seconds": 0.25}}}"""));

        assertThat(config.sender().queueMaxsize()).isEqualTo(7);
        assertThat(config.reconnection().defaultHost()).isEqualTo("10.0.0.7");
        assertThat(config.reconnection().defaultPort()).isEqualTo(9999);
        assertThat(config.reconnection().retryDelay()).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void nullLimitsMeanForeverAndOtherNullsMeanTheDefault() throws IOException {
        ClientConfig config = ClientConfig.load(write("""
                {"logger": {"log_level": null, "log_keys": ["a", "b"]},
                 "hyper_parameters": {"receiver": {"max_bytes_per_line": null, "read_timeout_seconds": 0.5},
                                      "reconnection": {"primary_retry_limit": null, "default_retry_limit": null}}}"""));

        assertThat(config.reconnection().primaryRetryLimit()).isNull();
        assertThat(config.reconnection().defaultRetryLimit()).isNull();
        assertThat(config.logger().logLevel()).isEqualTo("DEBUG");
        assertThat(config.logger().logKeys()).containsExactly("a", "b");
        assertThat(config.receiver()).isEqualTo(new ReceiverSettings(65_536, Duration.ofMillis(500)));
    }

    @Test
    void unknownLogLevelIsKeptForTheLoggerToMapToDebug() throws IOException {
        assertThat(ClientConfig.load(write("{\"logger\": {\"log_level\": \"loud\"}}")).logger().logLevel())
                .isEqualTo("LOUD");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"hyper_parameters\": {\"sender\": {\"concurrency_limit\": 0}}}"
                + "| hyper_parameters.sender.concurrency_limit = 0: expected an integer >= 1",
        "{\"port\": 70000}| port = 70000: expected a port 1..65535 or null",
        "{\"hyper_parameters\": {\"reconnection\": {\"retry_delay_seconds\": -1}}}"
                + "| hyper_parameters.reconnection.retry_delay_seconds = -1: expected a number of seconds >= 0",
        "{\"hyper_parameters\": {\"reconnection\": {\"retry_delay_seconds\": \"3\"}}}"
                + "| hyper_parameters.reconnection.retry_delay_seconds = \"3\": expected a number of seconds",
        "{\"hyper_parameters\": {\"receiver\": {\"max_bytes_per_line\": 1.5}}}"
                + "| hyper_parameters.receiver.max_bytes_per_line = 1.5: expected an integer",
        "{\"hyper_parameters\": {\"sender\": {\"batch_drain\": \"no\"}}}"
                + "| hyper_parameters.sender.batch_drain = \"no\": expected true or false",
        "{\"logger\": {\"log_level\": 10}}| logger.log_level = 10: expected a string",
        "{\"logger\": []}| logger = []: expected a JSON object",
        "{\"logger\": {\"log_keys\": \"name\"}}| logger.log_keys = \"name\": expected a list of strings or null",
        "{\"hyper_parameters\": {\"reconnection\": {\"primary_retry_limit\": -2}}}"
                + "| hyper_parameters.reconnection.primary_retry_limit = -2: expected an integer >= 0 or null (retry forever)",
        "{\"hyper_parameters\": {\"reconnection\": {\"default_port\": 0}}}"
                + "| hyper_parameters.reconnection.default_port = 0: expected a port 1..65535 or null",
        "{\"port\": 99999999999}| port = 99999999999: expected an integer",
    })
    void badValueNamesTheKeyTheValueAndTheExpectation(String json, String expected) throws IOException {
        Path file = write(json);

        assertThatThrownBy(() -> ClientConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": " + expected);
    }

    @Test
    void malformedJsonIsAConfigException() throws IOException {
        Path file = write("{\"host\": ");

        assertThatThrownBy(() -> ClientConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file + ": not valid JSON");
    }

    @Test
    void topLevelMustBeAnObject() throws IOException {
        Path file = write("[1, 2]");

        assertThatThrownBy(() -> ClientConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ": expected a JSON object at the top level, got ARRAY");
    }

    @Test
    void missingFileIsAConfigException() {
        Path file = dir.resolve("nope.json");

        assertThatThrownBy(() -> ClientConfig.load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("Cannot read client config " + file);
    }

    @Test
    void buildersRoundTripAndValidate() {
        ClientConfig config = ClientConfig.builder()
                .host("127.0.0.1").port(9000)
                .sender(SenderSettings.builder().maxWorkerErrors(5).build())
                .logger(LoggerConfig.builder().logLevel("info").logKeys(List.of("x")).build())
                .build();

        assertThat(config.toBuilder().build()).isEqualTo(config);
        assertThat(config.logger().logLevel()).isEqualTo("INFO");
        assertThat(config.sender().maxWorkerErrors()).isEqualTo(5);
        assertThatThrownBy(() -> SenderSettings.builder().maxWorkerErrors(0).build())
                .isInstanceOf(ConfigException.class)
                .hasMessage("hyper_parameters.sender.max_worker_errors = 0: expected an integer >= 1");
        assertThatThrownBy(() -> ReconnectionSettings.builder().retryDelay(Duration.ofMillis(-1500)).build())
                .hasMessage("hyper_parameters.reconnection.retry_delay_seconds = -1.5 s: "
                        + "expected a number of seconds >= 0");
    }

    @Test
    void withAddressReplacesOnlyWhatIsGiven() {
        ClientConfig fromFile = ClientConfig.builder().host("10.0.0.1").port(9999).build();
        assertThat(fromFile.withAddress(null, null)).isSameAs(fromFile);
        assertThat(fromFile.withAddress("127.0.0.1", null).host()).isEqualTo("127.0.0.1");
        assertThat(fromFile.withAddress("127.0.0.1", null).port()).isEqualTo(9999);
        assertThat(fromFile.withAddress(null, 7000).host()).isEqualTo("10.0.0.1");
        assertThat(fromFile.withAddress(null, 7000).port()).isEqualTo(7000);
        assertThat(fromFile.withAddress(null, 7000).logger()).isEqualTo(fromFile.logger());
    }
}
