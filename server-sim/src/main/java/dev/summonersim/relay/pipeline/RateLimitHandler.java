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
 * line (spec 4.1). The warnings are flushed with the read burst.
 */
public final class RateLimitHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RateLimitHandler.class);
    private static final ByteBuf WARNING = Unpooled.unreleasableBuffer(Unpooled.directBuffer()
            .writeBytes(ServerNotices.RATE_LIMITED.getBytes(StandardCharsets.US_ASCII))).asReadOnly();

    private final FixedWindowRateLimiter limiter;
    private final Peer peer;
    private boolean warned;
    private long droppedInBurst;

    public RateLimitHandler(FixedWindowRateLimiter limiter, Peer peer) {
        this.limiter = limiter;
        this.peer = peer;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (limiter.tryAcquire()) {
            ctx.fireChannelRead(msg);
            return;
        }
        ReferenceCountUtil.release(msg);
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
