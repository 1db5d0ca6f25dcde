package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.ServerNotices;
import dev.summonersim.relay.policy.FixedWindowRateLimiter;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Rust flavour: drops lines over the per-connection fixed-window limit and answers each with the reference's warning
 * line (protocol.md §2.2). The warnings are flushed with the read burst.
 */
public final class RateLimitHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RateLimitHandler.class);
    private static final ByteBuf WARNING = Unpooled.unreleasableBuffer(Unpooled.directBuffer()
            .writeBytes(ServerNotices.RATE_LIMITED.getBytes(StandardCharsets.US_ASCII))).asReadOnly();

    private final FixedWindowRateLimiter limiter;
    private final Peer peer;
    private final PeerCloser closer;
    private final long maxBacklogBytes;
    private boolean warned;
    private long droppedInBurst;

    /**
     * @param maxBacklogBytes a flooding client that does not read its warnings is closed once they pile up beyond
     *                        this, as any other receiver over its outbound cap (a warning can be 66 times longer
     *                        than the empty line that caused it)
     */
    public RateLimitHandler(FixedWindowRateLimiter limiter, Peer peer, PeerCloser closer, long maxBacklogBytes) {
        this.limiter = limiter;
        this.peer = peer;
        this.closer = closer;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (limiter.tryAcquire()) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
        if (peer.isClosing()) {
            return;
        }
        if (peer.backlogBytes() > maxBacklogBytes) {
            log.warn("{} floods over the rate limit without reading its warnings; disconnecting", peer.address());
            closer.close(peer, ServerNotices.TOO_SLOW);
            return;
        }
        droppedInBurst++;
        warned = true;
        ctx.write(WARNING.duplicate(), ctx.voidPromise());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (warned) {
            warned = false;
            ctx.flush();
            log.warn("{} is over the rate limit; {} line(s) dropped with a warning", peer.address(), droppedInBurst);
            droppedInBurst = 0;
        }
        ctx.fireChannelReadComplete();
    }
}
