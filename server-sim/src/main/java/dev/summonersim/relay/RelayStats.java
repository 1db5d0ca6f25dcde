package dev.summonersim.relay;

/**
 * What the relay's protective actions did since it started, counted once per action (a snapshot).
 *
 * @param throttled           receivers that started lagging at the throttle threshold (episodes, not lines)
 * @param flowControlled      episodes that reached the flow-control threshold
 * @param readPauses          pauses of reading from a lagging receiver's own connection
 * @param caughtUp            lagging episodes that ended with the receiver caught up
 * @param stallDrops          receivers dropped: over the disconnect threshold with no write progress for the stall window
 * @param overflowDrops       receivers dropped: backlog over {@code max_outbound_queue_bytes}
 * @param oversizedFrames     lines not relayed because their frame was over the frame cap (Q7); each sender was warned
 */
public record RelayStats(long throttled, long flowControlled, long readPauses, long caughtUp, long stallDrops,
                         long overflowDrops, long oversizedFrames) {
}
