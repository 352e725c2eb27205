package org.cohortplanner.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.cohortplanner.domain.Holiday;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanConflictException;
import org.cohortplanner.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2PlanStoreTest {
    @TempDir
    Path folder;

    @Test
    void newDatabaseHasNoPlanAndNoAudit() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            assertEquals(Optional.empty(), store.load());
            assertEquals(List.of(), store.audit());
        }
    }

    @Test
    void locationIsTheDatabaseFileInTheDataFolder() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Path file = folder.toAbsolutePath().resolve("cohort-planner.mv.db");
            assertEquals(file.toString(), store.location());
            assertTrue(Files.exists(file));
        }
    }

    @Test
    void missingDataFolderIsCreated() {
        Path nested = folder.resolve("a").resolve("b");
        try (H2PlanStore store = H2PlanStore.open(nested)) {
            assertTrue(Files.isDirectory(nested));
            assertEquals(Optional.empty(), store.load());
        }
    }

    @Test
    void planWithEveryFieldLoadsEqualToWhatWasSaved() {
        Plan plan = TestPlans.everyField();
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan saved = store.save(plan, PlanChange.of("kim", "Open plan"));
            assertEquals(plan.withVersion(1), saved);
            assertEquals(Optional.of(saved), store.load());
        }
    }

    @Test
    void campaignSizedPlanLoadsEqualToWhatWasSaved() {
        Plan plan = TestPlans.campaignSized();
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan saved = store.save(plan, PlanChange.of("kim", "Open plan"));
            assertEquals(Optional.of(saved), store.load());
            Plan fewer = saved.withCohorts(saved.cohorts().subList(0, 3)).withDeliveries(List.of());
            Plan savedFewer = store.save(fewer, PlanChange.of("kim", "Remove cohorts"));
            assertEquals(Optional.of(savedFewer), store.load());
        }
    }

    @Test
    void reopeningTheDatabaseGivesTheSamePlanAndAudit() {
        Plan saved;
        List<AuditEntry> audit;
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            saved = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            saved = store.save(saved.withDescription("edited"), PlanChange.of("lee", "Edit description"));
            audit = store.audit();
        }
        try (H2PlanStore reopened = H2PlanStore.open(folder)) {
            assertEquals(Optional.of(saved), reopened.load());
            assertEquals(audit, reopened.audit());
        }
    }

    @Test
    void eachSaveBumpsTheVersion() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan first = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            Plan second = store.save(first.withDescription("two"), PlanChange.of("kim", "Edit"));
            Plan third = store.save(second.withDescription("three"), PlanChange.of("kim", "Edit"));
            assertEquals(List.of(1L, 2L, 3L), List.of(first.version(), second.version(), third.version()));
            assertEquals(3, store.load().orElseThrow().version());
        }
    }

    @Test
    void saveBasedOnAnOlderVersionIsRefusedAndChangesNothing() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan first = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            Plan second = store.save(first.withDescription("kim's edit"), PlanChange.of("kim", "Edit"));
            PlanConflictException conflict = assertThrows(PlanConflictException.class,
                    () -> store.save(first.withDescription("lee's edit"), PlanChange.of("lee", "Edit")));
            assertEquals(1, conflict.expectedVersion());
            assertEquals(2, conflict.storedVersion());
            assertEquals(Optional.of(second), store.load());
            assertEquals(2, store.audit().size());
        }
    }

    @Test
    void saveOfAPlanWithAVersionIntoAnEmptyDatabaseIsAConflict() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            PlanConflictException conflict = assertThrows(PlanConflictException.class,
                    () -> store.save(TestPlans.everyField().withVersion(4), PlanChange.of("kim", "Save")));
            assertEquals(0, conflict.storedVersion());
            assertEquals(Optional.empty(), store.load());
            assertEquals(List.of(), store.audit());
        }
    }

    @Test
    void replaceIgnoresTheVersionAndKeepsTheAuditTrail() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan first = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            store.save(first.withDescription("edit"), PlanChange.of("kim", "Edit"));
            Plan replaced = store.replace(TestPlans.campaignSized().withVersion(17),
                    PlanChange.of("lee", "Open plan file"));
            assertEquals(3, replaced.version());
            assertEquals(TestPlans.campaignSized().withVersion(3), replaced);
            assertEquals(Optional.of(replaced), store.load());
            assertEquals(List.of("Open plan", "Edit", "Open plan file"),
                    store.audit().stream().map(AuditEntry::action).toList());
        }
    }

    @Test
    void auditEntriesAreAppendedInOrderWithWhoWhenWhatAndWhy() {
        MutableClock clock = new MutableClock(Instant.parse("2021-07-19T11:00:00.123456789Z"));
        try (H2PlanStore store = H2PlanStore.open(folder, clock)) {
            Plan first = store.save(TestPlans.everyField(), new PlanChange("kim", "Open plan", "", "", ""));
            clock.advance(Duration.ofMinutes(5));
            store.save(first.withDescription("after"), new PlanChange("lee", "Edit description", "before text",
                    "after text", "Moderna shipment moved"));
            List<AuditEntry> audit = store.audit();
            assertEquals(List.of(
                    new AuditEntry(1, Instant.parse("2021-07-19T11:00:00.123456Z"), "kim", "Open plan", "", "", "",
                            1),
                    new AuditEntry(2, Instant.parse("2021-07-19T11:05:00.123456Z"), "lee", "Edit description",
                            "before text", "after text", "Moderna shipment moved", 2)), audit);
        }
    }

    @Test
    void failureInTheMiddleOfASaveLeavesThePreviousPlanAndAuditIntact() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan saved = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            List<AuditEntry> audit = store.audit();
            // Every table is rewritten before the audit entry is appended; the user name is too long for it.
            Plan edited = TestPlans.campaignSized().withVersion(saved.version());
            StoreException failure = assertThrows(StoreException.class,
                    () -> store.save(edited, PlanChange.of("x".repeat(300), "Edit")));
            assertEquals("cannot save the plan to " + store.location() + ": user name '" + "x".repeat(40) + "…' has "
                    + "300 characters, more than the 200 that can be stored; the plan stored before is unchanged",
                    failure.getMessage());
            assertEquals(Optional.of(saved), store.load());
            assertEquals(audit, store.audit());
            Plan next = store.save(saved.withDescription("still works"), PlanChange.of("kim", "Edit"));
            assertEquals(2, next.version());
        }
    }

    @Test
    void failureWhileRewritingThePlanRowsLeavesThePreviousPlanIntact() {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan saved = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            Plan edited = saved.withCohorts(List.of()).withHolidays(List.of(
                    new Holiday(saved.holidays().get(0).date(), "h".repeat(201))));
            StoreException failure = assertThrows(StoreException.class,
                    () -> store.save(edited, PlanChange.of("kim", "Edit")));
            // Refused by the plan format's limit before anything is written, with the field's place.
            assertTrue(failure.getMessage().contains("holidays[0].name: the text is 201 characters long"),
                    failure.getMessage());
            assertEquals(Optional.of(saved), store.load());
            assertEquals(1, store.audit().size());
        }
    }

    @Test
    void databaseRefusingARowInTheMiddleOfASaveLeavesThePreviousPlanIntact() throws SQLException {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan saved = store.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            // A rule the domain does not have, added behind the store's back: the version check has passed and the
            // plan's row is locked when the database refuses the new document, half-way through the save.
            String url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("cohort-planner") + ";WRITE_DELAY=0";
            try (Connection sameDatabase = DriverManager.getConnection(url, "sa", "");
                 Statement statement = sameDatabase.createStatement()) {
                statement.execute("ALTER TABLE plan_document ADD CONSTRAINT ck_test_small CHECK (plan_version <> 2)");
                StoreException failure = assertThrows(StoreException.class, () -> store.save(
                        TestPlans.campaignSized().withVersion(1), PlanChange.of("kim", "Open other plan")));
                assertTrue(failure.getMessage().startsWith("cannot save the plan to " + store.location() + ": "),
                        failure.getMessage());
                assertTrue(failure.getMessage().contains("CK_TEST_SMALL"), failure.getMessage());
                assertFalse(failure.getMessage().contains("INSERT INTO"), failure.getMessage());
                statement.execute("ALTER TABLE plan_document DROP CONSTRAINT ck_test_small");
            }
            assertEquals(Optional.of(saved), store.load());
            assertEquals(1, store.audit().size());
        }
    }

    @Test
    void secondStoreOnTheSameFolderIsRefusedWithAClearMessage() {
        try (H2PlanStore first = H2PlanStore.open(folder)) {
            first.save(TestPlans.everyField(), PlanChange.of("kim", "Open plan"));
            StoreException refused = assertThrows(StoreException.class, () -> H2PlanStore.open(folder));
            assertTrue(refused.getMessage().contains(first.location()), refused.getMessage());
            assertTrue(refused.getMessage().contains("in use by another running Cohort Planner console"),
                    refused.getMessage());
            assertEquals(1, first.load().orElseThrow().version());
        }
        try (H2PlanStore afterClose = H2PlanStore.open(folder)) {
            assertEquals(1, afterClose.load().orElseThrow().version());
        }
    }

    @Test
    void closedStoreSaysSo() {
        H2PlanStore store = H2PlanStore.open(folder);
        store.close();
        store.close();
        StoreException closed = assertThrows(StoreException.class, store::load);
        assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
    }

    /** A clock the test moves by hand, so audit times are known. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now;

        MutableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("audit times are UTC");
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
