package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.chaos.ChaosAction;
import dev.summonersim.relay.chaos.ChaosEngine;
import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;

import java.util.concurrent.TimeUnit;

/**
 * Applies a {@link ChaosAction} to one sender's frames before the {@link Broadcaster}, so the harness can prove it
 * detects loss, duplicates and inversions. REORDER holds the frame back until the sender's next frame has been
 * relayed (or 100 ms pass); DELAY relays it later on the sender's event loop. Confined to that event loop.
 */
public final class ChaosRelay {
    private static final long REORDER_HOLD_MS = 100;

    private final ChaosEngine engine;
    private final Broadcaster broadcaster;
    private final Peer sender;
    private final EventExecutor loop;
    private ByteBuf held;
    private ScheduledFuture<?> heldTimer;

    public ChaosRelay(ChaosEngine engine, Broadcaster broadcaster, Peer sender, EventExecutor loop) {
        this.engine = engine;
        this.broadcaster = broadcaster;
        this.sender = sender;
        this.loop = loop;
    }

    public ChaosAction decide() {
        return engine.next();
    }

    /** Relays {@code frame} (reference taken over) according to {@code action}. */
    public void relay(ByteBuf frame, ChaosAction action, FlushBatch batch) {
        switch (action) {
            case DROP -> frame.release();
            case DUPLICATE -> {
                broadcaster.broadcast(sender, frame, batch);
                broadcastAndRelease(frame, batch);
                releaseHeld(batch);
            }
            case REORDER -> {
                if (held != null) {
                    broadcastAndRelease(frame, batch);
                    releaseHeld(batch);
                } else {
                    held = frame;
                    heldTimer = loop.schedule(this::releaseHeldAlone, REORDER_HOLD_MS, TimeUnit.MILLISECONDS);
                }
            }
            case DELAY -> loop.schedule(() -> {
                FlushBatch own = new FlushBatch(sender);
                broadcastAndRelease(frame, own);
                own.flush();
            }, engine.spec().delay().toMillis(), TimeUnit.MILLISECONDS);
            case NONE -> {
                broadcastAndRelease(frame, batch);
                releaseHeld(batch);
            }
        }
    }

    private void broadcastAndRelease(ByteBuf frame, FlushBatch batch) {
        try {
            broadcaster.broadcast(sender, frame, batch);
        } finally {
            frame.release();
        }
    }

    /** Frees a held frame when the connection ends. */
    public void discard() {
        if (held != null) {
            heldTimer.cancel(false);
            held.release();
            held = null;
        }
    }

    private void releaseHeld(FlushBatch batch) {
        if (held != null) {
            heldTimer.cancel(false);
            ByteBuf frame = held;
            held = null;
            broadcastAndRelease(frame, batch);
        }
    }

    private void releaseHeldAlone() {
        if (held != null) {
            ByteBuf frame = held;
            held = null;
            FlushBatch own = new FlushBatch(sender);
            broadcastAndRelease(frame, own);
            own.flush();
        }
    }
}
