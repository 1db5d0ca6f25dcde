package dev.summonersim.llmstub.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Renders the JSON of one completion (stream chunks or the non-streaming object) with a fixed id, created and model. */
public final class ChunkRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINGERPRINT = "fp_11ms7ub0c";

    private final String id;
    private final long created;
    private final String model;
    private final boolean usageField;

    /** @param usageField whether chunks carry {@code "usage": null}, as OpenAI's do when usage was requested */
    public ChunkRenderer(String id, long created, String model, boolean usageField) {
        this.id = id;
        this.created = created;
        this.model = model;
        this.usageField = usageField;
    }

    public static String sse(String data) {
        return "data: " + data + "\n\n";
    }

    public static final String DONE = "data: [DONE]\n\n";

    /** First chunk: the role, empty content. */
    public String roleChunk() {
        ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
        delta.putNull("refusal");
        return chunk(delta, null);
    }

    public String contentChunk(String token) {
        return chunk(JSON.createObjectNode().put("content", token), null);
    }

    public String finishChunk() {
        return chunk(JSON.createObjectNode(), "stop");
    }

    public String usageChunk(int promptTokens, int completionTokens) {
        ObjectNode c = header("chat.completion.chunk");
        c.putArray("choices");
        c.set("usage", usage(promptTokens, completionTokens));
        return c.toString();
    }

    /** Starts like a chunk and breaks off inside a string: not JSON. */
    public String malformedChunk() {
        String whole = contentChunk("broken");
        return whole.substring(0, whole.indexOf("\"content\":") + 12);
    }

    /** The non-streaming {@code chat.completion} object. */
    public String completion(List<String> tokens, int promptTokens) {
        ObjectNode c = header("chat.completion");
        ObjectNode choice = c.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant").put("content", String.join("", tokens));
        message.putNull("refusal");
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        c.set("usage", usage(promptTokens, tokens.size()));
        c.put("service_tier", "default");
        c.put("system_fingerprint", FINGERPRINT);
        return c.toString();
    }

    private String chunk(ObjectNode delta, String finishReason) {
        ObjectNode c = header("chat.completion.chunk");
        c.put("service_tier", "default");
        c.put("system_fingerprint", FINGERPRINT);
        ArrayNode choices = c.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (usageField) {
            c.putNull("usage");
        }
        return c.toString();
    }

    private ObjectNode header(String object) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id).put("object", object).put("created", created).put("model", model);
        return c;
    }

    private static ObjectNode usage(int promptTokens, int completionTokens) {
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", promptTokens).put("completion_tokens", completionTokens)
                .put("total_tokens", promptTokens + completionTokens);
        u.putObject("prompt_tokens_details").put("cached_tokens", 0).put("audio_tokens", 0);
        u.putObject("completion_tokens_details").put("reasoning_tokens", 0).put("audio_tokens", 0)
                .put("accepted_prediction_tokens", 0).put("rejected_prediction_tokens", 0);
        return u;
    }
}
