package dev.summonersim.agent.input;

/** Process exit codes; documented in --help and the README so scripts can branch on them. */
public enum ExitStatus {
    /** Sending finished (or --exit-after-streams was reached). */
    DONE(0),
    /** The connection could not be made or was lost for good. */
    CONNECTION_FAILED(1),
    /** Bad command line or configuration. */
    USAGE(2),
    /** --timeout-s elapsed before the run was done. */
    TIMED_OUT(3),
    /** Ctrl-C. */
    INTERRUPTED(130);

    private final int code;

    ExitStatus(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
