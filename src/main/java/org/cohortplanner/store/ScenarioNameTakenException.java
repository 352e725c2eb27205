package org.cohortplanner.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A store shared by several planners refused to save a scenario under a name another scenario of the plan has, so
 * that no planner's scenario is replaced unseen. Carries who saved the one of that name, and when, for the message.
 */
public final class ScenarioNameTakenException extends StoreException {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String savedBy;
    private final transient Instant savedAt;

    public ScenarioNameTakenException(String name, String savedBy, Instant savedAt, String message) {
        super(message);
        this.name = Objects.requireNonNull(name, "name");
        this.savedBy = savedBy == null ? "" : savedBy;
        this.savedAt = savedAt;
    }

    /** The name asked for. */
    public String name() {
        return name;
    }

    /** Who saved the scenario of that name; empty when the store did not say. */
    public String savedBy() {
        return savedBy;
    }

    /** When it was saved, or null when the store did not say. */
    public Instant savedAt() {
        return savedAt;
    }
}
