package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
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
        assertEquals(4, working.getStoredVersion());
        assertEquals(WorkingPlan.StoreState.SAVED, working.getStoreState());
        assertEquals("new announcement", store.audit().get(0).reason());
        assertEquals(1, working.storeWritesProperty().get());
    }

    @Test
    void anEditNotifiesTheScreensOnceEvenAfterItIsSaved() {
        int[] invalidations = {0};
        int[] changes = {0};
        working.planProperty().addListener(observable -> invalidations[0]++);
        working.planProperty().addListener((observable, before, after) -> changes[0]++);

        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed to A"));
        working.edit(working.getPlan().withName("B"), PlanChange.of("kim", "Renamed to B"));

        assertEquals(5, working.getStoredVersion());
        assertEquals(2, invalidations[0]);
        assertEquals(2, changes[0]);
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

    @Test
    void undoPutsBackThePlanBeforeTheLastEditThroughTheStoreWithAnAuditEntry() {
        Plan original = working.getPlan();
        working.edit(original.withName("A"), new PlanChange("kim", "Renamed to A", "Korea 2021 initial", "A",
                "typo"));
        assertTrue(working.canUndo());
        assertEquals("Renamed to A", working.undoActionProperty().get());

        working.undo();

        assertEquals("Korea 2021 initial", working.getPlan().name());
        assertEquals("Korea 2021 initial", store.load().orElseThrow().name());
        assertEquals("Undo: Renamed to A", store.audit().get(store.audit().size() - 1).action());
        assertEquals("A", store.audit().get(store.audit().size() - 1).before());
        assertFalse(working.canUndo());
        assertEquals("", working.undoActionProperty().get());
        assertEquals("Renamed to A", working.redoActionProperty().get());
    }

    @Test
    void redoMakesTheUndoneEditAgainAndANewEditForgetsWhatCouldBeRedone() {
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed to A"));
        working.edit(working.getPlan().withName("B"), PlanChange.of("kim", "Renamed to B"));
        working.undo();
        working.undo();
        assertEquals("Korea 2021 initial", working.getPlan().name());

        working.redo();
        assertEquals("A", working.getPlan().name());
        assertEquals("A", store.load().orElseThrow().name());
        assertEquals("Redo: Renamed to A", store.audit().get(store.audit().size() - 1).action());
        assertEquals("Renamed to B", working.redoActionProperty().get());

        working.edit(working.getPlan().withName("C"), PlanChange.of("kim", "Renamed to C"));
        assertFalse(working.canRedo());
        assertEquals("", working.redoActionProperty().get());
        working.redo();
        assertEquals("C", working.getPlan().name());
        assertEquals(List.of("Renamed to A", "Renamed to B", "Undo: Renamed to B", "Undo: Renamed to A",
                "Redo: Renamed to A", "Renamed to C"), store.audit().stream().map(entry -> entry.action()).toList());
    }

    @Test
    void undoWithNothingToUndoChangesNothing() {
        working.undo();
        working.redo();

        assertEquals(0, store.writes());
        assertEquals("Korea 2021 initial", working.getPlan().name());
    }

    /** Issue 15: a plan put in place (a file opened, a new plan) is one step that Undo takes back, file and all. */
    @Test
    void openingAPlanIsOneStepThatUndoTakesBackWithThePlanFileBeforeIt() {
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed to A"));
        working.replace(UiTestPlans.initial().withName("From file"), PlanChange.of("kim", "Opened plan file"),
                Path.of("from-file.json"));
        assertEquals(Path.of("from-file.json"), working.getPlanFile());
        assertFalse(working.isDifferentFromFile());

        assertTrue(working.canUndo());
        working.undo();
        assertEquals("A", working.getPlan().name());
        assertEquals("A", store.load().orElseThrow().name(), "the store holds the plan brought back");
        assertEquals(null, working.getPlanFile());
        assertEquals("Undo: Opened plan file", store.audit().get(store.audit().size() - 1).action());
        working.undo();
        assertEquals("Korea 2021 initial", working.getPlan().name());

        working.redo();
        working.redo();
        assertEquals("From file", working.getPlan().name());
        assertEquals(Path.of("from-file.json"), working.getPlanFile());
        assertFalse(working.isDifferentFromFile(), "the file holds the plan redone");
    }

    @Test
    void reloadingTheStoredPlanClearsTheHistory() {
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed to A"));
        Plan theirs = store.load().orElseThrow().withName("Theirs");

        working.reload(theirs);

        assertFalse(working.canUndo());
        assertEquals("Theirs", working.getPlan().name());
    }

    @Test
    void aNewGenerationKeepsTheValuesAndTheOldPropertiesHearNothingMore() {
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed to A"));
        javafx.beans.property.ReadOnlyObjectProperty<Plan> old = working.planProperty();
        java.util.List<String> heardByOld = new java.util.ArrayList<>();
        old.addListener((observable, before, after) -> heardByOld.add(after.name()));

        working.newGeneration();
        working.edit(working.getPlan().withName("B"), PlanChange.of("kim", "Renamed to B"));

        assertEquals(java.util.List.of(), heardByOld);
        assertEquals("A", old.get().name(), "the old property keeps what it last held");
        assertEquals("B", working.planProperty().get().name());
        assertEquals("Renamed to B", working.undoActionProperty().get());
        working.undo();
        assertEquals("A", working.getPlan().name(), "the history carries over");
    }
}
