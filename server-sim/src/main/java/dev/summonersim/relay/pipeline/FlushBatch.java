package dev.summonersim.relay.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayList;
import java.util.List;

/**
 * One sender's relay output between two flushes. Frames for each receiver are gathered in an {@link Outgoing} and
 * written to the receiver's channel when the batch is flushed (once per read burst), so a burst of lines read in one
 * go costs one write and one flush per receiver instead of one per line. Confined to the sender's event loop.
 * Receivers are remembered as the registry snapshots that were used; the snapshot array changes only on connects and
 * disconnects, and a change writes out what was gathered so far, so each sender's lines stay in order.
 */
public final class FlushBatch {
    private final Peer sender;
    private final ByteBufAllocator alloc;
    private final List<Peer[]> used = new ArrayList<>(2);
    private Peer[] last;
    /** Gathered frames per receiver, by position in {@link #aligned}, kept across flushes while it is current. */
    private Outgoing[] outgoing = new Outgoing[0];
    private Peer[] aligned;
    private boolean gathered;

    public FlushBatch(Peer sender) {
        this.sender = sender;
        this.alloc = sender.channel().alloc();
    }

    /** Queues a copy of {@code frame} for {@code snapshot[index]}; the caller keeps the frame. */
    void append(Peer[] snapshot, int index, ByteBuf frame) {
        if (snapshot != last) {
            used.add(snapshot);
            last = snapshot;
        }
        if (snapshot != aligned) {
            writeGathered();
            aligned = snapshot;
            outgoing = new Outgoing[snapshot.length];
        }
        Outgoing out = outgoing[index];
        if (out == null) {
            out = new Outgoing(snapshot[index]);
            outgoing[index] = out;
        }
        out.append(frame, alloc);
        gathered = true;
    }

    /** Writes what was gathered for {@code receiver} to its channel now, e.g. before it is closed with a notice. */
    void writeGathered(Peer receiver) {
        for (Outgoing out : outgoing) {
            if (out != null && out.receiver() == receiver) {
                out.writeToChannel();
            }
        }
    }

    public void flush() {
        if (last == null) {
            return;
        }
        writeGathered();
        for (Peer[] snapshot : used) {
            for (Peer peer : snapshot) {
                if (peer != sender) {
                    peer.flush();
                }
            }
        }
        used.clear();
        last = null;
    }

    private void writeGathered() {
        if (!gathered) {
            return;
        }
        for (Outgoing out : outgoing) {
            if (out != null) {
                out.writeToChannel();
            }
        }
        gathered = false;
    }
}
