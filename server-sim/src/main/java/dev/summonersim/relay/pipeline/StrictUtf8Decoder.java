package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.util.ByteProcessor;
import io.netty.util.CharsetUtil;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns each line into a String, refusing anything that is not well-formed UTF-8 (overlong forms, encoded surrogates,
 * truncated sequences) with {@link InvalidUtf8Exception}, so invalid bytes are never relayed (Q17). ASCII lines, the
 * normal case for SDK envelopes, take a copy-only fast path.
 */
public final class StrictUtf8Decoder extends MessageToMessageDecoder<ByteBuf> {
    private static final ByteProcessor FIND_NON_ASCII = value -> value >= 0;

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf line, List<Object> out) throws InvalidUtf8Exception {
        if (line.forEachByte(FIND_NON_ASCII) < 0) {
            out.add(line.toString(CharsetUtil.ISO_8859_1));
            return;
        }
        try {
            out.add(utf8.reset().decode(line.nioBuffer()).toString());
        } catch (CharacterCodingException e) {
            throw new InvalidUtf8Exception(line.readableBytes(), e.toString());
        }
    }
}
