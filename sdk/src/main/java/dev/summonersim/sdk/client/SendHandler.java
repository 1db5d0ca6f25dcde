package dev.summonersim.sdk.client;

/**
 * Produces what to send, called in a loop with exactly one call in flight. The next call starts as soon as the
 * previous one returned, so the handler paces itself (sleep, or block on a queue). Each non-null result becomes one
 * envelope line; {@code null} sends nothing this round. The call is interrupted when the client closes.
 */
@FunctionalInterface
public interface SendHandler {
    Object nextPayload() throws Exception;
}
