package dev.summonersim.llmstub.internal;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * WireMock request matcher: the regex parameter {@code pattern} is found (not fully matched) in the last user
 * message, whether its content is a string or an array of text parts.
 */
public final class LastUserMessageMatcher extends RequestMatcherExtension {

    public static final String NAME = "llmstub-last-user-message";
    public static final String PATTERN_PARAMETER = "pattern";

    private final Map<String, Pattern> compiled = new ConcurrentHashMap<>();

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public MatchResult match(Request request, Parameters parameters) {
        String prompt = ChatRequestBody.promptOrNull(request.getBodyAsString());
        if (prompt == null) {
            return MatchResult.noMatch();
        }
        Pattern pattern = compiled.computeIfAbsent(parameters.getString(PATTERN_PARAMETER), Pattern::compile);
        return MatchResult.of(pattern.matcher(prompt).find());
    }
}
