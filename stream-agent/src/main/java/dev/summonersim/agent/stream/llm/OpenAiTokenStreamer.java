package dev.summonersim.agent.stream.llm;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.core.Timeout;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.Call;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Streams chat completions with the official openai-java client (OkHttp transport).
 *
 * <p>Cancellation aborts the OkHttp {@link Call} itself: closing the {@link StreamResponse} from another thread
 * blocks until the next byte arrives and can corrupt the reader, while {@code Call.cancel()} wakes the blocked
 * consumer within milliseconds and closes the socket, so the server sees the request end. The call is captured
 * by an application interceptor that finds the stream's {@link StreamCancellation} through a private request
 * header, which it strips before the request leaves.
 */
public final class OpenAiTokenStreamer implements TokenStreamer {

    static final String STREAM_KEY_HEADER = "X-Summoner-Stream-Key";

    private final OpenAIClient client;
    private final LlmSettings settings;
    private final Map<String, StreamCancellation> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    /** @param settings with a base URL and a key (see {@link LlmSettings#withEndpoint}) */
    public OpenAiTokenStreamer(LlmSettings settings) {
        Objects.requireNonNull(settings.baseUrl(), "settings.baseUrl");
        Objects.requireNonNull(settings.apiKey(), "settings.apiKey");
        this.settings = settings;
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .maxRetries(settings.maxRetries())
                .timeout(Timeout.builder()
                        .connect(Duration.ofSeconds(10))
                        .read(settings.readTimeout())
                        .request(Duration.ofMinutes(30))
                        .build())
                .disableTelemetry(true)
                .addInterceptor(this::registerCall)
                .build();
        Thread warmUp = new Thread(() -> warmUp(settings.model()), "openai-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /**
     * Loads and initialises the client's request and chunk (de)serialisers off the critical path: on a busy
     * machine the first prompt otherwise waits seconds for class loading before its request even leaves.
     */
    private static void warmUp(String model) {
        try {
            JsonMapper mapper = ObjectMappers.jsonMapper();
            mapper.writeValueAsString(ChatCompletionCreateParams.builder().model(model).addUserMessage("warm-up")
                    .build()._body());
            mapper.readValue("{\"id\":\"w\",\"object\":\"chat.completion.chunk\",\"created\":0,\"model\":\"m\","
                    + "\"choices\":[{\"index\":0,\"delta\":{\"content\":\"x\"},\"finish_reason\":null}]}",
                    ChatCompletionChunk.class).choices().forEach(c -> c.delta().content());
        } catch (Exception | LinkageError e) {
            // only an optimisation; the first real request pays the cost instead
        }
    }

    private Response registerCall(Interceptor.Chain chain) throws IOException {
        Request request = chain.request();
        String key = request.header(STREAM_KEY_HEADER);
        if (key == null) {
            return chain.proceed(request);
        }
        StreamCancellation cancellation = inFlight.get(key);
        if (cancellation != null) {
            Call call = chain.call();
            // Runs at once when the stream was cancelled before this (re)try started.
            cancellation.onCancel(call::cancel);
        }
        return chain.proceed(request.newBuilder().removeHeader(STREAM_KEY_HEADER).build());
    }

    @Override
    public void stream(String prompt, Consumer<String> onToken, StreamCancellation cancellation)
            throws LlmStreamException {
        String key = Long.toString(keys.incrementAndGet());
        inFlight.put(key, cancellation);
        ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                .model(settings.model())
                .addUserMessage(prompt)
                .putAdditionalHeader(STREAM_KEY_HEADER, key)
                .build();
        boolean finished = false;
        try (StreamResponse<ChatCompletionChunk> response = client.chat().completions().createStreaming(params);
             Stream<ChatCompletionChunk> chunks = response.stream()) {
            Iterator<ChatCompletionChunk> it = chunks.iterator();
            while (!cancellation.isCancelled() && it.hasNext()) {
                for (ChatCompletionChunk.Choice choice : it.next().choices()) {
                    if (choice.index() != 0) {
                        continue;
                    }
                    choice.delta().content().filter(text -> !text.isEmpty()).ifPresent(onToken);
                    if (choice.finishReason().isPresent()) {
                        finished = true;
                    }
                }
            }
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                return;
            }
            throw new LlmStreamException(LlmFailureText.describe(e, settings.readTimeout()), e);
        } finally {
            inFlight.remove(key);
        }
        if (!finished && !cancellation.isCancelled()) {
            throw new LlmStreamException("LLM stream ended without finish_reason (truncated response)");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
