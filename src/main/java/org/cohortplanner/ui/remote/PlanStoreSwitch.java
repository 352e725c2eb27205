package org.cohortplanner.ui.remote;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.store.ScenarioStore;
import org.cohortplanner.store.StoreException;

/**
 * The store the console works on: the local model, or a backend while connected. Screens hold this one store, so
 * connecting or disconnecting changes where every screen reads and writes without rebuilding them.
 */
public final class PlanStoreSwitch implements PlanStore, ScenarioStore {
    private final PlanStore local;
    private volatile PlanStore current;

    public PlanStoreSwitch(PlanStore local) {
        this.local = Objects.requireNonNull(local, "local");
        this.current = local;
    }

    /** Works on {@code backend} from now on; the local model stays open for {@link #useLocal()}. */
    public void use(PlanStore backend) {
        PlanStore before = current;
        current = Objects.requireNonNull(backend, "backend");
        if (before != local && before != backend) {
            before.close();
        }
    }

    /** Works on the local model again. */
    public void useLocal() {
        use(local);
    }

    public boolean isLocal() {
        return current == local;
    }

    public PlanStore current() {
        return current;
    }

    public PlanStore local() {
        return local;
    }

    @Override
    public String location() {
        return current.location();
    }

    @Override
    public Optional<Plan> load() {
        return current.load();
    }

    @Override
    public Plan save(Plan plan, PlanChange change) {
        return current.save(plan, change);
    }

    @Override
    public Plan replace(Plan plan, PlanChange change) {
        return current.replace(plan, change);
    }

    @Override
    public List<AuditEntry> audit() {
        return current.audit();
    }

    @Override
    public List<SavedScenario> scenarios() {
        return scenarioStore().scenarios();
    }

    @Override
    public SavedScenario saveScenario(String name, Plan plan, PlanChange change) {
        return scenarioStore().saveScenario(name, plan, change);
    }

    @Override
    public boolean deleteScenario(long id, PlanChange change) {
        return scenarioStore().deleteScenario(id, change);
    }

    private ScenarioStore scenarioStore() {
        PlanStore now = current;
        if (now instanceof ScenarioStore scenarios) {
            return scenarios;
        }
        throw new StoreException(now.location() + " keeps no scenarios");
    }

    /** Closes the backend connection and the local model. */
    @Override
    public void close() {
        if (current != local) {
            current.close();
        }
        local.close();
    }
}
