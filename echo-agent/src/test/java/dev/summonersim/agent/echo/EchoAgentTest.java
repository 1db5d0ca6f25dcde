package dev.summonersim.agent.echo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.summonersim.relay.RelayServer;
import dev.summonersim.relay.RelayServerConfig;
import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.protocol.EnvelopeCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The echo agent on a real relay, with a raw socket peer. */
class EchoAgentTest {

    @Test
    void everyPayloadComesBackToItsSenderExactlyAsSentAndNullIsNotEchoed() throws Exception {
        try (RelayServer relay = RelayServer.start(RelayServerConfig.builder().build());
             Socket peer = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
            peer.setSoTimeout(20_000);
            ClientHandle echo = new EchoAgent("EchoAgentTest", Duration.ofMillis(10)).clientBuilder("EchoAgentTest")
                    .port(relay.port()).build().start();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> relay.connectedClients() == 2);
                OutputStream out = peer.getOutputStream();
                BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream(),
                        StandardCharsets.UTF_8));
                // " 42" and "null" are the strings the reference's SDK would change (Q3).
                for (String payload : new String[] {" 42", "null"}) {
                    out.write(EnvelopeCodec.encode(payload).getBytes(StandardCharsets.UTF_8));
                }
                out.write("{\"_version\": \"1.3.0\", \"_payload\": null, \"_type\": \"null\"}\n"
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(in.readLine()).contains("\\\"_payload\\\": \\\" 42\\\"");
                assertThat(in.readLine()).contains("\\\"_payload\\\": \\\"null\\\"");
                out.write(EnvelopeCodec.encode("last").getBytes(StandardCharsets.UTF_8));
                out.flush();
                assertThat(in.readLine()).as("the null payload was not echoed").contains("\\\"last\\\"");
            } finally {
                echo.close();
            }
        }
    }
}
