package org.cohortplanner.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanConflictException;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.store.StoreException;

/** A PlanStore in memory with the same version rules as the real ones, and a switch to make writes fail. */
public final class InMemoryPlanStore implements PlanStore {
    private final List<AuditEntry> audit = new ArrayList<>();
    private Plan stored;
    private String failWrites;
    private int writes;

    public InMemoryPlanStore(Plan initial) {
        stored = initial;
    }

    /** Makes every following write fail with {@code message}; null makes writes work again. */
    public synchronized void failWrites(String message) {
        failWrites = message;
    }

    public synchronized int writes() {
        return writes;
    }

    @Override
    public String location() {
        return "memory:test";
    }

    @Override
    public synchronized Optional<Plan> load() {
        return Optional.ofNullable(stored);
    }

    @Override
    public synchronized Plan save(Plan plan, PlanChange change) {
        long storedVersion = stored == null ? 0 : stored.version();
        if (plan.version() != storedVersion) {
            throw new PlanConflictException(plan.version(), storedVersion);
        }
        return write(plan, change);
    }

    @Override
    public synchronized Plan replace(Plan plan, PlanChange change) {
        return write(plan, change);
    }

    private Plan write(Plan plan, PlanChange change) {
        if (failWrites != null) {
            throw new StoreException(failWrites);
        }
        long next = (stored == null ? 0 : stored.version()) + 1;
        stored = plan.withVersion(next);
        writes++;
        audit.add(new AuditEntry(audit.size() + 1, Instant.parse("2021-07-12T00:00:00Z").plusSeconds(60L * writes),
                change.user(), change.action(), change.before(), change.after(), change.reason(), next,
                change.what()));
        return stored;
    }

    @Override
    public synchronized List<AuditEntry> audit() {
        return List.copyOf(audit);
    }

    @Override
    public void close() {
    }
}
