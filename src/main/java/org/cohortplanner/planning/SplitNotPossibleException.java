package org.cohortplanner.planning;

/** A split or merge that makes no sense for the plan as it is; the message says why, in planners' words. */
public final class SplitNotPossibleException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SplitNotPossibleException(String message) {
        super(message);
    }
}
