package dev.summonersim.llmstub.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * WireMock request matcher: the regex parameter {@code pattern} (when given) is found (not fully matched) in the
 * last user message, whether its content is a string or an array of text parts, and the parameter {@code model}
 * (when given) equals the request's model.
 */
public final class LastUserMessageMatcher extends RequestMatcherExtension {

    public static final String NAME = "llmstub-last-user-message";
    public static final String PATTERN_PARAMETER = "pattern";
    public static final String MODEL_PARAMETER = "model";

    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public MatchResult match(Request request, Parameters parameters) {
        ChatRequestBody body;
        try {
            body = ChatRequestBody.parse(request.getBodyAsString());
        } catch (IllegalArgumentException e) {
            return MatchResult.noMatch();
        }
        String model = parameters.getString(MODEL_PARAMETER, null);
        if (model != null && !model.equals(body.model())) {
            return MatchResult.noMatch();
        }
        String regex = parameters.getString(PATTERN_PARAMETER, null);
        if (regex == null) {
            return MatchResult.exactMatch();
        }
        Pattern pattern = compiled.computeIfAbsent(regex, Pattern::compile);
        return MatchResult.of(pattern.matcher(body.prompt()).find());
    }
}
