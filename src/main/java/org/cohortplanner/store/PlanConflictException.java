package org.cohortplanner.store;

import java.util.Optional;
import org.cohortplanner.domain.Plan;

/**
 * A save was based on an older version than the stored one: someone else saved in between. Carries the stored plan
 * when the store could read it, so that the console can show the other change and offer to reload or re-apply.
 */
public class PlanConflictException extends StoreException {
    private final long expectedVersion;
    private final long storedVersion;
    private final transient Plan storedPlan;

    public PlanConflictException(long expectedVersion, long storedVersion) {
        this(expectedVersion, storedVersion, null);
    }

    /**
     * @param storedPlan the plan as stored now (carrying {@code storedVersion}), or null when not known
     */
    public PlanConflictException(long expectedVersion, long storedVersion, Plan storedPlan) {
        this(expectedVersion, storedVersion, storedPlan, "the plan was changed elsewhere: this edit was based on "
                + "version " + expectedVersion + " but version " + storedVersion + " is stored");
    }

    /** As above, with the message the store chose (a backend names itself and who saved last). */
    public PlanConflictException(long expectedVersion, long storedVersion, Plan storedPlan, String message) {
        super(message);
        this.expectedVersion = expectedVersion;
        this.storedVersion = storedVersion;
        this.storedPlan = storedPlan;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long storedVersion() {
        return storedVersion;
    }

    /** The plan as stored now, when the store could read it: what the other side saved. */
    public Optional<Plan> storedPlan() {
        return Optional.ofNullable(storedPlan);
    }
}
