package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.ServerNotices;
import dev.summonersim.relay.chaos.ChaosAction;
import dev.summonersim.relay.record.FrameRecorder;
import dev.summonersim.sdk.protocol.RelayFlavour;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Relays each accepted line of one sender: writes the frame once in the server's flavour, skips frames too long for
 * Python clients and warns the sender (Q7), records and applies chaos when enabled, and hands the frame to the
 * {@link Broadcaster}. Each receiver's lines of a read burst are written and flushed once, in
 * {@link #channelReadComplete}.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RelayHandler.class);
    private static final ByteBuf TOO_LONG_WARNING = Unpooled.unreleasableBuffer(Unpooled.directBuffer()
            .writeBytes(ServerNotices.NOT_RELAYED_TOO_LONG.getBytes(StandardCharsets.US_ASCII))).asReadOnly();

    private final Peer peer;
    private final RelayFrameWriter writer;
    private final int maxFrameBytes;
    private final Broadcaster broadcaster;
    private final PeerRegistry registry;
    private final FrameRecorder recorder;
    private final ChaosRelay chaos;
    private final LoggedContent loggedContent;
    private final FlushBatch batch;
    private final RelayCounters counters;
    private final long maxBacklogBytes;
    /** Lines of the current read burst not relayed because of the frame cap; logged once per burst. */
    private int oversizedInBurst;
    private long oversizedTotal;

    /**
     * @param maxBacklogBytes a sender that floods over-long lines without reading the warnings gets no more of them
     *                        once this much is queued for it (the lines are still skipped and counted)
     */
    public RelayHandler(Peer peer, RelayFlavour flavour, int maxFrameBytes, Broadcaster broadcaster,
                        PeerRegistry registry, FrameRecorder recorder, ChaosRelay chaos, LoggedContent loggedContent,
                        RelayCounters counters, long maxBacklogBytes) {
        this.peer = peer;
        this.writer = new RelayFrameWriter(flavour, peer.address());
        this.maxFrameBytes = maxFrameBytes;
        this.broadcaster = broadcaster;
        this.registry = registry;
        this.recorder = recorder;
        this.chaos = chaos;
        this.loggedContent = loggedContent;
        this.batch = new FlushBatch(peer);
        this.counters = counters;
        this.maxBacklogBytes = maxBacklogBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf line = (ByteBuf) msg;
        try {
            relay(ctx, line);
        } finally {
            line.release();
        }
    }

    private void relay(ChannelHandlerContext ctx, ByteBuf line) {
        long senderSeq = peer.nextReceivedSequence();
        if (log.isDebugEnabled()) {
            log.debug("Received from {}: {}", peer.address(), loggedContent.render(line.toString(StandardCharsets.UTF_8)));
        }
        if (peer.isClosing()) {
            return;
        }
        ByteBuf frame = writer.writeShared(line);
        int frameBytes = frame.readableBytes() - 1;
        if (frameBytes > maxFrameBytes) {
            skipOversized(ctx);
            return;
        }
        ChaosAction action = chaos == null ? ChaosAction.NONE : chaos.decide();
        if (recorder != null) {
            recorder.record(Instant.now(), peer.address(), senderSeq, line.toString(StandardCharsets.UTF_8),
                    receiversOtherThanSender(), action == ChaosAction.NONE ? null : action.label());
        }
        if (chaos == null) {
            broadcaster.broadcast(peer, frame, batch);
        } else {
            // chaos may hold the frame past the next line, so it gets a copy of its own
            chaos.relay(ctx.alloc().buffer(frame.readableBytes()).writeBytes(frame), action, batch);
        }
    }

    /** Q7: the frame would make Python clients exit, so nobody gets it, and the sender is told instead. */
    private void skipOversized(ChannelHandlerContext ctx) {
        counters.oversizedFrames.increment();
        oversizedInBurst++;
        oversizedTotal++;
        if (peer.backlogBytes() <= maxBacklogBytes) {
            ctx.write(TOO_LONG_WARNING.duplicate(), ctx.voidPromise());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (oversizedInBurst > 0) {
            log.warn("Not relaying {} line(s) from {}: their frames would be over {} bytes (Python clients exit on "
                    + "such lines); sender warned ({} such line(s) from it so far)", oversizedInBurst, peer.address(),
                    maxFrameBytes, oversizedTotal);
            oversizedInBurst = 0;
            ctx.flush();
        }
        batch.flush();
        ctx.fireChannelReadComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        batch.flush();
        if (chaos != null) {
            chaos.discard();
        }
        ctx.fireChannelInactive();
    }

    private List<String> receiversOtherThanSender() {
        Peer[] peers = registry.snapshot();
        List<String> result = new ArrayList<>(peers.length);
        for (Peer p : peers) {
            if (p != peer && !p.isClosing()) {
                result.add(p.address());
            }
        }
        return result;
    }
}
