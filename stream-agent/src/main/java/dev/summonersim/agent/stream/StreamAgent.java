package dev.summonersim.agent.stream;

import dev.summonersim.agent.stream.llm.LlmSettings;
import dev.summonersim.agent.stream.llm.OpenAiTokenStreamer;
import dev.summonersim.agent.stream.send.EventSendHandler;
import dev.summonersim.llmstub.LlmStub;
import dev.summonersim.sdk.client.ClientHandle;
import dev.summonersim.sdk.client.SummonerClient;
import dev.summonersim.sdk.events.StreamEvent;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * StreamAgent_1 / StreamAgent_0: answers every relayed prompt with an LLM stream sent as stream events.
 * {@link #start(StreamAgentConfig)} wires the parts and connects in the background.
 */
public final class StreamAgent {

    /** Official API root, used when only a key is configured. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";
    /** Sent when a base URL is configured without a key; local OpenAI-compatible servers ignore it. */
    static final String PLACEHOLDER_API_KEY = "sk-no-key-configured";

    private StreamAgent() {
    }

    public static StreamAgentHandle start(StreamAgentConfig config) {
        String name = config.effectiveName();
        Logger log = LoggerFactory.getLogger(name);
        LlmStub stub = null;
        String baseUrl;
        if (config.usesEmbeddedStub()) {
            stub = LlmStub.start();
            baseUrl = stub.baseUrl();
            log.info("No OPENAI_API_KEY or OPENAI_BASE_URL set: using the embedded LLM stub at {}", baseUrl);
        } else {
            baseUrl = config.llmBaseUrl() != null ? config.llmBaseUrl() : OPENAI_BASE_URL;
            log.info("Streaming from the LLM at {} (model {})", baseUrl, config.model());
        }
        String apiKey = config.llmApiKey() != null ? config.llmApiKey() : PLACEHOLDER_API_KEY;
        LlmSettings settings = new LlmSettings(baseUrl, apiKey, config.model(), config.llmMaxRetries(),
                config.llmReadTimeout());

        BlockingQueue<StreamEvent> events = new LinkedBlockingQueue<>();
        OpenAiTokenStreamer streamer = null;
        SingleStreamRunner runner = null;
        try {
            streamer = new OpenAiTokenStreamer(settings);
            runner = new SingleStreamRunner(events, streamer, () -> UUID.randomUUID().toString(), log);
            SummonerClient client = SummonerClient.builder(name)
                    .config(config.client())
                    .host(config.host())
                    .port(config.port())
                    .onReceive(new PromptReceiver(runner, log, config.reactToAll(),
                            config.onlyAddressed() ? name : null))
                    .onSend(new EventSendHandler(events, config.effectiveSendStrategy()))
                    .build();
            ClientHandle clientHandle = client.start();
            return new StreamAgentHandle(name, clientHandle, runner, streamer, stub, baseUrl);
        } catch (RuntimeException e) {
            if (runner != null) {
                runner.close();
            }
            if (streamer != null) {
                streamer.close();
            }
            if (stub != null) {
                stub.close();
            }
            throw e;
        }
    }
}
