package dev.summonersim.agent.stream;

import java.util.Map;

/**
 * Where the LLM settings come from, resolved as the reference does: the process environment wins over a
 * {@code .env} file (python-dotenv does not override), and {@code --llm-base-url} wins over both.
 * Both values null means "nothing configured": the agent then runs the embedded stub.
 */
record LlmEndpoint(String baseUrl, String apiKey) {

    static final String API_KEY_VARIABLE = "OPENAI_API_KEY";
    static final String BASE_URL_VARIABLE = "OPENAI_BASE_URL";

    static LlmEndpoint resolve(String cliBaseUrl, Map<String, String> environment, Map<String, String> dotEnv) {
        String key = firstNonBlank(environment.get(API_KEY_VARIABLE), dotEnv.get(API_KEY_VARIABLE));
        String url = firstNonBlank(cliBaseUrl, environment.get(BASE_URL_VARIABLE), dotEnv.get(BASE_URL_VARIABLE));
        return new LlmEndpoint(url, key);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "LlmEndpoint[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "unset" : "<hidden>") + "]";
    }
}
