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
        assertThat(c.rateLimitPerWindow()).isEqualTo(1000);
        assertThat(c.clientTimeout()).as("client_timeout_secs: null disables").isNull();
        assertThat(c.timeoutCheckInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.quarantineCooldown()).isEqualTo(Duration.ofSeconds(600));
        assertThat(c.workerThreads()).isEqualTo(4);
        assertThat(c.backpressure()).isEqualTo(new BackpressureThresholds(true, 50, true, 150, true, 300));
        assertThat(c.logger().logLevel()).isEqualTo("INFO");
        assertThat(c.logger().enableFileLog()).isTrue();
    }

    @Test
    void missingKeysTakeTheReferenceDefaults() throws IOException {
        RelayServerConfig c = RelayServerConfig.load(write("{}"));
        assertThat(c.flavour()).as("missing version = Python relay").isEqualTo(RelayFlavour.PYTHON);
        assertThat(c.port()).isEqualTo(8888);
        assertThat(c.rateLimitPerWindow()).isEqualTo(300);
        assertThat(c.clientTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.quarantineCooldown()).isEqualTo(Duration.ofSeconds(300));
        assertThat(c.throttleDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(c.flowControlDelay()).isEqualTo(Duration.ofMillis(1000));
        assertThat(c.backpressure()).isEqualTo(BackpressureThresholds.defaults());
        assertThat(c.maxLineBytes()).isEqualTo(65_536);
        assertThat(c.disconnectStall()).as("stall window").isEqualTo(Duration.ofSeconds(60));
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
        assertThat(c.rateLimitPerWindow()).as("null switches the rate limit off").isNull();
        assertThat(c.clientTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.disconnectStall()).isEqualTo(Duration.ofSeconds(7));
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
