package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.ServerNotices;
import dev.summonersim.sdk.protocol.RelayFlavour;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.util.concurrent.ScheduledFuture;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ends connections the way the flavour does: stop relaying to the peer, write the closing notice (Python flavour: always
 * "Warning: Server disconnected." without LF, as the reference's {@code finally}; Rust flavour: the notice the caller
 * gives, or none), flush it together with whatever is still queued for the peer, then close. A peer that never
 * reads is closed after a grace period anyway.
 */
public final class PeerCloser {
    private final RelayFlavour flavour;
    private final PeerRegistry registry;
    private final Duration grace;

    public PeerCloser(RelayFlavour flavour, PeerRegistry registry, Duration grace) {
        this.flavour = flavour;
        this.registry = registry;
        this.grace = grace;
    }

    /**
     * Closes the peer's connection after writing the flavour's notice. Safe from any thread and idempotent.
     *
     * @param rustNotice the Rust-flavour notice, null for a silent close
     * @return completes when the notice is flushed (or could not be) or at once when there is none
     */
    public ChannelFuture close(Peer peer, String rustNotice) {
        registry.remove(peer);
        Channel ch = peer.channel();
        if (!peer.markClosing()) {
            return ch.newSucceededFuture();
        }
        ch.config().setAutoRead(false);
        String notice = flavour == RelayFlavour.PYTHON ? ServerNotices.PYTHON_DISCONNECTED : rustNotice;
        if (!ch.isActive()) {
            ch.close();
            return ch.newSucceededFuture();
        }
        // without a notice, an empty write still lets the lines already queued for the peer go out before the close
        ChannelFuture written = ch.writeAndFlush(notice == null ? Unpooled.EMPTY_BUFFER
                : Unpooled.wrappedBuffer(notice.getBytes(StandardCharsets.UTF_8)));
        written.addListener(ChannelFutureListener.CLOSE);
        ScheduledFuture<?> forced = ch.eventLoop().schedule(() -> {
            ch.close();
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
        ch.closeFuture().addListener(f -> forced.cancel(false));
        return written;
    }
}
