package dev.summonersim.sdk.client;

import dev.summonersim.sdk.protocol.ReceivedMessage;

/**
 * Gets every received message, one at a time in arrival order (the next line is not read until every handler has
 * returned). An exception is logged and the client carries on with the next message.
 */
@FunctionalInterface
public interface ReceiveHandler {
    void onMessage(ReceivedMessage message) throws Exception;
}
