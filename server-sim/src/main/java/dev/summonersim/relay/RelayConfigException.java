package dev.summonersim.relay;

/** A server configuration file that is missing, unreadable or holds a value of the wrong type. */
public class RelayConfigException extends IllegalArgumentException {
    public RelayConfigException(String message) {
        super(message);
    }
}
