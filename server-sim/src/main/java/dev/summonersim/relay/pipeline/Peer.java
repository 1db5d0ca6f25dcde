package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.ReceiverStats;
import dev.summonersim.relay.policy.BackpressurePolicy;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connected client as seen by every other connection: its channel, its address text, and its outbound backlog.
 * Writes from any thread go through {@link #enqueue}; Netty keeps writes submitted by one thread in order, and each
 * sender's lines are always submitted from its own event loop, which gives strict per-sender FIFO (Q4).
 */
public final class Peer implements ChannelFutureListener {
    private final Channel channel;
    private final String addressText;
    private final InetAddress ip;
    private final AtomicLong backlogLines = new AtomicLong();
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ReceiverLag lag;
    /** When the socket last accepted a queued line. */
    private volatile long lastProgressNanos = System.nanoTime();
    /**
     * When lines were first flushed to the socket since its backlog was last empty; 0 while nothing is. Lines queued
     * but not flushed yet wait for the relay, not for the receiver, so they never count as a stall.
     */
    private final AtomicLong offeredSince = new AtomicLong();
    /** Lines received from this peer; touched only on its own event loop. */
    private long receivedLines;

    public Peer(Channel channel, BackpressurePolicy policy, RelayCounters counters) {
        this.channel = channel;
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        this.addressText = RelayFrameCodec.formatAddress(remote);
        this.ip = remote.getAddress();
        this.lag = new ReceiverLag(addressText, policy, counters);
    }

    public Channel channel() {
        return channel;
    }

    /** The address as the reference prints it, e.g. {@code 127.0.0.1:50490} or {@code [::1]:50490}. */
    public String address() {
        return addressText;
    }

    public InetAddress ip() {
        return ip;
    }

    /** Relay lines queued for this peer and not yet written to its socket. */
    public long backlogLines() {
        return backlogLines.get();
    }

    /** Bytes Netty holds for this peer (including writes still travelling between event loops). */
    public long backlogBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return buffer == null ? 0 : buffer.totalPendingWriteBytes();
    }

    /** Queues one relay line (the caller passes its own reference); flushed later by {@link #flush()}. */
    public void enqueue(ByteBuf line) {
        backlogLines.incrementAndGet();
        channel.write(line, channel.newPromise().addListener(this));
    }

    public void flush() {
        if (offeredSince.get() == 0) {
            startStallClock();
        }
        channel.flush();
    }

    private void startStallClock() {
        if (backlogLines.get() > 0) {
            long now = System.nanoTime();
            offeredSince.compareAndSet(0, now == 0 ? 1 : now);
        }
    }

    @Override
    public void operationComplete(ChannelFuture future) {
        long left = backlogLines.decrementAndGet();
        lastProgressNanos = System.nanoTime();
        if (left == 0) {
            offeredSince.set(0);
            // a sender may have queued and flushed a line in between: rather start the clock early than never
            startStallClock();
        }
        lag.onProgress(left);
    }

    /**
     * How long lines flushed to the socket have waited without it accepting any; 0 when nothing flushed is waiting.
     */
    public long stalledNanos(long nowNanos) {
        long since = offeredSince.get();
        if (since == 0 || backlogLines.get() == 0) {
            return 0;
        }
        return Math.max(0, nowNanos - Math.max(since, lastProgressNanos));
    }

    /** Marks the peer as dropped; true only for the first caller, so a drop is acted on once. */
    public boolean markDropped() {
        return dropped.compareAndSet(false, true);
    }

    /** Marks the peer as closing; true only for the first caller, so the closing notice is written once. */
    boolean markClosing() {
        lag.stop();
        return closing.compareAndSet(false, true);
    }

    public boolean isClosing() {
        return closing.get();
    }

    ReceiverLag lag() {
        return lag;
    }

    public ReceiverStats stats() {
        return new ReceiverStats(addressText, backlogLines.get(), backlogBytes(), Duration.ofNanos(stalledNanos(System.nanoTime())),
                lag.isLagging(), lag.readPauses());
    }

    long nextReceivedSequence() {
        return ++receivedLines;
    }

    @Override
    public String toString() {
        return addressText;
    }
}
