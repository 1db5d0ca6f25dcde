package dev.summonersim.agent.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.cli.ClientConfigOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** bin/echo-agent's options: the shared --config/--host/--port rule, on a real relay. */
class EchoAgentCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine() {
        return EchoAgentCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    @Test
    void portOptionOverridesTheConfigFileAndTheHelpSaysSo() throws Exception {
        int deadPort;
        try (ServerSocket closed = new ServerSocket(0)) {
            deadPort = closed.getLocalPort();
        }
        // The file names a closed port and gives up at once, so the agent reaches the relay only through --port,
        // and stops by itself once the relay is gone.
        Path config = dir.resolve("client_config.json");
        Files.writeString(config, "{\"host\": \"127.0.0.1\", \"port\": " + deadPort + ", "
                + "\"logger\": {\"enable_file_log\": false}, \"hyper_parameters\": {\"reconnection\": "
                + "{\"retry_delay_seconds\": 0.05, \"primary_retry_limit\": 0, \"default_retry_limit\": 0}}}");
        CompletableFuture<Integer> exit;
        try (RelayServer relay = RelayServer.start(RelayServerConfig.forTesting())) {
            exit = CompletableFuture.supplyAsync(() -> commandLine().execute("--config", config.toString(),
                    "--port", Integer.toString(relay.port()), "--delay-ms", "0"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> relay.connectedClients() == 1);
        }
        assertThat(exit.get(20, TimeUnit.SECONDS)).as("gave up reconnecting: " + err).isEqualTo(1);

        assertThat(commandLine().execute("--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " ")).contains(ClientConfigOptions.OVERRIDE_RULE);
    }

    @Test
    void aMissingConfigFileIsOneLineNamingTheOption() throws IOException {
        assertThat(commandLine().execute("--config", dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("echo-agent: --config " + dir.resolve("absent.json") + ": no such file");
    }
}
