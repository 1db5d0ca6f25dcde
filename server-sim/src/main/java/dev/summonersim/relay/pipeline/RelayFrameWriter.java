package dev.summonersim.relay.pipeline;

import dev.summonersim.sdk.protocol.RelayFlavour;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.FastThreadLocal;

import java.nio.charset.StandardCharsets;

/**
 * Writes a relay frame straight from the inbound line's bytes into a pooled buffer, byte-identical to
 * {@link dev.summonersim.sdk.protocol.RelayFrameCodec#encode} (the tests compare both on the spec vectors and on random
 * text), without building Strings or a JSON generator per line: the relay's hot path. Thread-safe. The content must already be
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
    /** Per byte value: 0 = copy as is, 1 = short escape, 2 = backslash-u00XX, 3 = non-ASCII lead byte. */
    private static final byte[] RUST_CLASS = new byte[256];
    private static final byte[] PYTHON_CLASS = new byte[256];
    private static final byte[] SHORT = new byte[128];
    /** Scratch space per event-loop thread, so a line is escaped with plain array loops and copied out once. */
    private static final FastThreadLocal<Scratch> SCRATCH = new FastThreadLocal<>() {
        @Override
        protected Scratch initialValue() {
            return new Scratch();
        }
    };

    static {
        for (int b = 0; b < 0x20; b++) {
            RUST_CLASS[b] = 2;
        }
        SHORT['"'] = '"';
        SHORT['\\'] = '\\';
        SHORT['\n'] = 'n';
        SHORT['\r'] = 'r';
        SHORT['\t'] = 't';
        SHORT['\b'] = 'b';
        SHORT['\f'] = 'f';
        for (int b = 0; b < 128; b++) {
            if (SHORT[b] != 0) {
                RUST_CLASS[b] = 1;
            }
        }
        System.arraycopy(RUST_CLASS, 0, PYTHON_CLASS, 0, 256);
        PYTHON_CLASS[0x7f] = 2;
        for (int b = 0x80; b < 256; b++) {
            PYTHON_CLASS[b] = 3;
        }
    }

    private final byte[] prefix;
    private final byte[] suffix;
    private final byte[] classes;

    /** @param remoteAddr the sender address as printed in frames, e.g. {@code 127.0.0.1:50490} (ASCII) */
    public RelayFrameWriter(RelayFlavour flavour, String remoteAddr) {
        String addr = remoteAddr.replace("\\", "\\\\").replace("\"", "\\\"");
        if (flavour == RelayFlavour.PYTHON) {
            prefix = ("{\"remote_addr\": \"" + addr + "\", \"content\": \"").getBytes(StandardCharsets.US_ASCII);
            suffix = "\"}\n".getBytes(StandardCharsets.US_ASCII);
            classes = PYTHON_CLASS;
        } else {
            prefix = "{\"content\":\"".getBytes(StandardCharsets.US_ASCII);
            suffix = ("\",\"remote_addr\":\"" + addr + "\"}\n").getBytes(StandardCharsets.US_ASCII);
            classes = RUST_CLASS;
        }
    }

    /** The whole frame including its LF; the caller owns (and must release) the returned buffer. */
    public ByteBuf write(ByteBufAllocator alloc, ByteBuf content) {
        ByteBuf shared = writeShared(content);
        int n = shared.readableBytes();
        return alloc.directBuffer(n, n).writeBytes(shared);
    }

    /**
     * The whole frame including its LF, in this thread's scratch buffer: valid until the next call on this thread,
     * never to be released or kept (the relay copies it into each receiver's outgoing buffer, so a frame costs no
     * buffer of its own).
     */
    public ByteBuf writeShared(ByteBuf content) {
        int len = content.readableBytes();
        Scratch scratch = SCRATCH.get();
        byte[] src = scratch.source(len);
        content.getBytes(content.readerIndex(), src, 0, len);
        // worst case: 6 output bytes per input byte (control characters; 4-byte UTF-8 becomes 12 bytes, 3 per byte)
        byte[] dst = scratch.target(prefix.length + 6 * len + suffix.length);
        System.arraycopy(prefix, 0, dst, 0, prefix.length);
        int n = escape(src, len, dst, prefix.length, classes);
        System.arraycopy(suffix, 0, dst, n, suffix.length);
        n += suffix.length;
        return scratch.frame(n);
    }

    private static int escape(byte[] src, int len, byte[] dst, int at, byte[] classes) {
        int o = at;
        int i = 0;
        while (i < len) {
            byte b = src[i];
            switch (classes[b & 0xff]) {
                case 0 -> {
                    dst[o++] = b;
                    i++;
                }
                case 1 -> {
                    dst[o++] = '\\';
                    dst[o++] = SHORT[b];
                    i++;
                }
                case 2 -> {
                    o = unicodeEscape(b, dst, o);
                    i++;
                }
                default -> {
                    // Python flavour: one non-ASCII character (valid UTF-8 by contract) as UTF-16 escapes
                    int b0 = b & 0xff;
                    int cp;
                    if (b0 < 0xe0) {
                        cp = (b0 & 0x1f) << 6 | src[i + 1] & 0x3f;
                        i += 2;
                    } else if (b0 < 0xf0) {
                        cp = (b0 & 0x0f) << 12 | (src[i + 1] & 0x3f) << 6 | src[i + 2] & 0x3f;
                        i += 3;
                    } else {
                        cp = (b0 & 0x07) << 18 | (src[i + 1] & 0x3f) << 12 | (src[i + 2] & 0x3f) << 6
                                | src[i + 3] & 0x3f;
                        i += 4;
                    }
                    if (cp >= 0x10000) {
                        o = unicodeEscape(Character.highSurrogate(cp), dst, o);
                        o = unicodeEscape(Character.lowSurrogate(cp), dst, o);
                    } else {
                        o = unicodeEscape(cp, dst, o);
                    }
                }
            }
        }
        return o;
    }

    private static int unicodeEscape(int unit, byte[] dst, int o) {
        dst[o] = '\\';
        dst[o + 1] = 'u';
        dst[o + 2] = HEX[unit >> 12 & 0xf];
        dst[o + 3] = HEX[unit >> 8 & 0xf];
        dst[o + 4] = HEX[unit >> 4 & 0xf];
        dst[o + 5] = HEX[unit & 0xf];
        return o + 6;
    }

    private static final class Scratch {
        private byte[] source = new byte[1024];
        private byte[] target = new byte[8192];
        private ByteBuf frame = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(target));

        ByteBuf frame(int length) {
            return frame.setIndex(0, length);
        }

        byte[] source(int size) {
            if (source.length < size) {
                source = new byte[Math.max(size, source.length * 2)];
            }
            return source;
        }

        byte[] target(int size) {
            if (target.length < size) {
                target = new byte[Math.max(size, target.length * 2)];
                frame = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(target));
            }
            return target;
        }
    }
}
