package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.PlanChange;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.UiTestPlans;
import org.junit.jupiter.api.Test;

class WorkingPlanTest {
    private final InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial().withVersion(3));
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());

    @Test
    void everyEditReachesTheStoreWithItsAuditEntry() {
        Plan renamed = working.getPlan().withName("Korea 2021 revised");
        working.edit(renamed, new PlanChange("kim", "Renamed the plan", "Korea 2021 initial", "Korea 2021 revised",
                "new announcement"));

        assertEquals("Korea 2021 revised", store.load().orElseThrow().name());
        assertEquals(4, store.load().orElseThrow().version());
        assertEquals(4, working.getPlan().version());
        assertEquals(WorkingPlan.StoreState.SAVED, working.getStoreState());
        assertEquals("new announcement", store.audit().get(0).reason());
        assertEquals(1, working.storeWritesProperty().get());
    }

    @Test
    void successiveEditsAreSavedInOrderEachOnTheVersionBefore() {
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed to A"));
        working.edit(working.getPlan().withName("B"), PlanChange.of("kim", "Renamed to B"));

        assertEquals("B", store.load().orElseThrow().name());
        assertEquals(5, store.load().orElseThrow().version());
        assertEquals(List.of("Renamed to A", "Renamed to B"),
                store.audit().stream().map(entry -> entry.action()).toList());
    }

    @Test
    void aPlanNeverInAFileHasNoFileToDifferFrom() {
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed"));

        assertNull(working.getPlanFile());
        assertFalse(working.isDifferentFromFile());
    }

    @Test
    void anEditAfterSavingToAFileDiffersFromItAndUndoingTheEditDoesNot() {
        Plan original = working.getPlan();
        working.savedToFile(Path.of("plan.json"), original);
        assertFalse(working.isDifferentFromFile());

        working.edit(original.withName("A"), PlanChange.of("kim", "Renamed"));
        assertTrue(working.isDifferentFromFile());

        working.edit(working.getPlan().withName(original.name()), PlanChange.of("kim", "Renamed back"));
        assertFalse(working.isDifferentFromFile(), "only the store's version differs from the file");
    }

    @Test
    void openingAFileReplacesThePlanAndRemembersTheFile() {
        Plan fromFile = UiTestPlans.initial().withName("From file").withVersion(0);
        working.replace(fromFile, PlanChange.of("kim", "Opened plan file"), Path.of("from-file.json"));

        assertEquals("From file", working.getPlan().name());
        assertEquals(Path.of("from-file.json"), working.getPlanFile());
        assertFalse(working.isDifferentFromFile());
        assertEquals("From file", store.load().orElseThrow().name());
    }

    @Test
    void aFailedStoreWriteIsShownAndKeptUntilItCanBeRetried() {
        store.failWrites("the database /data/cohort-planner.mv.db is read-only");
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed"));

        assertEquals(WorkingPlan.StoreState.FAILED, working.getStoreState());
        assertEquals("the database /data/cohort-planner.mv.db is read-only", working.storeProblemProperty().get());
        assertEquals("A", working.getPlan().name(), "the edit stays on screen");
        assertEquals("Korea 2021 initial", store.load().orElseThrow().name());

        store.failWrites(null);
        working.retryStoreWrites();

        assertEquals(WorkingPlan.StoreState.SAVED, working.getStoreState());
        assertEquals("A", store.load().orElseThrow().name());
    }
}
