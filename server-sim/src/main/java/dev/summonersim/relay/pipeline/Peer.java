package dev.summonersim.relay.pipeline;

import dev.summonersim.sdk.wire.RelayFrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOutboundBuffer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
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
    private final AtomicLong readsPausedUntil = new AtomicLong();
    /** When the socket last accepted a queued line (or when the peer connected). */
    private volatile long lastProgressNanos = System.nanoTime();
    /** Lines received from this peer; touched only on its own event loop. */
    private long receivedLines;

    public Peer(Channel channel) {
        this.channel = channel;
        InetSocketAddress remote = (InetSocketAddress) channel.remoteAddress();
        this.addressText = RelayFrameCodec.formatAddress(remote);
        this.ip = remote.getAddress();
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
        channel.flush();
    }

    @Override
    public void operationComplete(ChannelFuture future) {
        backlogLines.decrementAndGet();
        lastProgressNanos = System.nanoTime();
    }

    /** Nanoseconds since the socket last accepted a queued line; 0 when nothing is queued. */
    public long stalledNanos(long nowNanos) {
        return backlogLines.get() == 0 ? 0 : nowNanos - lastProgressNanos;
    }

    /** Marks the peer as dropped; true only for the first caller, so a drop is acted on once. */
    public boolean markDropped() {
        return dropped.compareAndSet(false, true);
    }

    /** Marks the peer as closing; true only for the first caller, so the closing notice is written once. */
    boolean markClosing() {
        return closing.compareAndSet(false, true);
    }

    public boolean isClosing() {
        return closing.get();
    }

    public boolean isDropped() {
        return dropped.get();
    }

    /**
     * Claims a read pause until {@code untilNanos}; false when a pause that lasts at least as long is already running,
     * so concurrent senders schedule one pause, not one each.
     */
    boolean claimReadPause(long untilNanos) {
        while (true) {
            long current = readsPausedUntil.get();
            if (current - untilNanos >= 0) {
                return false;
            }
            if (readsPausedUntil.compareAndSet(current, untilNanos)) {
                return true;
            }
        }
    }

    long nextReceivedSequence() {
        return ++receivedLines;
    }

    @Override
    public String toString() {
        return addressText;
    }
}
