package org.cohortplanner.export;

/**
 * Lets another thread (a Cancel button) stop an export. The writer checks it between rows and then removes what
 * it has written, so a cancelled export leaves no file behind.
 */
public final class WorkbookCancelSignal {
    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
