package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.ServerNotices;
import dev.summonersim.relay.policy.BackpressureAction;
import dev.summonersim.relay.policy.BackpressurePolicy;
import dev.summonersim.relay.policy.IpQuarantine;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Fans one encoded relay line out to every peer except its sender, each through that peer's own outbound queue.
 * Before queueing, the peer's real backlog is checked against the {@link BackpressurePolicy}: a receiver that falls
 * behind is paused (throttle, flow control) or dropped, and nobody else is slowed down or disconnected (Q6, Q9, Q13).
 */
public final class Broadcaster {
    private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);

    private final PeerRegistry registry;
    private final BackpressurePolicy policy;
    private final PeerCloser closer;
    /** Null in the Python flavour, which has no quarantine. */
    private final IpQuarantine quarantine;
    private final Duration throttleDelay;
    private final Duration flowControlDelay;

    public Broadcaster(PeerRegistry registry, BackpressurePolicy policy, PeerCloser closer, IpQuarantine quarantine,
                       Duration throttleDelay, Duration flowControlDelay) {
        this.registry = registry;
        this.policy = policy;
        this.closer = closer;
        this.quarantine = quarantine;
        this.throttleDelay = throttleDelay;
        this.flowControlDelay = flowControlDelay;
    }

    /** Queues {@code frame} (whose reference this call takes over) to every other peer; flushing is left to {@code batch}. */
    public void broadcast(Peer sender, ByteBuf frame, FlushBatch batch) {
        // the frame's own reference goes to the last receiver; every earlier one gets a retained duplicate
        Peer pendingLast = null;
        try {
            Peer[] peers = registry.snapshot();
            int size = frame.readableBytes();
            long now = 0;
            for (Peer peer : peers) {
                if (peer == sender || peer.isClosing()) {
                    continue;
                }
                long lines = peer.backlogLines();
                BackpressureAction action = BackpressureAction.NONE;
                if (lines > 0) {
                    // an empty queue cannot be over any threshold; skip the clock and the byte count
                    now = now == 0 ? System.nanoTime() : now;
                    action = policy.assess(lines + 1, peer.backlogBytes() + size, peer.stalledNanos(now));
                }
                switch (action) {
                    case NONE -> { }
                    case THROTTLE -> pauseReads(peer, throttleDelay, action);
                    case FLOW_CONTROL -> pauseReads(peer, flowControlDelay, action);
                    case DISCONNECT, OVERFLOW -> {
                        drop(peer, action);
                        continue;
                    }
                }
                if (pendingLast != null) {
                    pendingLast.enqueue(frame.retainedDuplicate());
                }
                pendingLast = peer;
            }
            if (pendingLast != null) {
                batch.wroteTo(peers);
            }
        } finally {
            if (pendingLast != null) {
                pendingLast.enqueue(frame);
            } else {
                frame.release();
            }
        }
    }

    private void pauseReads(Peer peer, Duration delay, BackpressureAction action) {
        if (!peer.claimReadPause(System.nanoTime() + delay.toNanos())) {
            return;
        }
        log.warn("{} is {} lines / {} bytes behind; {}: not reading from it for {} ms",
                peer.address(), peer.backlogLines(), peer.backlogBytes(), action, delay.toMillis());
        Channel ch = peer.channel();
        ch.eventLoop().execute(() -> {
            ch.config().setAutoRead(false);
            ch.eventLoop().schedule(() -> {
                if (!peer.isClosing()) {
                    ch.config().setAutoRead(true);
                }
            }, delay.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    private void drop(Peer peer, BackpressureAction action) {
        if (!peer.markDropped()) {
            return;
        }
        if (action == BackpressureAction.DISCONNECT && quarantine != null) {
            quarantine.add(peer.ip());
            log.warn("Dropping slow receiver {}: {} lines queued and none written for a while "
                            + "(disconnect_threshold reached); IP {} quarantined",
                    peer.address(), peer.backlogLines(), peer.ip().getHostAddress());
        } else {
            log.warn("Dropping slow receiver {}: {} bytes queued, over the maximum of {}",
                    peer.address(), peer.backlogBytes(), policy.maxBacklogBytes());
        }
        closer.close(peer, ServerNotices.TOO_SLOW);
    }
}
