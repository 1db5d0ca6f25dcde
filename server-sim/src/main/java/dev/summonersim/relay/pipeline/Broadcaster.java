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
 * behind has reads from its own connection paused (throttle, flow control) or is dropped; nobody else is slowed down
 * or disconnected (Q6, Q9, Q13). The rule, as a table, is in the server-sim README ("Slow receivers").
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
    private final RelayCounters counters;

    public Broadcaster(PeerRegistry registry, BackpressurePolicy policy, PeerCloser closer, IpQuarantine quarantine,
                       Duration throttleDelay, Duration flowControlDelay, RelayCounters counters) {
        this.registry = registry;
        this.policy = policy;
        this.closer = closer;
        this.quarantine = quarantine;
        this.throttleDelay = throttleDelay;
        this.flowControlDelay = flowControlDelay;
        this.counters = counters;
    }

    /**
     * Queues a copy of {@code frame} for every other peer in {@code batch}, which writes and flushes them; the caller
     * keeps (and releases) the frame.
     */
    public void broadcast(Peer sender, ByteBuf frame, FlushBatch batch) {
        Peer[] peers = registry.snapshot();
        int size = frame.readableBytes();
        long now = 0;
        for (int i = 0; i < peers.length; i++) {
            Peer peer = peers[i];
            if (peer == sender || peer.isClosing()) {
                continue;
            }
            long lines = peer.backlogLines();
            // an empty queue cannot be over any threshold; skip the clock and the byte count
            if (lines > 0) {
                now = now == 0 ? System.nanoTime() : now;
                if (!keepsReceiving(peer, lines + 1, peer.backlogBytes() + size, now, batch)) {
                    continue;
                }
            }
            batch.append(peers, i, frame);
        }
    }

    /** Applies the policy to a receiver with this backlog (the new line included); false when it was dropped. */
    private boolean keepsReceiving(Peer peer, long lines, long bytes, long now, FlushBatch batch) {
        BackpressureAction action = policy.assess(lines, bytes, peer.stalledNanos(now));
        switch (action) {
            case DISCONNECT, OVERFLOW -> {
                // what this sender gathered for it goes out before the notice, as everything queued before the drop
                batch.writeGathered(peer);
                drop(peer, action);
                return false;
            }
            case THROTTLE -> pauseReads(peer, action, lines, bytes, throttleDelay);
            case FLOW_CONTROL -> pauseReads(peer, action, lines, bytes, flowControlDelay);
            case NONE -> { }
        }
        if (policy.overDisconnectThreshold(lines) && peer.lag().armStallCheck()) {
            scheduleStallCheck(peer, policy.stallWindow().toNanos() - peer.stalledNanos(now));
        }
        return true;
    }

    /**
     * Throttle and flow control pause reading from the lagging receiver's own connection (never from anybody else),
     * so a client that does not read cannot keep adding lines to everyone's queues at full speed; each pause is
     * followed by as long a time of reading, so it can always finish sending.
     */
    private void pauseReads(Peer peer, BackpressureAction action, long lines, long bytes, Duration delay) {
        peer.lag().onBehind(action, lines, bytes, delay);
        if (!peer.lag().claimReadPause(System.nanoTime(), delay.toNanos())) {
            return;
        }
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

    /**
     * The disconnect rule does not wait for the next relayed line: a receiver over the threshold is checked again
     * when its stall window would end, and dropped then if its socket still accepted nothing.
     */
    private void scheduleStallCheck(Peer peer, long delayNanos) {
        peer.channel().eventLoop().schedule(() -> checkStall(peer), Math.max(0, delayNanos), TimeUnit.NANOSECONDS);
    }

    private void checkStall(Peer peer) {
        if (peer.isClosing()) {
            return;
        }
        if (!policy.overDisconnectThreshold(peer.backlogLines())) {
            peer.lag().disarmStallCheck();
            return;
        }
        long remaining = policy.stallWindow().toNanos() - peer.stalledNanos(System.nanoTime());
        if (remaining <= 0) {
            drop(peer, BackpressureAction.DISCONNECT);
        } else {
            scheduleStallCheck(peer, remaining);
        }
    }

    private void drop(Peer peer, BackpressureAction action) {
        if (!peer.markDropped()) {
            return;
        }
        long lines = peer.backlogLines();
        long bytes = peer.backlogBytes();
        if (action == BackpressureAction.DISCONNECT) {
            counters.stallDrops.increment();
            String quarantined = quarantine == null ? "no quarantine in this flavour"
                    : quarantine.add(peer.ip()) ? "IP " + peer.ip().getHostAddress() + " quarantined for "
                    + quarantine.cooldown().toSeconds() + " s"
                    : "not quarantined (loopback)";
            log.warn("Dropping slow receiver {}: {} lines / {} bytes queued for it (disconnect_threshold reached) and "
                            + "no write progress for {} ms (stall window {} ms); {}", peer.address(), lines, bytes,
                    TimeUnit.NANOSECONDS.toMillis(peer.stalledNanos(System.nanoTime())),
                    policy.stallWindow().toMillis(), quarantined);
        } else {
            counters.overflowDrops.increment();
            log.warn("Dropping slow receiver {}: {} lines / {} bytes queued for it, over max_outbound_queue_bytes ({})",
                    peer.address(), lines, bytes, policy.maxBacklogBytes());
        }
        closer.close(peer, ServerNotices.TOO_SLOW);
    }
}
