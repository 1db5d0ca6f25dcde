package dev.summonersim.relay;

import com.fasterxml.jackson.databind.JsonNode;
import dev.summonersim.sdk.protocol.RelayFlavour;
import dev.summonersim.sdk.vectors.TestVectors;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static dev.summonersim.relay.LineClient.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/** Vectors B1–B10 (protocol.md §7.2), both flavours, over real sockets: byte-exact relay output. */
class RelayVectorsTest {
    private static final String VECTOR_SENDER = "127.0.0.1:50490";
    private static final String VECTOR_SENDER_V6 = "[::1]:50490";

    static Stream<Arguments> vectors() {
        List<Arguments> args = new ArrayList<>();
        for (JsonNode v : TestVectors.load().section("relay").toList()) {
            for (RelayFlavour f : RelayFlavour.values()) {
                String expected = v.get(f == RelayFlavour.PYTHON ? "python_server_out" : "rust_server_out").asText();
                args.add(Arguments.of(v.get("id").asText(), f, v.get("sender_addr").asText(),
                        v.get("inbound_line").asText(), expected));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("vectors")
    @Timeout(30)
    void relaysVectorByteExact(String id, RelayFlavour flavour, String vectorSender, String inbound, String expected)
            throws Exception {
        boolean v6 = vectorSender.startsWith("[");
        String host = v6 ? "::1" : "127.0.0.1";
        if (v6) {
            assumeThat(ipv6LoopbackAvailable())
                    .as("IPv6 loopback [::1] is not available on this machine; %s skipped", id).isTrue();
        }
        RelayServerConfig config = RelayServerConfig.builder().host(host).flavour(flavour).build();
        try (RelayServer relay = RelayServer.start(config);
             LineClient sender = LineClient.connect(InetAddress.getByName(host), relay.port());
             LineClient receiver = LineClient.connect(InetAddress.getByName(host), relay.port())) {
            await().atMost(WAIT).until(() -> relay.connectedClients() == 2);
            sender.send(inbound);
            boolean unterminated = !inbound.endsWith("\n");
            if (unterminated) {
                sender.shutdownOutput();
            }
            String want = expected.replace(v6 ? VECTOR_SENDER_V6 : VECTOR_SENDER, sender.address());
            assertThat(receiver.next()).isEqualTo(want);
            if (unterminated) {
                // B8: the final line is relayed, then the sender's session ends
                if (flavour == RelayFlavour.PYTHON) {
                    assertThat(sender.next()).isEqualTo(ServerNotices.PYTHON_DISCONNECTED);
                }
                assertThat(sender.awaitEof(WAIT)).isTrue();
            }
        }
    }

    private static boolean ipv6LoopbackAvailable() {
        try {
            new ServerSocket(0, 1, InetAddress.getByName("::1")).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
