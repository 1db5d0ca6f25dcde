package dev.summonersim.sdk.client;

/**
 * Produces what to send, called in a loop with exactly one call in flight. The next call starts as soon as the
 * previous one returned, so the handler paces itself (sleep, or block on a queue). Each non-null result becomes one
 * envelope line; {@code null} sends nothing this round. The next call starts only after the previous result was
 * written and flushed, so a call also confirms that everything returned before it is on the wire. While the client
 * is disconnected no new call starts, and a result returned meanwhile is written on the next connection. The call is
 * interrupted when the client closes; a result returned after that is not written.
 */
@FunctionalInterface
public interface SendHandler {
    Object nextPayload() throws Exception;
}
