package dev.summonersim.relay.pipeline;

import java.util.Arrays;

/**
 * The connected peers, owned by one server instance. Readers take a lock-free snapshot per relayed line; connects and
 * disconnects copy the array, which is cheap next to a TCP handshake.
 */
public final class PeerRegistry {
    private static final Peer[] EMPTY = new Peer[0];
    private volatile Peer[] peers = EMPTY;

    public synchronized void add(Peer peer) {
        Peer[] current = peers;
        Peer[] next = Arrays.copyOf(current, current.length + 1);
        next[current.length] = peer;
        peers = next;
    }

    /** Removes the peer; true when it was present. */
    public synchronized boolean remove(Peer peer) {
        Peer[] current = peers;
        for (int i = 0; i < current.length; i++) {
            if (current[i] == peer) {
                Peer[] next = new Peer[current.length - 1];
                System.arraycopy(current, 0, next, 0, i);
                System.arraycopy(current, i + 1, next, i, current.length - i - 1);
                peers = next;
                return true;
            }
        }
        return false;
    }

    /** An immutable snapshot; callers must not modify it. */
    public Peer[] snapshot() {
        return peers;
    }

    public int size() {
        return peers.length;
    }
}
