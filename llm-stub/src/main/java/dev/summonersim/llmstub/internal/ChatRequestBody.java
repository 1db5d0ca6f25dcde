package dev.summonersim.llmstub.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The parts of a {@code POST /v1/chat/completions} body the stub reacts to. */
public record ChatRequestBody(String model, boolean stream, boolean includeUsage, String prompt, int promptTokens) {

    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String DEFAULT_MODEL = "gpt-4o-mini-2024-07-18";

    /**
     * @throws IllegalArgumentException when the body is not JSON or has no {@code messages} array
     */
    public static ChatRequestBody parse(String body) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("We could not parse the JSON body of your request. "
                    + "(HINT: This likely means you aren't using your HTTP library correctly.)");
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("We could not parse the JSON body of your request: expected a JSON object.");
        }
        JsonNode messages = root.path("messages");
        if (!messages.isArray() || messages.isEmpty()) {
            throw new IllegalArgumentException("Missing required parameter: 'messages'.");
        }
        String prompt = null;
        int words = 0;
        for (JsonNode m : messages) {
            String text = contentText(m.path("content"));
            words += text.isBlank() ? 0 : text.trim().split("\\s+").length;
            if ("user".equals(m.path("role").asText())) {
                prompt = text;
            }
        }
        String model = root.path("model").asText("");
        return new ChatRequestBody(model.isEmpty() ? DEFAULT_MODEL : model,
                root.path("stream").asBoolean(false),
                root.path("stream_options").path("include_usage").asBoolean(false),
                prompt == null ? "" : prompt,
                words + 7);
    }

    /** The text of the last user message, or null when the body cannot be read; used by the prompt matcher. */
    public static String promptOrNull(String body) {
        try {
            return parse(body).prompt();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Content is a string or, for multimodal messages, an array of parts of which the text parts count. */
    private static String contentText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        if (content.isArray()) {
            for (JsonNode part : content) {
                if (part.path("text").isTextual()) {
                    sb.append(sb.length() == 0 ? "" : "\n").append(part.path("text").asText());
                }
            }
        }
        return sb.toString();
    }
}
