package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Splits the inbound stream into line contents (slices without the LF), per flavour:
 * <ul>
 *   <li>CR: the Rust flavour drops one CR before the LF (tokio {@code Lines}); the Python flavour keeps it (Q16).</li>
 *   <li>Content over {@code maxContentBytes}: the Python flavour fails with {@link LineTooLongException} as soon as the
 *       line (or the unterminated rest) is known to be too long, like asyncio's {@code readline()}; the Rust flavour
 *       drops that line, logs it, and keeps the connection. Either way memory stays bounded by the cap.</li>
 *   <li>A final line without LF is emitted at EOF unchanged (no CR stripping, as tokio).</li>
 * </ul>
 * Netty's {@code LineBasedFrameDecoder} is not used because it always treats CRLF as the delimiter.
 */
public final class LineFrameDecoder extends ByteToMessageDecoder {
    private static final Logger log = LoggerFactory.getLogger(LineFrameDecoder.class);

    private final boolean stripCr;
    private final boolean failOnTooLong;
    private final int maxContentBytes;
    /** Bytes after the reader index already known to hold no LF. */
    private int scanned;
    /** Rust flavour: skipping the rest of an over-long line. */
    private boolean discarding;
    private long discardedBytes;
    private boolean failed;
    /** The client shut its output down cleanly (EOF), so a final unterminated line is a real line. */
    private boolean cleanEof;

    /**
     * @param stripCr         drop one CR before the LF (Rust flavour)
     * @param failOnTooLong   over-long lines end the connection (Python flavour) instead of being dropped
     * @param maxContentBytes content cap per line, LF (and a stripped CR) excluded
     */
    public LineFrameDecoder(boolean stripCr, boolean failOnTooLong, int maxContentBytes) {
        this.stripCr = stripCr;
        this.failOnTooLong = failOnTooLong;
        this.maxContentBytes = maxContentBytes;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        while (in.isReadable()) {
            int start = in.readerIndex();
            int readable = in.readableBytes();
            // indexOf compares 8 bytes at a time (SWAR); forEachByte calls a processor per byte
            int lf = in.indexOf(start + scanned, start + readable, (byte) '\n');
            if (lf < 0) {
                scanned = readable;
                if (discarding) {
                    discardedBytes += readable;
                    in.skipBytes(readable);
                    scanned = 0;
                } else if (readable > maxContentBytes + (stripCr ? 1 : 0)) {
                    // no LF yet, but the content is already over the cap whatever follows
                    tooLong(ctx, in, readable);
                }
                return;
            }
            scanned = 0;
            int contentLength = lf - start;
            if (discarding) {
                discarding = false;
                in.readerIndex(lf + 1);
                logDropped(ctx, discardedBytes + contentLength);
                continue;
            }
            if (stripCr && contentLength > 0 && in.getByte(lf - 1) == '\r') {
                contentLength--;
            }
            if (contentLength > maxContentBytes) {
                if (failOnTooLong) {
                    failed = true;
                    in.skipBytes(in.readableBytes());
                    throw new LineTooLongException(contentLength, maxContentBytes);
                }
                in.readerIndex(lf + 1);
                logDropped(ctx, contentLength);
                continue;
            }
            out.add(in.retainedSlice(start, contentLength));
            in.readerIndex(lf + 1);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof ChannelInputShutdownEvent) {
            cleanEof = true;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        decode(ctx, in, out);
        if (failed || !in.isReadable()) {
            return;
        }
        int remaining = in.readableBytes();
        if (!cleanEof) {
            // the connection broke (reset, or closed by us) in the middle of a line: not a line the client finished
            in.skipBytes(remaining);
            return;
        }
        if (discarding || remaining > maxContentBytes) {
            if (failOnTooLong && !discarding) {
                failed = true;
                in.skipBytes(remaining);
                throw new LineTooLongException(remaining, maxContentBytes);
            }
            in.skipBytes(remaining);
            logDropped(ctx, discardedBytes + remaining);
            discarding = false;
            return;
        }
        out.add(in.readRetainedSlice(remaining));
        scanned = 0;
    }

    private void tooLong(ChannelHandlerContext ctx, ByteBuf in, int length) {
        if (failOnTooLong) {
            failed = true;
            in.skipBytes(in.readableBytes());
            throw new LineTooLongException(length, maxContentBytes);
        }
        discarding = true;
        discardedBytes = length;
        in.skipBytes(length);
        scanned = 0;
    }

    private void logDropped(ChannelHandlerContext ctx, long length) {
        log.warn("{} sent a line of {} bytes, over the maximum of {}; line dropped",
                ctx.channel().remoteAddress(), length, maxContentBytes);
        discardedBytes = 0;
    }
}
