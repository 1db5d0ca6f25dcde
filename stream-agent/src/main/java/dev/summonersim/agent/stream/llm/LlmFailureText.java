package dev.summonersim.agent.stream.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns a client failure into the one-line text of a stream_error event. */
final class LlmFailureText {

    private LlmFailureText() {
    }

    static String describe(Throwable failure, Duration readTimeout) {
        if (hasCause(failure, SocketTimeoutException.class)) {
            return "LLM stream stalled: no data within the read timeout of " + readTimeout.toMillis() + " ms";
        }
        if (failure instanceof SseException) {
            return "LLM stream sent an error event: " + withoutStatusPrefix(failure);
        }
        if (failure instanceof OpenAIServiceException service) {
            return "LLM request failed with HTTP " + service.statusCode() + ": " + withoutStatusPrefix(failure);
        }
        if (failure instanceof OpenAIInvalidDataException) {
            // Jackson's own message carries a "[Source: REDACTED ...]" location meant for developers.
            JsonProcessingException json = cause(failure, JsonProcessingException.class);
            return json == null ? "LLM sent malformed data: " + messageChain(failure)
                    : "LLM sent a stream chunk that is not valid JSON: " + firstLine(json.getOriginalMessage());
        }
        UnknownHostException unknownHost = cause(failure, UnknownHostException.class);
        if (unknownHost != null) {
            return "LLM host could not be resolved: " + unknownHost.getMessage()
                    + " (no network or DNS, or a wrong --llm-base-url / OPENAI_BASE_URL)";
        }
        if (cause(failure, ConnectException.class) != null || cause(failure, NoRouteToHostException.class) != null) {
            return "LLM server could not be reached: " + messageChain(failure);
        }
        return messageChain(failure);
    }

    /** The client words service errors as "429: message"; the status is already in our prefix. */
    private static String withoutStatusPrefix(Throwable failure) {
        String text = messageChain(failure);
        return text.replaceFirst("^\\d{3}: ", "");
    }

    /** "Stream failed: Connection reset": the client's own words plus the causes that add information. */
    private static String messageChain(Throwable failure) {
        List<String> parts = new ArrayList<>();
        for (Throwable t = failure; t != null && parts.size() < 4; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank()) {
                message = t.getClass().getSimpleName();
            }
            String line = message.strip().replaceAll("\\s+", " ");
            if (parts.stream().noneMatch(p -> p.contains(line))) {
                parts.add(line);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return String.join(": ", parts);
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.strip().lines().findFirst().orElse("").strip();
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
