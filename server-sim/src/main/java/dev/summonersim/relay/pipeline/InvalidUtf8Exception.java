package dev.summonersim.relay.pipeline;

import io.netty.handler.codec.CorruptedFrameException;

/** An inbound line that is not valid UTF-8; it is never relayed and its sender is disconnected (Q17). */
public final class InvalidUtf8Exception extends CorruptedFrameException {
    public InvalidUtf8Exception(int lineBytes, String detail) {
        super("line of " + lineBytes + " bytes is not valid UTF-8 (" + detail + ")");
    }
}
