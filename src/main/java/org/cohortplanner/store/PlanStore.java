package org.cohortplanner.store;

import java.util.List;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;

/**
 * Where the console's working plan lives: the embedded H2 model, or the booking backend over HTTP. Every save is
 * one transaction together with its audit entry; a save based on an older version than the stored one is refused
 * with {@link PlanConflictException} so that no one's change is silently overwritten.
 */
public interface PlanStore extends AutoCloseable {

    /** Where the data lives, as shown in the status bar: an H2 file path or a backend URL. */
    String location();

    /** The stored plan, or empty when nothing has been stored yet (a new database). */
    java.util.Optional<Plan> load();

    /**
     * Saves {@code plan} over the stored one. {@code plan.version()} must equal the stored version; the returned plan
     * carries the new version.
     *
     * @throws PlanConflictException when someone else saved in between
     */
    Plan save(Plan plan, PlanChange change);

    /**
     * Replaces whatever is stored by {@code plan} (opening a plan file, starting a new plan), whatever its version;
     * the returned plan carries the new version. The audit trail is kept.
     */
    Plan replace(Plan plan, PlanChange change);

    /** Audit entries, oldest first. */
    List<AuditEntry> audit();

    @Override
    void close();
}
