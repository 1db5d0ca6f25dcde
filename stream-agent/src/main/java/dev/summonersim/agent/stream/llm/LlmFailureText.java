package dev.summonersim.agent.stream.llm;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.SseException;
import java.net.SocketTimeoutException;
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
            return "LLM sent malformed data: " + messageChain(failure);
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

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
