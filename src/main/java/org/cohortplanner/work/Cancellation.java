package org.cohortplanner.work;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets another thread (a Cancel button, a newer run) stop long work: a simulation, an export, a task of the console.
 * The work asks it often and ends with {@link CancelledException}, leaving no partial result behind.
 */
public final class Cancellation {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** One nobody cancels, for work run to its end (the commands, tests). */
    public static Cancellation never() {
        return new Cancellation();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /** Ends the work when it was cancelled. */
    public void throwIfCancelled() {
        if (cancelled.get()) {
            throw new CancelledException("cancelled");
        }
    }
}
