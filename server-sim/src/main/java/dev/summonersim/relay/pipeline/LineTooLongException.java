package dev.summonersim.relay.pipeline;

import io.netty.handler.codec.TooLongFrameException;

/** An inbound line whose content exceeds the configured cap, in the Python flavour, where it ends the connection. */
public final class LineTooLongException extends TooLongFrameException {
    public LineTooLongException(long length, int max) {
        super("line length (" + length + ") exceeds the allowed maximum (" + max + ")");
    }
}
