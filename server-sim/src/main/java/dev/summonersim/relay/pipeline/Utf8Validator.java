package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ByteProcessor;

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
    private static final ByteProcessor ASCII = value -> value >= 0;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws InvalidUtf8Exception {
        ByteBuf line = (ByteBuf) msg;
        if (line.forEachByte(ASCII) >= 0) {
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
}
