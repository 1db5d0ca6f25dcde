package dev.summonersim.sdk.client.example;

import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.config.ClientConfig;
import dev.summonersim.sdk.logging.AgentLogging;
import dev.summonersim.sdk.protocol.RelayMessage;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Echoes every payload a peer sends (the reference's EchoAgent_0, minus its delay). Shown in sdk/README.md. */
public final class EchoAgent {
    public static SummonerClient.Builder echoAgent(String name) {
        BlockingQueue<Object> replies = new LinkedBlockingQueue<>();
        return SummonerClient.builder(name)
                .onReceive(message -> {
                    if (message instanceof RelayMessage relayed && relayed.content() != null) {
                        replies.put(relayed.content());    // what a peer sent, exactly as sent
                    }
                })
                .onSend(replies::take);                     // blocks until there is something to echo
    }

    public static void main(String[] args) {
        ClientConfig config = ClientConfig.load(Path.of(args.length > 0 ? args[0] : "configs/client_config.json"));
        AgentLogging.configure("EchoAgent", config.logger());
        System.exit(echoAgent("EchoAgent").config(config).build().run()); // 127.0.0.1:8888 unless the config says
    }
}
