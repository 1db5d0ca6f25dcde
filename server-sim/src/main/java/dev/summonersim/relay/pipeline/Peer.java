package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.ReceiverStats;
import dev.summonersim.relay.policy.BackpressurePolicy;
import dev.summonersim.sdk.protocol.RelayFrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.ChannelProgressiveFuture;
import io.netty.channel.ChannelProgressiveFutureListener;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connected client as seen by every other connection: its channel, its address text, and its outbound backlog.
 * Senders gather lines for it in an {@link Outgoing} and write them with {@link #write}; Netty keeps writes submitted by
 * one thread in order, and each sender's lines are always submitted from its own event loop, which gives strict
 * per-sender FIFO (Q4).
 */
public final class Peer {
    private final Channel channel;
    private final String addressText;
    private final InetAddress ip;
    private final AtomicLong backlogLines = new AtomicLong();
    /** Bytes of lines senders gathered for this peer and have not written to its channel yet. */
    private final AtomicLong gatheredBytes = new AtomicLong();
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

    /** Bytes the relay holds for this peer: gathered by senders, and held by Netty (including writes in transit). */
    public long backlogBytes() {
        ChannelOutboundBuffer buffer = channel.unsafe().outboundBuffer();
        return gatheredBytes.get() + (buffer == null ? 0 : buffer.totalPendingWriteBytes());
    }

    /** A sender gathered one more relay line of {@code bytes} for this peer (not written to its channel yet). */
    void lineQueued(int bytes) {
        backlogLines.incrementAndGet();
        gatheredBytes.addAndGet(bytes);
    }

    /**
     * Writes gathered relay lines (buffer reference taken over) to the channel, not flushed; {@code ends[i]} is where
     * line {@code i} ends in the buffer, so the backlog drops line by line as the socket accepts the bytes.
     */
    void write(ByteBuf lines, int[] ends, int count) {
        int bytes = lines.readableBytes();
        channel.write(lines, channel.newProgressivePromise().addListener(new LineProgress(ends, count)));
        // after the write, so the bytes are counted by Netty before they stop being counted here
        gatheredBytes.addAndGet(-bytes);
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

    /** The socket accepted {@code count} more queued lines. Called on this peer's event loop. */
    private void accepted(int count) {
        long left = backlogLines.addAndGet(-count);
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

    /**
     * Counts one written buffer's lines as accepted: those whose bytes the socket took (Netty reports the progress of
     * partial writes), and the rest when the write completes or fails (a closed channel accepts nothing more).
     */
    private final class LineProgress implements ChannelProgressiveFutureListener {
        private final int[] ends;
        private final int count;
        private int done;

        LineProgress(int[] ends, int count) {
            this.ends = ends;
            this.count = count;
        }

        @Override
        public void operationProgressed(ChannelProgressiveFuture future, long progress, long total) {
            int d = done;
            while (d < count && ends[d] <= progress) {
                d++;
            }
            if (d > done) {
                int n = d - done;
                done = d;
                accepted(n);
            }
        }

        @Override
        public void operationComplete(ChannelProgressiveFuture future) {
            if (done < count) {
                int n = count - done;
                done = count;
                accepted(n);
            }
        }
    }
}
