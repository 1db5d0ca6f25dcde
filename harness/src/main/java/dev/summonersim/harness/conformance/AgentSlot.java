package dev.summonersim.harness.conformance;

import java.nio.file.Path;

/**
 * What the kit hands to one copy of the agent under test.
 *
 * @param label       "agent" or "agent-2" (the second copy in self-trigger), used for file names and messages
 * @param configFile  the client config written for this copy (reference client_config.json keys)
 * @param host        the relay (or recording proxy) host the agent must connect to
 * @param port        its port
 * @param llmBaseUrl  the LLM stub's /v1 URL
 * @param outputFile  where the agent's stdout and stderr go
 */
record AgentSlot(String label, Path configFile, String host, int port, String llmBaseUrl, Path outputFile) {
}
