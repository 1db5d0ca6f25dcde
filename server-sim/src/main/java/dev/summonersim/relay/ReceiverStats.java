package dev.summonersim.relay;

import java.time.Duration;

/**
 * One connected receiver as the backpressure policy sees it (a snapshot).
 *
 * @param address      the client's address as in its frames' {@code remote_addr}
 * @param backlogLines relay lines queued for it and not yet accepted by its socket
 * @param backlogBytes bytes the relay holds for it
 * @param stalledFor   time since its socket last accepted a queued line, zero when nothing is queued
 * @param lagging      whether it is in a throttle or flow-control episode
 * @param readPauses   how often reading from its own connection was paused, over its whole connection
 */
public record ReceiverStats(String address, long backlogLines, long backlogBytes, Duration stalledFor,
                            boolean lagging, long readPauses) {
}
