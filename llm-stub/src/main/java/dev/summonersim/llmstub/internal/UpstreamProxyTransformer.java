package dev.summonersim.llmstub.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * In proxy mode: WireMock matches and journals the request as usual, then this hands it to the streaming filter,
 * which forwards it with {@link UpstreamProxy} (WireMock's own proxying would buffer the whole answer).
 */
public final class UpstreamProxyTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "llmstub-upstream-proxy";

    private final StreamRegistry streams;

    public UpstreamProxyTransformer(StreamRegistry streams) {
        this.streams = streams;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        Request request = serveEvent.getRequest();
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (HttpHeader h : request.getHeaders().all()) {
            for (String value : h.values()) {
                headers.add(Map.entry(h.key(), value));
            }
        }
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        String id = streams.putProxied(new ProxiedRequest(request.getMethod().getName(), request.getUrl(), headers, body));
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200)
                .withHeader(StreamRegistry.PLAN_HEADER, id).build();
    }
}
