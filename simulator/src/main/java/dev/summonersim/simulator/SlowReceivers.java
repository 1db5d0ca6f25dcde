package dev.summonersim.simulator;

import dev.summonersim.relay.RelayStats;
import java.util.List;

/**
 * Receivers the relay disconnected for falling behind (its backpressure rule: over {@code disconnect_threshold} with
 * no write progress for the stall window, or over {@code max_outbound_queue_bytes}), and what the listeners among them
 * lost: the lines queued for them when they were dropped and those relayed while they were away.
 *
 * @param relayDisconnects the relay's own count ({@code stallDrops + overflowDrops} of its stats)
 * @param dropped          who was dropped, {@code name (address)}
 * @param lostEvents       agents' stream events the dropped listeners did not receive
 * @param lostLines        relayed lines (events and prompts) the dropped listeners did not receive
 * @param relayStats       everything the relay's backpressure rule did in the run (throttle and flow-control
 *                         episodes, read pauses, drops)
 */
record SlowReceivers(long relayDisconnects, List<String> dropped, long lostEvents, long lostLines,
                     RelayStats relayStats) {
}
