package org.cohortplanner.work;

/** Work was stopped through its {@link Cancellation}; it left no partial result (no half-written file either). */
public final class CancelledException extends RuntimeException {
    public CancelledException(String message) {
        super(message);
    }
}
