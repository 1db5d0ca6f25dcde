package dev.summonersim.relay;

import dev.summonersim.sdk.protocol.RelayFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RelayServerConfigTest {
    @TempDir
    Path dir;

    @Test
    void loadsTheRepositoryServerConfig() {
        RelayServerConfig c = RelayServerConfig.load(Path.of("..", "configs", "server_config.json"));
        assertThat(c.flavour()).isEqualTo(RelayFlavour.RUST);
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(8888);
        assertThat(c.rust().rateLimitPerWindow()).isEqualTo(1000);
        assertThat(c.rust().clientTimeout()).as("client_timeout_secs: null disables").isNull();
        assertThat(c.rust().timeoutCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.rust().quarantineCooldown()).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.workerThreads()).isEqualTo(4);
        assertThat(c.rust().backpressure()).isEqualTo(new BackpressureThresholds(true, 50, true, 150, true, 300));
        assertThat(c.logger().logLevel()).isEqualTo("INFO");
        assertThat(c.logger().enableFileLog()).isTrue();
    }

    @Test
    void missingKeysTakeTheReferenceDefaults() throws IOException {
        RelayServerConfig c = RelayServerConfig.load(write("{}"));
        assertThat(c.flavour()).as("missing version = Python relay").isEqualTo(RelayFlavour.PYTHON);
        assertThat(c.port()).isEqualTo(8888);
        assertThat(c.rust().rateLimitPerWindow()).isEqualTo(300);
        assertThat(c.rust().clientTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.rust().quarantineCooldown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.rust().throttleDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.rust().flowControlDelay()).isEqualTo(Duration.ofMillis(1000));
        assertThat(c.rust().backpressure()).isEqualTo(BackpressureThresholds.defaults());
        assertThat(c.maxLineBytes()).isEqualTo(65_536);
        assertThat(c.rust().disconnectStall()).as("stall window").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void versionRustVxSelectsRustAndPythonSelectsPython() throws IOException {
        assertThat(RelayServerConfig.load(write("{\"version\": \"rust_v1.1.0\"}")).flavour()).isEqualTo(RelayFlavour.RUST);
        assertThat(RelayServerConfig.load(write("{\"version\": \"python\"}")).flavour()).isEqualTo(RelayFlavour.PYTHON);
    }

    @Test
    void hostAndPortAndOwnKeysAreRead() throws IOException {
        RelayServerConfig c = RelayServerConfig.load(write("""
                {"version": "rust", "host": "127.0.0.1", "port": 9001,
                 "hyper_parameters": {"max_line_bytes": 100, "max_outbound_queue_bytes": 4096,
                                      "rate_limit_msgs_per_minute": null, "client_timeout_secs": 5,
                                      "stall_window_secs": 7}}"""));
        assertThat(c.port()).isEqualTo(9001);
        assertThat(c.maxLineBytes()).isEqualTo(100);
        assertThat(c.maxOutboundQueueBytes()).isEqualTo(4096);
        assertThat(c.rust().rateLimitPerWindow()).as("null switches the rate limit off").isNull();
        assertThat(c.rust().clientTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.rust().disconnectStall()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void wrongTypeNamesTheKeyAndTheExpectation() throws IOException {
        Path file = write("{\"hyper_parameters\": {\"rate_limit_msgs_per_minute\": \"fast\"}}");
        assertThatThrownBy(() -> RelayServerConfig.load(file))
                .isInstanceOf(RelayConfigException.class)
                .hasMessageContaining("rate_limit_msgs_per_minute")
                .hasMessageContaining("\"fast\"")
                .hasMessageContaining("expected");
    }

    @Test
    void missingFileIsAClearError() {
        assertThatThrownBy(() -> RelayServerConfig.load(dir.resolve("nope.json")))
                .isInstanceOf(RelayConfigException.class)
                .hasMessageContaining("config file not found")
                .hasMessageContaining("nope.json");
    }

    @Test
    void brokenJsonIsAClearError() throws IOException {
        Path file = write("{\"version\": ");
        assertThatThrownBy(() -> RelayServerConfig.load(file))
                .isInstanceOf(RelayConfigException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void builderDefaultsToRustOnAnyFreePort() {
        RelayServerConfig c = RelayServerConfig.builder().build();
        assertThat(c.flavour()).isEqualTo(RelayFlavour.RUST);
        assertThat(c.port()).isZero();
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.toBuilder().port(5).build().port()).isEqualTo(5);
    }

    @Test
    void theTestingPresetListensOnAnyFreePortWithNoRateLimitAndNoInactivityCut() {
        RelayServerConfig c = RelayServerConfig.forTesting();
        assertThat(c.port()).isZero();
        assertThat(c.flavour()).isEqualTo(RelayFlavour.RUST);
        assertThat(c.rust().rateLimitPerWindow()).isNull();
        assertThat(c.rust().clientTimeout()).isNull();
        assertThat(c.rust().toBuilder().rateLimitPerWindow(300).clientTimeout(Duration.ofSeconds(300)).build())
                .as("every other policy is the reference's").isEqualTo(RustPolicies.defaults());
        assertThat(c.toBuilder().rust(RustPolicies.defaults()).build()).isEqualTo(RelayServerConfig.builder().build());
    }

    @Test
    void theLoggerSectionIsReadAsTheClientsIsButDefaultsToInfo() throws IOException {
        RelayServerConfig c = RelayServerConfig.load(write("""
                {"logger": {"enable_file_log": true, "log_keys": ["type"], "backup_count": 5}}"""));
        assertThat(c.logger().logLevel()).as("missing level: INFO, not the client's DEBUG").isEqualTo("INFO");
        assertThat(c.logger().enableFileLog()).isTrue();
        assertThat(c.logger().logKeys()).containsExactly("type");
        assertThat(c.logger().backupCount()).isEqualTo(5);
        assertThatThrownBy(() -> RelayServerConfig.load(write("{\"logger\": {\"enable_json_log\": \"yes\"}}")))
                .isInstanceOf(RelayConfigException.class)
                .hasMessageContaining("logger.enable_json_log = \"yes\": expected true or false");
    }

    @Test
    void negativeCountsAndOutOfRangePortsAreRejectedNamingTheKey() throws IOException {
        Path negative = write("{\"hyper_parameters\": {\"quarantine_cooldown_secs\": -1}}");
        assertThatThrownBy(() -> RelayServerConfig.load(negative))
                .isInstanceOf(RelayConfigException.class)
                .hasMessageContaining("hyper_parameters.quarantine_cooldown_secs = -1");
        Path port = write("{\"port\": 70000}");
        assertThatThrownBy(() -> RelayServerConfig.load(port))
                .isInstanceOf(RelayConfigException.class)
                .hasMessageContaining("port = 70000: expected an integer 0..65535 or null");
    }

    @Test
    void runOptionsDefaultToNoRecordNoChaosAndATwoSecondGrace() {
        RelayRunOptions run = RelayRunOptions.defaults();
        assertThat(run.recordFile()).isNull();
        assertThat(run.chaos()).isNull();
        assertThat(run.shutdownGrace()).isEqualTo(Duration.ofSeconds(2));
        assertThat(run.toBuilder().recordFile(dir.resolve("r.jsonl")).build().recordFile())
                .isEqualTo(dir.resolve("r.jsonl"));
    }

    @Test
    void invalidValuesAreRejectedWithTheLimit() {
        assertThatThrownBy(() -> RelayServerConfig.builder().port(70_000).build())
                .hasMessage("port : 70000 (expected: 0..65535)");
        assertThatThrownBy(() -> RelayServerConfig.builder().workerThreads(0).build())
                .hasMessage("worker_threads : 0 (expected: >= 1)");
    }

    private Path write(String json) throws IOException {
        Path file = Files.createTempFile(dir, "server_config", ".json");
        Files.writeString(file, json);
        return file;
    }
}
