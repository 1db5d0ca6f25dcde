package dev.summonersim.llmstub.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** OpenAI's {@code {"error": {message, type, param, code}}} bodies, with the texts the real API uses. */
public final class OpenAiErrors {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiErrors() {
    }

    public static String missingApiKey() {
        return body("You didn't provide an API key. You need to provide your API key in an Authorization header "
                + "using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank "
                + "username) if you're accessing the API from your browser and are prompted for a username and "
                + "password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
                "invalid_request_error", null);
    }

    public static String badRequest(String message) {
        return body(message, "invalid_request_error", null);
    }

    /** The body for an injected HTTP fault. */
    public static String forStatus(int status, String model) {
        return switch (status) {
            case 401 -> body("Incorrect API key provided: sk-stub***************. You can find your API key at "
                    + "https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key");
            case 429 -> body("Rate limit reached for " + model + " in organization org-llmstub on requests per min "
                    + "(RPM): Limit 3, Used 3, Requested 1. Please try again in 20s. Visit "
                    + "https://platform.openai.com/account/rate-limits to learn more.", "requests", "rate_limit_exceeded");
            case 500 -> body("The server had an error while processing your request. Sorry about that!",
                    "server_error", null);
            case 503 -> body("The server is overloaded or not ready yet.", "service_unavailable_error",
                    "server_is_overloaded");
            default -> body("The stub was asked to fail with HTTP " + status + ".",
                    status < 500 ? "invalid_request_error" : "server_error", null);
        };
    }

    /** The recording proxy's own answer when it cannot reach the upstream (502) or is shutting down. */
    public static String proxyError(String message) {
        return body(message, "upstream_error", "upstream_unreachable");
    }

    /** The data of the error event OpenAI sends when a stream fails after it started (status already 200). */
    public static String midStreamError() {
        return body("The server had an error while processing your request. Sorry about that!", "server_error", null);
    }

    private static String body(String message, String type, String code) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message).put("type", type);
        error.putNull("param");
        if (code == null) {
            error.putNull("code");
        } else {
            error.put("code", code);
        }
        return root.toString();
    }
}
