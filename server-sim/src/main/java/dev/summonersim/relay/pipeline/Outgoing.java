package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.Arrays;

/**
 * One sender's frames for one receiver that are not written to the receiver's channel yet: appended back to back into
 * one pooled buffer during a read burst and written as one message when the burst ends, so a burst of lines costs one
 * channel write, one promise and one buffer instead of one of each per line. The end offset of every frame travels
 * with the buffer, so the receiver's backlog still drops line by line as its socket accepts the bytes. Confined to
 * the sender's event loop.
 */
final class Outgoing {
    /** Appending stops here (unless a single frame is larger) and the next frame starts a new buffer. */
    static final int MAX_BYTES = 64 * 1024;
    private static final int INITIAL_BYTES = 4096;

    private final Peer receiver;
    private ByteBuf frames;
    private int[] ends = new int[16];
    private int lines;

    Outgoing(Peer receiver) {
        this.receiver = receiver;
    }

    Peer receiver() {
        return receiver;
    }

    /** Copies {@code frame}'s readable bytes (the caller keeps the frame) and counts one more line in the backlog. */
    void append(ByteBuf frame, ByteBufAllocator alloc) {
        int size = frame.readableBytes();
        if (frames != null && frames.readableBytes() + size > MAX_BYTES) {
            writeToChannel();
        }
        if (frames == null) {
            frames = alloc.directBuffer(Math.max(size, INITIAL_BYTES));
        }
        frames.writeBytes(frame, frame.readerIndex(), size);
        if (lines == ends.length) {
            ends = Arrays.copyOf(ends, lines * 2);
        }
        ends[lines++] = frames.writerIndex();
        receiver.lineQueued(size);
    }

    /** Hands what was appended to the receiver's channel (not flushed). */
    void writeToChannel() {
        if (frames == null) {
            return;
        }
        receiver.write(frames, ends, lines);
        frames = null;
        ends = new int[Math.max(16, lines)];
        lines = 0;
    }
}
