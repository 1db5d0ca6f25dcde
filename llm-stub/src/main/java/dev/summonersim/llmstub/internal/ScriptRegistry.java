package dev.summonersim.llmstub.internal;

import dev.summonersim.llmstub.ChatScript;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scripts by id, so that WireMock stub mappings only carry the id as a transformer parameter; plus the one-shot
 * queue of {@code enqueue}d scripts that take precedence over every mapping.
 */
public final class ScriptRegistry {

    public static final String DEFAULT_ID = "default";

    private final Map<String, ChatScript> byId = new ConcurrentHashMap<>();
    private final Queue<ChatScript> oneShot = new ConcurrentLinkedQueue<>();
    private final AtomicInteger nextId = new AtomicInteger();

    public ScriptRegistry() {
        byId.put(DEFAULT_ID, ChatScript.anyPrompt());
    }

    public String register(ChatScript script) {
        String id = "script-" + nextId.incrementAndGet();
        byId.put(id, script);
        return id;
    }

    public void enqueue(ChatScript script) {
        oneShot.add(script);
    }

    /** The script for one request: the next enqueued one if any, else the mapping's. */
    public ChatScript select(String mappingScriptId) {
        ChatScript queued = oneShot.poll();
        if (queued != null) {
            return queued;
        }
        ChatScript script = byId.get(mappingScriptId == null ? DEFAULT_ID : mappingScriptId);
        return script == null ? byId.get(DEFAULT_ID) : script;
    }
}
