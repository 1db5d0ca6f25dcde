package dev.summonersim.sdk.protocol;

/**
 * A message a peer sent, relayed by the server.
 *
 * @param remoteAddr the sender as the relay printed it, e.g. {@code 127.0.0.1:50490} or {@code [::1]:50490}
 * @param content    the sender's payload: for an SDK envelope, {@code _payload} exactly as sent (cast by
 *                   {@code _type}, string leaves never re-parsed, quirk Q3); for other content, the content string
 *                   parsed once as JSON when it is JSON, else the string itself. May be null (JSON null).
 */
public record RelayMessage(String remoteAddr, Object content) implements ReceivedMessage {
}
