package dev.summonersim.llmstub;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.ChatModel;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** What an openai-java streaming call saw: tokens with arrival times, the finish reason, and the error if any. */
record StreamRecording(List<String> tokens, List<Long> arrivalNanos, long startNanos, long headersNanos,
                       String finishReason, boolean usageSeen, RuntimeException error) {

    static ChatCompletionCreateParams params(String prompt) {
        return ChatCompletionCreateParams.builder().model(ChatModel.GPT_4O_MINI).addUserMessage(prompt)
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                .build();
    }

    static StreamRecording stream(OpenAIClient client, String prompt) {
        return stream(client, params(prompt));
    }

    static StreamRecording stream(OpenAIClient client, ChatCompletionCreateParams params) {
        return stream(client, params, t -> { });
    }

    /** Consumes the whole stream on this thread, telling {@code onToken} each token; an exception is recorded, not thrown. */
    static StreamRecording stream(OpenAIClient client, ChatCompletionCreateParams params, Consumer<String> onToken) {
        List<String> tokens = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        String[] finish = {null};
        boolean[] usage = {false};
        long start = System.nanoTime();
        long headers = -1;
        try (StreamResponse<ChatCompletionChunk> sr = client.chat().completions().createStreaming(params)) {
            headers = System.nanoTime();
            sr.stream().forEach(chunk -> {
                if (chunk.usage().isPresent()) {
                    usage[0] = true;
                }
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    choice.delta().content().filter(s -> !s.isEmpty()).ifPresent(t -> {
                        tokens.add(t);
                        times.add(System.nanoTime());
                        onToken.accept(t);
                    });
                    choice.finishReason().ifPresent(f -> finish[0] = f.asString());
                }
            });
        } catch (RuntimeException e) {
            return new StreamRecording(tokens, times, start, headers, finish[0], usage[0], e);
        }
        return new StreamRecording(tokens, times, start, headers, finish[0], usage[0], null);
    }

    String text() {
        return String.join("", tokens);
    }

    long millisToToken(int i) {
        return (arrivalNanos.get(i) - startNanos) / 1_000_000;
    }
}
