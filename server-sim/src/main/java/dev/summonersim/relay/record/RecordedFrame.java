package dev.summonersim.relay.record;

import java.time.Instant;
import java.util.List;

/**
 * One line the relay accepted for fan-out, as written to the record file.
 *
 * @param seq        1-based order in which the relay accepted lines, over all senders
 * @param receivedAt when the line was read (its last byte arrived)
 * @param sender     sender address as in the frame's remote_addr
 * @param senderSeq  1-based number of the line among that sender's lines that were read
 * @param content    the relayed content
 * @param receivers  addresses the frame is addressed to (every other client at that moment)
 * @param chaos      chaos action applied, or null when none
 */
public record RecordedFrame(long seq, Instant receivedAt, String sender, long senderSeq, String content,
                            List<String> receivers, String chaos) {
}
