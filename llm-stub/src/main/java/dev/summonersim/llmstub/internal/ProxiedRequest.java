package dev.summonersim.llmstub.internal;

import java.util.List;
import java.util.Map;

/**
 * A request WireMock has matched and journalled, handed to {@link UpstreamProxy} by the streaming filter (the
 * filter cannot read the body again once WireMock has).
 *
 * @param path    path and query as received, e.g. {@code /v1/chat/completions}
 * @param headers name and value pairs in order, repeated names kept
 */
public record ProxiedRequest(String method, String path, List<Map.Entry<String, String>> headers, byte[] body) {

    public ProxiedRequest {
        headers = List.copyOf(headers);
    }
}
