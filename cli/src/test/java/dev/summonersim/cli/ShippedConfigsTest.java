package dev.summonersim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each file of configs/ (the reference's names, keys and values) loads and starts its program: the relay for a server
 * config, a stream agent connected to a relay for a client config. Run in a temporary working directory on port 0,
 * so the logs/ the configs ask for land in that directory, as they would in the user's.
 */
class ShippedConfigsTest {

    private static final Path CONFIGS = repositoryRoot().resolve("configs");
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"server_config.json", "server_config_nojsonlogs.json", "server_config_python.json",
            "server_config_backpressure.json", "server_config_MMO.json"})
    void serverConfigStartsTheRelay(String file) throws Exception {
        String flavour = file.equals("server_config_python.json") ? "python" : "rust";
        Path out = workDir.resolve("out.txt");
        Process relay = start(out, "server", "--config", CONFIGS.resolve(file).toString(), "--port", "0");
        try {
            Awaitility.await().atMost(START).until(() -> read(out).contains("listening on")
                    || !relay.isAlive());
            assertThat(read(out)).contains("Relay server (" + flavour + " flavour) listening on 127.0.0.1:");
        } finally {
            stop(relay);
        }
        boolean fileLogs = !file.equals("server_config_MMO.json");
        assertThat(Files.isDirectory(workDir.resolve("logs"))).as("logs/ in the working directory").isEqualTo(fileLogs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"client_config.json", "client_config_fast_onlylocal.json"})
    void clientConfigConnectsAStreamAgent(String file) throws Exception {
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().build())) {
            Path out = workDir.resolve("out.txt");
            Process agent = start(out, "stream-agent", "--config", CONFIGS.resolve(file).toString(),
                    "--port", Integer.toString(relay.port()));
            try {
                Awaitility.await().atMost(START).until(() -> read(out).contains("Connected to server")
                        || !agent.isAlive());
                assertThat(read(out)).contains("Loaded config from: " + CONFIGS.resolve(file))
                        .contains("Connected to server @(host=127.0.0.1, port=" + relay.port() + ")");
            } finally {
                stop(agent);
            }
            assertThat(workDir.resolve("logs/StreamAgent_1.log")).exists();
        }
    }

    private Process start(Path out, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SummonerSim.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("OPENAI_API_KEY");
        pb.environment().remove("OPENAI_BASE_URL");
        return pb.start();
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static String read(Path out) {
        try {
            return Files.readString(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("configs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("configs/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
