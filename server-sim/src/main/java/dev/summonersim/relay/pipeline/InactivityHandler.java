package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.ServerNotices;
import dev.summonersim.relay.policy.InactivityTracker;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Rust flavour: every {@code timeout_check_interval_secs} closes the connection with the inactivity warning when the
 * client has sent no line for more than {@code client_timeout_secs} (reference semantics, Q11 kept: receiving does
 * not count). Placed before the rate limiter, so lines over the limit still count as activity, as in the reference.
 */
public final class InactivityHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(InactivityHandler.class);

    private final InactivityTracker tracker;
    private final Duration checkInterval;
    private final Peer peer;
    private final PeerCloser closer;
    private ScheduledFuture<?> check;

    public InactivityHandler(InactivityTracker tracker, Duration checkInterval, Peer peer, PeerCloser closer) {
        this.tracker = tracker;
        this.checkInterval = checkInterval;
        this.peer = peer;
        this.closer = closer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        long ms = checkInterval.toMillis();
        check = ctx.executor().scheduleAtFixedRate(this::checkIdle, ms, ms, TimeUnit.MILLISECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        tracker.recordActivity();
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (check != null) {
            check.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    private void checkIdle() {
        if (tracker.isIdle() && !peer.isClosing()) {
            log.info("{} disconnected due to inactivity.", peer.address());
            check.cancel(false);
            closer.close(peer, ServerNotices.INACTIVITY);
        }
    }
}
