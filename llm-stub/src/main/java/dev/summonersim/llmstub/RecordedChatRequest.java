package dev.summonersim.llmstub;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import dev.summonersim.llmstub.internal.ChatRequestBody;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One request the stub received. {@code prompt} is the text of the last user message (empty when the body could
 * not be read); header names are lower case.
 */
public record RecordedChatRequest(String method, String path, Map<String, String> headers, String body,
                                  String model, boolean stream, boolean includeUsage, String prompt) {

    public RecordedChatRequest {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /** Builds the record from a WireMock request. */
    public static RecordedChatRequest from(Request request) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpHeader h : request.getHeaders().all()) {
            headers.putIfAbsent(h.key().toLowerCase(Locale.ROOT), h.firstValue());
        }
        String body = request.getBodyAsString();
        String path = request.getUrl();
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        try {
            ChatRequestBody parsed = ChatRequestBody.parse(body);
            return new RecordedChatRequest(request.getMethod().getName(), path, headers, body, parsed.model(),
                    parsed.stream(), parsed.includeUsage(), parsed.prompt());
        } catch (IllegalArgumentException e) {
            return new RecordedChatRequest(request.getMethod().getName(), path, headers, body, "", false, false, "");
        }
    }
}
