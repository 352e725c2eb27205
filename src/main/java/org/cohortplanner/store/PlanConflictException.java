package org.cohortplanner.store;

/** A save was based on an older version than the stored one: someone else saved in between. */
public class PlanConflictException extends StoreException {
    private final long expectedVersion;
    private final long storedVersion;

    public PlanConflictException(long expectedVersion, long storedVersion) {
        super("the plan was changed elsewhere: this edit was based on version " + expectedVersion
                + " but version " + storedVersion + " is stored");
        this.expectedVersion = expectedVersion;
        this.storedVersion = storedVersion;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long storedVersion() {
        return storedVersion;
    }
}
