package dev.summonersim.relay.pipeline;

import dev.summonersim.sdk.wire.RelayFlavour;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ByteProcessor;

import java.nio.charset.StandardCharsets;

/**
 * Writes a relay frame straight from the inbound line's bytes into a pooled buffer, byte-identical to
 * {@link dev.summonersim.sdk.wire.RelayFrameCodec#encode} (the tests compare both on the spec vectors and on random
 * text), without building Strings or a JSON generator per line: the relay's hot path. The content must already be
 * valid UTF-8 (see {@link Utf8Validator}).
 * <ul>
 *   <li>RUST: {@code {"content":"…","remote_addr":"…"}} — short escapes, other controls as lower-case
 *       {@code &#92;u00XX}, DEL and non-ASCII raw.</li>
 *   <li>PYTHON: {@code {"remote_addr": "…", "content": "…"}} — the same, plus DEL and every non-ASCII character as
 *       lower-case {@code &#92;uXXXX} (UTF-16 units, so surrogate pairs above U+FFFF).</li>
 * </ul>
 */
public final class RelayFrameWriter {
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final ByteProcessor RUST_PLAIN = b -> b >= 0x20 && b != '"' && b != '\\' || b < 0;
    private static final ByteProcessor PYTHON_PLAIN = b -> b >= 0x20 && b != '"' && b != '\\' && b != 0x7f;

    private final RelayFlavour flavour;
    private final byte[] prefix;
    private final byte[] suffix;

    /** @param remoteAddr the sender address as printed in frames, e.g. {@code 127.0.0.1:50490} (ASCII) */
    public RelayFrameWriter(RelayFlavour flavour, String remoteAddr) {
        this.flavour = flavour;
        String addr = remoteAddr.replace("\\", "\\\\").replace("\"", "\\\"");
        if (flavour == RelayFlavour.PYTHON) {
            prefix = ("{\"remote_addr\": \"" + addr + "\", \"content\": \"").getBytes(StandardCharsets.US_ASCII);
            suffix = "\"}\n".getBytes(StandardCharsets.US_ASCII);
        } else {
            prefix = "{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
            suffix = ("\",\"remote_addr\":\"" + addr + "\"}\n").getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The whole frame including its LF; the caller owns (and must release) the returned buffer. */
    public ByteBuf write(ByteBufAllocator alloc, ByteBuf content) {
        int len = content.readableBytes();
        ByteBuf out = alloc.directBuffer(prefix.length + len + (len >> 3) + suffix.length + 16);
        out.writeBytes(prefix);
        if (flavour == RelayFlavour.PYTHON) {
            escape(content, out, PYTHON_PLAIN, true);
        } else {
            escape(content, out, RUST_PLAIN, false);
        }
        out.writeBytes(suffix);
        return out;
    }

    private static void escape(ByteBuf in, ByteBuf out, ByteProcessor plain, boolean asciiOnly) {
        int i = in.readerIndex();
        int end = in.writerIndex();
        while (i < end) {
            int special = in.forEachByte(i, end - i, plain);
            int spanEnd = special < 0 ? end : special;
            if (spanEnd > i) {
                out.writeBytes(in, i, spanEnd - i);
            }
            if (special < 0) {
                return;
            }
            byte b = in.getByte(special);
            if (b >= 0) {
                escapeAscii(b, out);
                i = special + 1;
            } else {
                // PYTHON only: a non-ASCII character, valid UTF-8 by contract
                i = escapeNonAscii(in, special, out);
            }
        }
    }

    private static void escapeAscii(byte b, ByteBuf out) {
        switch (b) {
            case '"' -> out.writeByte('\\').writeByte('"');
            case '\\' -> out.writeByte('\\').writeByte('\\');
            case '\n' -> out.writeByte('\\').writeByte('n');
            case '\r' -> out.writeByte('\\').writeByte('r');
            case '\t' -> out.writeByte('\\').writeByte('t');
            case '\b' -> out.writeByte('\\').writeByte('b');
            case '\f' -> out.writeByte('\\').writeByte('f');
            default -> unicodeEscape(b, out);
        }
    }

    private static int escapeNonAscii(ByteBuf in, int at, ByteBuf out) {
        int b0 = in.getByte(at) & 0xff;
        int cp;
        int n;
        if (b0 < 0xe0) {
            cp = (b0 & 0x1f) << 6 | in.getByte(at + 1) & 0x3f;
            n = 2;
        } else if (b0 < 0xf0) {
            cp = (b0 & 0x0f) << 12 | (in.getByte(at + 1) & 0x3f) << 6 | in.getByte(at + 2) & 0x3f;
            n = 3;
        } else {
            cp = (b0 & 0x07) << 18 | (in.getByte(at + 1) & 0x3f) << 12 | (in.getByte(at + 2) & 0x3f) << 6
                    | in.getByte(at + 3) & 0x3f;
            n = 4;
        }
        if (cp >= 0x10000) {
            unicodeEscape(Character.highSurrogate(cp), out);
            unicodeEscape(Character.lowSurrogate(cp), out);
        } else {
            unicodeEscape(cp, out);
        }
        return at + n;
    }

    private static void unicodeEscape(int unit, ByteBuf out) {
        out.writeByte('\\').writeByte('u')
                .writeByte(HEX[unit >> 12 & 0xf]).writeByte(HEX[unit >> 8 & 0xf])
                .writeByte(HEX[unit >> 4 & 0xf]).writeByte(HEX[unit & 0xf]);
    }
}
