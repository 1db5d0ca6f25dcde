package dev.summonersim.relay;

/** Every text the relay itself writes to a client (protocol.md §1.4), plus the one of our own for a slow receiver. */
public final class ServerNotices {
    /** Python flavour, written to a client whose connection ends for any reason. No LF, as the reference. */
    public static final String PYTHON_DISCONNECTED = "Warning: Server disconnected.";
    /** Rust flavour, once per line dropped by the rate limit. */
    public static final String RATE_LIMITED = "Warning: You are sending messages too quickly. Please slow down.\n";
    /** Rust flavour, before closing an idle client. */
    public static final String INACTIVITY = "Warning: You have been disconnected due to inactivity.\n";
    /** Rust flavour, to every client when the server shuts down. */
    public static final String SHUTTING_DOWN = "Warning: Server is shutting down.\n";
    /**
     * Rust flavour, our own: a receiver whose outbound backlog overflowed (Q6, Q13). Styled like the inactivity notice
     * so that clients treating "Warning:" lines as server notices handle it the same way.
     */
    public static final String TOO_SLOW = "Warning: You have been disconnected due to a full outbound queue.\n";

    /**
     * Both flavours, our own: to the sender of a line that was not relayed because its relay frame would be longer than
     * the frame cap (65,536 bytes by default), on which Python clients exit (Q7). One per such line.
     */
    public static final String NOT_RELAYED_TOO_LONG =
            "Warning: Your message was not relayed because it is too long for other clients.\n";

    private ServerNotices() {
    }
}
