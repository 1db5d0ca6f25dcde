package dev.summonersim.relay;

import dev.summonersim.sdk.cli.ClientConfigOptions;
import dev.summonersim.sdk.protocol.RelayFlavour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RelayServerCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return RelayServerCommand.commandLine()
                .setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    }

    @Test
    void helpDocumentsEveryOption() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("--config", "--no-config", "--host", "--port", "--flavour", "--record",
                "--chaos", "server_config.json", "drop=0.05", "listening on");
    }

    @Test
    void missingConfigFileIsAClearErrorWithExitCode2() {
        assertThat(run("--config", dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("config file not found").contains("absent.json");
    }

    @Test
    void badChaosSpecIsRejected() {
        assertThat(run("--no-config", "--chaos", "drop=7")).isEqualTo(2);
        assertThat(err.toString()).contains("chaos drop");
    }

    @Test
    void optionsOverrideTheConfigFile() throws Exception {
        Path config = dir.resolve("server_config.json");
        Files.writeString(config, "{\"version\": \"python\", \"port\": 9999}");
        RelayServerCommand command = new RelayServerCommand();
        new CommandLine(command).parseArgs("--config", config.toString(), "--port", "0", "--flavour", "rust",
                "--record", dir.resolve("r.jsonl").toString(), "--chaos", "dup=0.5,seed=3");
        RelayServerConfig c = command.resolveConfig();
        assertThat(c.port()).isZero();
        assertThat(c.flavour()).isEqualTo(RelayFlavour.RUST);
        RelayRunOptions run = command.runOptions();
        assertThat(run.recordFile()).isEqualTo(dir.resolve("r.jsonl"));
        assertThat(run.chaos().duplicate()).isEqualTo(0.5);

        assertThat(run("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains(ClientConfigOptions.OVERRIDE_RULE);
    }

    @Test
    void noConfigUsesTheReferenceDefaults() {
        RelayServerCommand command = new RelayServerCommand();
        new CommandLine(command).parseArgs("--no-config", "--config", dir.resolve("ignored.json").toString());
        RelayServerConfig c = command.resolveConfig();
        assertThat(c.port()).isEqualTo(8888);
        assertThat(c.flavour()).isEqualTo(RelayFlavour.RUST);
        assertThat(c.rust().rateLimitPerWindow()).isEqualTo(300);
    }
}
