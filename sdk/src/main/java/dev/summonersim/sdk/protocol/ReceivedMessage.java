package dev.summonersim.sdk.protocol;

/**
 * One line received from a relay, as {@link MessageDecoder} hands it to receive handlers. The three shapes are the
 * three the reference's {@code recover_with_types} can return: a relayed message (dict with remote_addr and
 * content), raw text (server Warning lines, non-JSON lines, JSON string literals) and any other JSON value.
 */
public sealed interface ReceivedMessage permits RelayMessage, TextMessage, JsonMessage {
}
