package org.cohortplanner.store.remote;

import java.time.Instant;
import java.util.Optional;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.PlanConflictException;

/**
 * The backend refused a save because the plan was saved by someone else since it was read (HTTP 412). Carries what
 * the conflict dialog shows: the plan as stored now and who made the last change, when and why.
 */
public final class BackendConflictException extends PlanConflictException {
    private final transient OtherChange otherChange;

    /** The last change stored on the backend: the one this save collided with (or a later one). */
    /** The change saved in between; {@code what} is its action as a phrase (null when it was said only as text). */
    public record OtherChange(String user, String action, Instant at, String reason, long planVersion, Phrase what) {
    }

    public BackendConflictException(long expectedVersion, long storedVersion, Plan storedPlan, OtherChange otherChange,
                                    String message) {
        super(expectedVersion, storedVersion, storedPlan, message);
        this.otherChange = otherChange;
    }

    public Optional<OtherChange> otherChange() {
        return Optional.ofNullable(otherChange);
    }
}
