package dev.summonersim.sdk.client.example;

import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.protocol.EnvelopeCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class EchoAgentTest {
    @Test
    void echoesWhatAPeerSentAsItsOwnEnvelope() throws Exception {
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ClientHandle agent = EchoAgent.echoAgent("EchoAgentTest").port(relay.getLocalPort()).build().start();
             Socket connection = relay.accept()) {
            connection.setSoTimeout(10_000);
            OutputStream out = connection.getOutputStream();
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8));
            String envelope = EnvelopeCodec.encode(Map.of("text", " 42", "n", List.of(1L, 2.5))).trim();

            out.write(("{\"remote_addr\": \"127.0.0.1:5000\", \"content\": "
                    + com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(envelope)
                    + "}\n").getBytes(StandardCharsets.UTF_8));
            out.flush();

            assertThat(in.readLine()).isEqualTo(envelope);
            assertThat(agent.isRunning()).isTrue();
        }
    }
}
