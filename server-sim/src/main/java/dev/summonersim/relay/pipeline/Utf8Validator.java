package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Lets a line through only if it is well-formed UTF-8 (no overlong forms, encoded surrogates or truncated sequences);
 * otherwise the line is released and {@link InvalidUtf8Exception} ends the sender's session, so invalid bytes are never
 * relayed (Q17). Lines stay bytes: the frame writer escapes them directly. ASCII lines, the normal case for SDK
 * envelopes, only cost one scan. Stateless, hence shared.
 */
@ChannelHandler.Sharable
public final class Utf8Validator extends ChannelInboundHandlerAdapter {
    private static final long HIGH_BITS = 0x8080808080808080L;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws InvalidUtf8Exception {
        ByteBuf line = (ByteBuf) msg;
        if (!isAscii(line)) {
            try {
                StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(line.nioBuffer());
            } catch (CharacterCodingException e) {
                int size = line.readableBytes();
                line.release();
                throw new InvalidUtf8Exception(size, e.toString());
            }
        }
        ctx.fireChannelRead(line);
    }

    /** Eight bytes per step: a line is ASCII when no byte has its high bit set. */
    static boolean isAscii(ByteBuf line) {
        int i = line.readerIndex();
        int end = line.writerIndex();
        for (; end - i >= Long.BYTES; i += Long.BYTES) {
            if ((line.getLong(i) & HIGH_BITS) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (line.getByte(i) < 0) {
                return false;
            }
        }
        return true;
    }
}
