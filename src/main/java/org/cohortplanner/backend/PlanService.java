package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.AuditEntry;
import org.cohortplanner.store.PlanChange;
import org.cohortplanner.store.PlanConflictException;
import org.cohortplanner.store.PlanStore;

/**
 * The backend's plan: kept in memory for reading, written through the store one change at a time. A write is
 * decided on the plan as it is at that moment (the caller's If-Match checked against it) and stored in one
 * transaction with its audit entry, so two planners' changes never interleave and neither is lost.
 */
public final class PlanService {

    /** The plan at one version, with its JSON; null plan when nothing is stored yet. */
    public record Snapshot(Plan plan, ObjectNode tree) {
        public boolean isEmpty() {
            return plan == null;
        }

        public long version() {
            return plan == null ? 0 : plan.version();
        }

        public Plan require() {
            if (plan == null) {
                throw ApiException.notFound("no plan is stored on this backend yet; PUT /api/v1/plan first");
            }
            return plan;
        }
    }

    /** A change to store: the new plan and what the audit trail says about it. */
    public record Edit(Plan plan, String action, String before, String after, String reason) {
    }

    /** Decides an edit on the current plan; throws {@link ApiException} to refuse it (412, 400, 404). */
    @FunctionalInterface
    public interface Editor {
        Edit edit(Snapshot current);
    }

    private final PlanStore store;
    private Snapshot current;
    private final List<Runnable> listeners = new ArrayList<>();

    public PlanService(PlanStore store) {
        this.store = store;
        this.current = snapshotOf(store.load().orElse(null));
    }

    public String location() {
        return store.location();
    }

    public synchronized Snapshot snapshot() {
        return current;
    }

    public Optional<Plan> plan() {
        return Optional.ofNullable(snapshot().plan());
    }

    /** Runs after every stored change (the booking desk drops what it computed from the old plan). */
    public synchronized void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Applies an edit for {@code caller}: the editor sees the current plan, the caller's roles are checked against
     * what the edit changes, and the result is stored with an audit entry in the caller's name.
     *
     * @return the stored plan, with its new version
     */
    public synchronized Snapshot write(Caller caller, Editor editor) {
        Permissions.requireAny(caller, Role.PLANNER, Role.SUPPLY);
        Edit edit = editor.edit(current);
        Permissions.require(caller, current.plan(), edit.plan());
        Plan base = edit.plan().withVersion(current.version());
        Plan saved;
        try {
            saved = store.save(base, new PlanChange(caller.user(), edit.action(), edit.before(), edit.after(),
                    edit.reason()));
        } catch (PlanConflictException changedElsewhere) {
            // Another backend on the same database saved in between: answer with what is stored now.
            current = snapshotOf(store.load().orElse(null));
            throw new ApiException(412, "the plan was changed by another backend sharing this database; read it "
                    + "again", null, "VERSION_MISMATCH", current.tree(), PlanJson.tagOf(current.version()));
        }
        current = snapshotOf(saved);
        listeners.forEach(Runnable::run);
        return current;
    }

    /** Seeds an empty database with {@code plan}. */
    public synchronized void seed(Plan plan, String user) {
        if (!current.isEmpty()) {
            return;
        }
        Plan saved = store.replace(plan.withVersion(0), PlanChange.of(user, "Seeded the backend with plan '"
                + plan.name() + "'"));
        current = snapshotOf(saved);
        listeners.forEach(Runnable::run);
    }

    public List<AuditEntry> audit() {
        return store.audit();
    }

    private static Snapshot snapshotOf(Plan plan) {
        return new Snapshot(plan, plan == null ? null : PlanJson.tree(plan));
    }
}
