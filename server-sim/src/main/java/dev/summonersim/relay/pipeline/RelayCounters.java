package dev.summonersim.relay.pipeline;

import dev.summonersim.relay.RelayStats;

import java.util.concurrent.atomic.LongAdder;

/** The counts behind {@link RelayStats}, one instance per server, bumped from every event loop. */
public final class RelayCounters {
    final LongAdder throttled = new LongAdder();
    final LongAdder flowControlled = new LongAdder();
    final LongAdder readPauses = new LongAdder();
    final LongAdder caughtUp = new LongAdder();
    final LongAdder stallDrops = new LongAdder();
    final LongAdder overflowDrops = new LongAdder();
    final LongAdder oversizedFrames = new LongAdder();

    public RelayStats snapshot() {
        return new RelayStats(throttled.sum(), flowControlled.sum(), readPauses.sum(), caughtUp.sum(),
                stallDrops.sum(), overflowDrops.sum(), oversizedFrames.sum());
    }
}
