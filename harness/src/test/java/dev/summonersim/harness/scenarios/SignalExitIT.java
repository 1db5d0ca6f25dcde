package dev.summonersim.harness.scenarios;

import static dev.summonersim.testkit.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.harness.fixtures.LaunchedProcess;
import dev.summonersim.harness.fixtures.Scenario;
import dev.summonersim.harness.fixtures.ScenarioExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 13 §6: bin/server, bin/stream-agent and bin/input-agent as real processes (the launchers exec the JVM, so
 * the signal reaches the component itself, not a shell that ignores it), stopped with SIGINT and SIGTERM. Every
 * client connected to the relay reads the shutdown notice before the connection closes, and each process exits
 * with the code its --help documents: 128 + the signal number.
 */
@ExtendWith(ScenarioExtension.class)
@Timeout(240)
class SignalExitIT {
    private static final Duration START = Duration.ofSeconds(60);
    private static final Duration STOP = Duration.ofSeconds(30);
    private static final String NOTICE = "Warning: Server is shutting down.";

    @ParameterizedTest(name = "SIG{0}")
    @CsvSource({"INT, 130", "TERM, 143"})
    void everyClientGetsTheShutdownNoticeAndEveryProcessExitsWithItsDocumentedCode(String signal, int code,
                                                                               Scenario scenario) throws Exception {
        LaunchedProcess.requireRunnableJars("server-sim", "stream-agent", "input-agent");
        String tag = signal.toLowerCase();
        LaunchedProcess server = scenario.own(LaunchedProcess.start("signal-" + tag + "-server",
                List.of("bin/server", "--port", "0"), Map.of(), List.of()));
        int port = Integer.parseInt(server.awaitOutput("listening on 127\\.0\\.0\\.1:(\\d+)", START).group(1));
        LaunchedProcess agent = scenario.own(LaunchedProcess.start("signal-" + tag + "-stream-agent",
                List.of("bin/stream-agent", "--port", Integer.toString(port)), Map.of(),
                List.of("OPENAI_API_KEY", "OPENAI_BASE_URL")));
        agent.awaitOutput("Connected to server", START);
        // --exit-after-streams keeps the input agent receiving after its (empty) stdin ended.
        LaunchedProcess input = scenario.own(LaunchedProcess.start("signal-" + tag + "-input-agent",
                List.of("bin/input-agent", "--port", Integer.toString(port), "--exit-after-streams", "1000"),
                Map.of(), List.of()));
        List<Socket> rawClients = new ArrayList<>();
        try {
            for (int i = 0; i < 3; i++) {
                rawClients.add(new Socket(InetAddress.getLoopbackAddress(), port));
            }
            eventually("relay has 5 clients").atMost(START)
                    .until(() -> server.output().split(" connected\\.", -1).length - 1 >= 5);

            server.signal(signal);
            for (Socket client : rawClients) {
                client.setSoTimeout((int) STOP.toMillis());
                assertThat(readAll(client)).as("what a raw client read before the close")
                        .isEqualTo(NOTICE + "\n");
            }
            assertThat(server.awaitExit(STOP)).as("relay exit code; output:\n" + server.printableOutput()).isEqualTo(code);
            agent.awaitOutput("\\[From Server\\] Server is shutting down\\.", STOP);
            input.awaitOutput("\\[From server\\] Warning: Server is shutting down\\.", STOP);

            agent.signal(signal);
            assertThat(agent.awaitExit(STOP)).as("stream agent exit code; output:\n" + agent.printableOutput()).isEqualTo(code);
            input.signal(signal);
            assertThat(input.awaitExit(STOP)).as("input agent exit code; output:\n" + input.printableOutput()).isEqualTo(code);
        } finally {
            for (Socket client : rawClients) {
                client.close();
            }
        }
    }

    /** Everything the relay sent until it closed the connection. */
    private static String readAll(Socket client) throws IOException {
        StringBuilder all = new StringBuilder();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                all.append(line).append('\n');
            }
        }
        return all.toString();
    }
}
