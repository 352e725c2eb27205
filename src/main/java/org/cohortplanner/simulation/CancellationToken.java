package org.cohortplanner.simulation;

import java.util.concurrent.atomic.AtomicBoolean;

/** Lets another thread stop a run; the run checks it often and ends with {@link SimulationCancelledException}. */
public final class CancellationToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token nobody cancels. */
    public static CancellationToken never() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    void throwIfCancelled() {
        if (cancelled.get()) {
            throw new SimulationCancelledException();
        }
    }
}
