package dev.summonersim.relay.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Remembers which receivers one sender wrote to since its last flush, so a burst of lines read in one go costs one
 * flush per receiver instead of one per line. Confined to the sender's event loop. Receivers are remembered as the
 * registry snapshots that were used; the snapshot array changes only on connects and disconnects.
 */
public final class FlushBatch {
    private final Peer sender;
    private final List<Peer[]> used = new ArrayList<>(2);
    private Peer[] last;

    public FlushBatch(Peer sender) {
        this.sender = sender;
    }

    void wroteTo(Peer[] snapshot) {
        if (snapshot != last) {
            used.add(snapshot);
            last = snapshot;
        }
    }

    public void flush() {
        if (last == null) {
            return;
        }
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
}
