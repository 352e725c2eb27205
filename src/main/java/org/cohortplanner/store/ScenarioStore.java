package org.cohortplanner.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;

/**
 * Named copies of the working plan kept beside it ("split 50–54", "add capacity"), to compare and to make the working
 * plan again. Each save is recorded in the plan's audit trail in the same transaction. In remote mode the backend
 * keeps them, so every planner of the plan sees the same scenarios.
 */
public interface ScenarioStore {

    /**
     * A scenario as stored.
     *
     * @param basedOnVersion the working plan's stored version when the scenario was saved
     */
    record SavedScenario(long id, String name, Instant savedAt, String savedBy, long basedOnVersion, Plan plan) {
        public SavedScenario {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(savedAt, "savedAt");
            Objects.requireNonNull(savedBy, "savedBy");
            Objects.requireNonNull(plan, "plan");
        }
    }

    /** The scenarios, oldest first. */
    List<SavedScenario> scenarios();

    /**
     * Saves {@code plan} as the scenario {@code name} and appends {@code change} to the audit trail. The local model
     * saves it in place of a scenario of that name if there is one; the backend, whose scenarios every planner of the
     * plan shares, refuses a taken name instead, so that no one's scenario is replaced unseen.
     *
     * @throws ScenarioNameTakenException when the store keeps a scenario of that name and does not replace it
     * @throws StoreException             when it cannot be saved (the name too long, the store unreachable), saying why
     */
    SavedScenario saveScenario(String name, Plan plan, PlanChange change);

    /** Deletes the scenario {@code id} (recorded in the audit trail); false when there was none. */
    boolean deleteScenario(long id, PlanChange change);
}
