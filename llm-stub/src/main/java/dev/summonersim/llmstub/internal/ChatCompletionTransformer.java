package dev.summonersim.llmstub.internal;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.summonersim.llmstub.ChatScript;
import dev.summonersim.llmstub.Fault;
import dev.summonersim.llmstub.LlmStubConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a matched chat completion request like OpenAI: picks the script, applies prompt directives, and either
 * returns an error response or plans the stream that {@link SseStreamingFilter} then writes with real timing.
 */
public final class ChatCompletionTransformer implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "llmstub-chat-completion";
    public static final String SCRIPT_PARAMETER = "script";
    private static final Logger LOG = LoggerFactory.getLogger(ChatCompletionTransformer.class);
    private static final Pattern BEARER = Pattern.compile("Bearer\\s+\\S.*");

    private final ScriptRegistry scripts;
    private final StreamRegistry streams;
    private final StreamPlanner planner;
    private final LlmStubConfig config;

    /** @param config supplies the default timing and answer length (drawn per request when given as a spread) */
    public ChatCompletionTransformer(ScriptRegistry scripts, StreamRegistry streams, StreamPlanner planner,
                                     LlmStubConfig config) {
        this.scripts = scripts;
        this.streams = streams;
        this.planner = planner;
        this.config = config;
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
        String auth = request.getHeader("Authorization");
        if (auth == null || !BEARER.matcher(auth).matches()) {
            return error(401, OpenAiErrors.missingApiKey(), null);
        }
        ChatRequestBody body;
        Reply reply;
        Random random;
        try {
            body = ChatRequestBody.parse(request.getBodyAsString());
            Parameters parameters = serveEvent.getTransformerParameters();
            String scriptId = parameters == null ? null : parameters.getString(SCRIPT_PARAMETER, null);
            ChatScript script = scripts.select(scriptId);
            random = planner.random(body.prompt());
            Duration ttft = Duration.ofMillis(Math.round(config.ttft().draw(random))); // draw order: TTFT, length, gaps
            reply = Reply.resolve(script, body.prompt(), config.defaultTokens(random), ttft, config.tokenDelay());
        } catch (IllegalArgumentException e) {
            LOG.warn("rejected chat request with 400: {}", e.getMessage());
            return error(400, OpenAiErrors.badRequest(e.getMessage()), null);
        }
        Fault fault = reply.fault();
        LOG.info("chat request (stream={}, model={}) prompt \"{}\" -> {} tokens, ttft {} ms, {} ms/token, {}",
                body.stream(), body.model(), abbreviate(body.prompt()), reply.tokens().size(),
                reply.ttft().toMillis(), reply.gaps(), fault);
        if (fault.kind() == Fault.Kind.HTTP) {
            return error(fault.status(), OpenAiErrors.forStatus(fault.status(), body.model()), fault.retryAfter());
        }
        ChunkRenderer render = new ChunkRenderer(completionId(), Instant.now().getEpochSecond(), body.model(),
                body.includeUsage());
        if (!body.stream() && fault.kind() == Fault.Kind.ERROR_AFTER) {
            return error(500, OpenAiErrors.forStatus(500, body.model()), null);
        }
        StreamPlan plan = (body.stream() ? planner.stream(reply, body, render, random)
                : planner.completion(reply, body, render, random)).forPrompt(body.prompt());
        List<HttpHeader> headers = new ArrayList<>(commonHeaders());
        headers.add(new HttpHeader("Content-Type", body.stream() ? "text/event-stream; charset=utf-8" : "application/json"));
        if (body.stream()) {
            headers.add(new HttpHeader("Cache-Control", "no-cache"));
        }
        headers.add(new HttpHeader(StreamRegistry.PLAN_HEADER, streams.put(plan)));
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(200)
                .withHeaders(new HttpHeaders(headers))
                .withBody(plan.text())
                .build();
    }

    private static ResponseDefinition error(int status, String json, Duration retryAfter) {
        List<HttpHeader> headers = new ArrayList<>(commonHeaders());
        headers.add(new HttpHeader("Content-Type", "application/json; charset=utf-8"));
        if (retryAfter != null) {
            headers.add(new HttpHeader("retry-after-ms", Long.toString(retryAfter.toMillis())));
            headers.add(new HttpHeader("retry-after", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000))));
            headers.add(new HttpHeader("x-ratelimit-remaining-requests", "0"));
        }
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeaders(new HttpHeaders(headers))
                .withBody(json)
                .build();
    }

    private static List<HttpHeader> commonHeaders() {
        return List.of(
                new HttpHeader("x-request-id", "req_" + UUID.randomUUID().toString().replace("-", "")),
                new HttpHeader("openai-version", "2020-10-01"),
                new HttpHeader("openai-processing-ms", "12"),
                new HttpHeader("openai-organization", "org-llmstub"));
    }

    private static String abbreviate(String prompt) {
        String oneLine = prompt.replaceAll("\\s+", " ");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }

    private static String completionId() {
        return "chatcmpl-" + UUID.randomUUID().toString().replace("-", "").substring(0, 29);
    }
}
