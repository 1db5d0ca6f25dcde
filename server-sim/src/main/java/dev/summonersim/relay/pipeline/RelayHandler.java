package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.chaos.ChaosAction;
import dev.summonersim.relay.record.FrameRecorder;
import dev.summonersim.sdk.wire.RelayFlavour;
import io.netty.buffer.ByteBuf;
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
 * Python clients (Q7), records and applies chaos when enabled, and hands the frame to the {@link Broadcaster}. Writes
 * are flushed once per read burst, in {@link #channelReadComplete}.
 */
public final class RelayHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(RelayHandler.class);

    private final Peer peer;
    private final RelayFrameWriter writer;
    private final int maxFrameBytes;
    private final Broadcaster broadcaster;
    private final PeerRegistry registry;
    private final FrameRecorder recorder;
    private final ChaosRelay chaos;
    private final LoggedContent loggedContent;
    private final FlushBatch batch;

    public RelayHandler(Peer peer, RelayFlavour flavour, int maxFrameBytes, Broadcaster broadcaster,
                        PeerRegistry registry, FrameRecorder recorder, ChaosRelay chaos, LoggedContent loggedContent) {
        this.peer = peer;
        this.writer = new RelayFrameWriter(flavour, peer.address());
        this.maxFrameBytes = maxFrameBytes;
        this.broadcaster = broadcaster;
        this.registry = registry;
        this.recorder = recorder;
        this.chaos = chaos;
        this.loggedContent = loggedContent;
        this.batch = new FlushBatch(peer);
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
        ByteBuf frame = writer.write(ctx.alloc(), line);
        int frameBytes = frame.readableBytes() - 1;
        if (frameBytes > maxFrameBytes) {
            frame.release();
            log.warn("Not relaying line {} from {}: its frame would be {} bytes, over the maximum of {} "
                    + "(Python clients exit on such lines)", senderSeq, peer.address(), frameBytes, maxFrameBytes);
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
            chaos.relay(frame, action, batch);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
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
