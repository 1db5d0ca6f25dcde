package dev.summonersim.agent.stream.llm;

import java.util.ArrayList;
import java.util.List;

/**
 * A one-shot cancel signal for one LLM stream. The transport registers how to abort its in-flight request
 * (the OkHttp call), and an action registered after cancellation runs at once, so a request that starts
 * just after the cancel is still aborted.
 */
public final class StreamCancellation {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    /** Cancels once; later calls do nothing. */
    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
            actions.clear();
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs action when cancelled, or right now if that already happened. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                actions.add(action);
                return;
            }
        }
        action.run();
    }
}
