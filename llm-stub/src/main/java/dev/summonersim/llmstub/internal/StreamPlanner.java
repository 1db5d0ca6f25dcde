package dev.summonersim.llmstub.internal;

import dev.summonersim.llmstub.Fault;
import dev.summonersim.llmstub.internal.StreamPlan.Ending;
import dev.summonersim.llmstub.internal.StreamPlan.TimedEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a {@link Reply} into the timed events of one response. Every random draw for a request (its default TTFT
 * and answer length, its inter-token delays, jitter) comes from {@link #random(String)}: a Random seeded with the
 * stub's seed and the prompt, so the same prompt gets the same schedule on every run.
 */
public final class StreamPlanner {

    private final Duration jitter;
    private final long seed;

    public StreamPlanner(Duration jitter, long seed) {
        this.jitter = jitter;
        this.seed = seed;
    }

    /** The SSE stream for {@code stream: true}. */
    public StreamPlan stream(Reply reply, ChatRequestBody request, ChunkRenderer render) {
        return stream(reply, request, render, random(request.prompt()));
    }

    /** The SSE stream, continuing the draws of {@code random} (the one that already drew the request's defaults). */
    public StreamPlan stream(Reply reply, ChatRequestBody request, ChunkRenderer render, Random random) {
        List<String> tokens = reply.tokens();
        Fault fault = reply.fault();
        int stopAt = fault.kind() == Fault.Kind.MALFORMED_AFTER ? tokens.size() : fault.tokensBeforeStop(tokens.size());
        int malformedAt = fault.kind() == Fault.Kind.MALFORMED_AFTER ? Math.min(fault.afterTokens(), tokens.size()) : -1;
        List<TimedEvent> events = new ArrayList<>(tokens.size() + 4);
        events.add(TimedEvent.of(reply.ttft().toMillis(), ChunkRenderer.sse(render.roleChunk())));
        for (int i = 0; i < stopAt; i++) {
            if (i == malformedAt) {
                events.add(TimedEvent.of(gap(reply, random), ChunkRenderer.sse(render.malformedChunk())));
            }
            long delay = tokenGap(reply, random, i);
            events.add(TimedEvent.token(delay, ChunkRenderer.sse(render.contentChunk(tokens.get(i))), i));
        }
        switch (fault.kind()) {
            case ERROR_AFTER:
                events.add(TimedEvent.of(endGap(reply, random), ChunkRenderer.sse(OpenAiErrors.midStreamError())));
                return new StreamPlan(events, Ending.COMPLETE, true);
            case RESET_AFTER:
                events.add(TimedEvent.of(endGap(reply, random), ""));
                return new StreamPlan(events, Ending.RESET, true);
            case TRUNCATE_AFTER:
                events.add(TimedEvent.of(endGap(reply, random), ""));
                return new StreamPlan(events, Ending.COMPLETE, true);
            case STALL_AFTER:
                return new StreamPlan(events, Ending.STALL, true);
            default:
                break;
        }
        if (malformedAt == tokens.size()) {
            events.add(TimedEvent.of(gap(reply, random), ChunkRenderer.sse(render.malformedChunk())));
        }
        events.add(TimedEvent.of(endGap(reply, random), ChunkRenderer.sse(render.finishChunk())));
        if (request.includeUsage()) {
            events.add(TimedEvent.of(0, ChunkRenderer.sse(render.usageChunk(request.promptTokens(), tokens.size()))));
        }
        events.add(TimedEvent.of(0, ChunkRenderer.DONE));
        return new StreamPlan(events, Ending.COMPLETE, true);
    }

    /** The single JSON body for {@code stream: false}, sent after the whole generation time. */
    public StreamPlan completion(Reply reply, ChatRequestBody request, ChunkRenderer render) {
        return completion(reply, request, render, random(request.prompt()));
    }

    public StreamPlan completion(Reply reply, ChatRequestBody request, ChunkRenderer render, Random random) {
        long total = reply.ttft().toMillis();
        if (reply.recorded() != null) {
            total += reply.recorded().total().toMillis();
        } else {
            for (int i = 1; i < reply.tokens().size(); i++) {
                total += gap(reply, random);
            }
        }
        String body = render.completion(reply.tokens(), request.promptTokens());
        return switch (reply.fault().kind()) {
            case RESET_AFTER -> new StreamPlan(List.of(TimedEvent.of(total, "")), Ending.RESET, false);
            case STALL_AFTER -> new StreamPlan(List.of(), Ending.STALL, false);
            case TRUNCATE_AFTER, MALFORMED_AFTER ->
                    new StreamPlan(List.of(TimedEvent.of(total, body.substring(0, body.length() / 2))), Ending.COMPLETE, false);
            default -> new StreamPlan(List.of(TimedEvent.of(total, body)), Ending.COMPLETE, false);
        };
    }

    /** The pause before token {@code index}: its recorded delay, else 0 for the first and a drawn gap for the rest. */
    private long tokenGap(Reply reply, Random random, int index) {
        Duration recorded = reply.recorded() == null ? null : reply.recorded().delayBefore(index);
        if (recorded != null) {
            return recorded.toMillis();
        }
        return index == 0 ? 0 : gap(reply, random);
    }

    /** The pause between the last token and the end of the stream. */
    private long endGap(Reply reply, Random random) {
        return reply.recorded() != null ? reply.recorded().endDelay().toMillis() : gap(reply, random);
    }

    private long gap(Reply reply, Random random) {
        long base = Math.round(reply.gaps().draw(random));
        long j = jitter.toMillis();
        if (j <= 0) {
            return base;
        }
        return Math.max(0, base + random.nextLong() % (j + 1));
    }

    /** The request's own random source: the same seed and prompt give the same draws. */
    public Random random(String prompt) {
        return new Random(seed * 31 + prompt.hashCode());
    }
}
