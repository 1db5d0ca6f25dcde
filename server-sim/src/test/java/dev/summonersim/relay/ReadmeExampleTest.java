package dev.summonersim.relay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.readme.ReadmeSnippet;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Java example of server-sim/README.md: compiled and run here, and the README shows exactly this text. */
class ReadmeExampleTest {

    @Test
    void exampleStartsAPythonFlavourRelayOnAFreePort() {
        AtomicInteger seen = new AtomicInteger();
        // readme-example:begin
        RelayServerConfig config = RelayServerConfig.forTesting()       // port 0, no rate limit or inactivity cut
                .toBuilder().flavour(RelayFlavour.PYTHON).build();
        try (RelayServer relay = RelayServer.start(config)) {           // bound when start() returns
            int port = relay.port();                                     // connect clients to 127.0.0.1:port
            // relay.connectedClients() tells when clients are registered for fan-out
            seen.set(port);
        }                                                                // close(): notice to everyone, flushed, then closed
        // readme-example:end
        assertThat(seen.get()).isPositive();
    }

    @Test
    void readmeShowsExactlyThisExample() {
        String example = ReadmeSnippet.markedExample(
                Path.of("src/test/java/dev/summonersim/relay/ReadmeExampleTest.java"));
        // The test's one extra line hands the port to the assertion; the README shows the rest verbatim.
        assertThat(ReadmeSnippet.javaBlocks(Path.of("README.md")))
                .contains(example.replace("    seen.set(port);\n", ""));
    }
}
