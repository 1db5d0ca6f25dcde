package dev.summonersim.harness.conformance;

/** One running copy of the agent under test. */
interface LaunchedAgent extends AutoCloseable {

    boolean isAlive();

    /** How it ended ("exited with status 3"), for evidence; only meaningful once {@link #isAlive()} is false. */
    String exitDescription();

    /** The last lines of its output, control characters escaped. */
    String outputTail();

    /** Stops it (the whole process group for a command); idempotent. */
    @Override
    void close();
}
