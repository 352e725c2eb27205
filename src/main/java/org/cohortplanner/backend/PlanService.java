package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanConflictException;
import org.cohortplanner.store.PlanStore;

/**
 * The backend's plan: published as an immutable snapshot that every request reads without a lock, written through
 * the store. A write is decided on the plan as it is at that moment (the caller's If-Match checked against it) and
 * stored in one transaction with its audit entry under the store's version check; when another write got in first
 * (in this process or another backend on the database), the edit is decided again on the newer plan, so two
 * planners' changes never interleave and neither is lost. No lock is held here, and nothing is called back.
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
    public record Edit(Plan plan, String action, String before, String after, String reason, Phrase what) {
        /** An edit whose action is only said as text. */
        public Edit(Plan plan, String action, String before, String after, String reason) {
            this(plan, action, before, after, reason, null);
        }
    }

    /** Decides an edit on the current plan; throws {@link ApiException} to refuse it (412, 400, 404). */
    @FunctionalInterface
    public interface Editor {
        Edit edit(Snapshot current);
    }

    /** Edits decided again after losing to another write, before the caller is told to read the plan again. */
    private static final int ATTEMPTS = 50;

    private final PlanStore store;
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final Saved saved;

    /** What follows a stored edit, outside any lock: booked second doses move with a changed interval. */
    public interface Saved {
        void saved(Plan before, Plan after);
    }

    public PlanService(PlanStore store) {
        this(store, (before, after) -> { });
    }

    public PlanService(PlanStore store, Saved saved) {
        this.store = store;
        this.saved = saved;
        publish(snapshotOf(store.load().orElse(null)));
    }

    public String location() {
        return store.location();
    }

    public Snapshot snapshot() {
        return current.get();
    }

    public Optional<Plan> plan() {
        return Optional.ofNullable(snapshot().plan());
    }

    /**
     * Applies an edit for {@code caller}: the editor sees the current plan, the caller's roles are checked against
     * what the edit changes, and the result is stored with an audit entry in the caller's name.
     *
     * @return the stored plan, with its new version
     */
    public Snapshot write(Caller caller, Editor editor) {
        Permissions.requireAny(caller, Role.PLANNER, Role.SUPPLY);
        for (int attempt = 1; ; attempt++) {
            Snapshot base = current.get();
            Edit edit = editor.edit(base);
            Permissions.require(caller, base.plan(), edit.plan());
            try {
                Plan stored = store.save(edit.plan().withVersion(base.version()), new PlanChange(caller.user(),
                        edit.action(), edit.before(), edit.after(), edit.reason(), edit.what()));
                saved.saved(base.plan(), stored);
                return publish(snapshotOf(stored));
            } catch (PlanConflictException changedMeanwhile) {
                Snapshot stored = publish(snapshotOf(store.load().orElse(null)));
                if (attempt >= ATTEMPTS) {
                    throw new ApiException(412, "the plan was changed by another backend sharing this database; "
                            + "read it again", null, "VERSION_MISMATCH", stored.tree(),
                            PlanJson.tagOf(stored.version()));
                }
            }
        }
    }

    /**
     * Reads the stored plan again and publishes it if it is newer than the current snapshot (another backend on the
     * database changed it); answers the current snapshot.
     */
    public Snapshot refresh() {
        return publish(snapshotOf(store.load().orElse(null)));
    }

    /** Seeds an empty database with {@code plan}. */
    public void seed(Plan plan, String user) {
        if (!current.get().isEmpty()) {
            return;
        }
        Plan saved = store.replace(plan.withVersion(0), PlanChange.of(user, "Seeded the backend with plan '"
                + plan.name() + "'").withWhat(Phrase.of("audit.api.seeded", plan.name())));
        publish(snapshotOf(saved));
    }

    /** Makes {@code snapshot} the current one unless a newer version is published already; answers the current. */
    private Snapshot publish(Snapshot snapshot) {
        return current.accumulateAndGet(snapshot, (held, offered) -> held == null
                || offered.version() >= held.version() ? offered : held);
    }

    public List<AuditEntry> audit() {
        return store.audit();
    }

    private static Snapshot snapshotOf(Plan plan) {
        return new Snapshot(plan, plan == null ? null : PlanJson.tree(plan));
    }
}
