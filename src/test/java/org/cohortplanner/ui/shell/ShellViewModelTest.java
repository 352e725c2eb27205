package org.cohortplanner.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cohortplanner.app.JsonPlanFileAccess;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {
    @TempDir
    Path folder;

    private final InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial().withVersion(7));
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ShellViewModel viewModel = new ShellViewModel(working, new JsonPlanFileAccess(),
            new DirectTaskRunner(), dialogs, "kim", "Cohort Planner 0.1.0");

    @Test
    void theStatusBarSaysWhereTheDataLivesAndWhichPlanIsOpen() {
        assertEquals("Data: memory:test", viewModel.locationTextProperty().get());
        assertEquals("Plan: Korea 2021 initial · version 7", viewModel.planTextProperty().get());
        assertEquals("Every change saved in the data store · not saved to a plan file",
                viewModel.changesTextProperty().get());
        assertFalse(viewModel.hasUnsavedChanges());
        assertEquals("Korea 2021 initial — Cohort Planner", viewModel.titleProperty().get());
    }

    @Test
    void openingAPlanFileReplacesThePlanAndRecordsItInTheAuditTrail() {
        Path file = folder.resolve("as-run.json");
        PlanFiles.write(UiTestPlans.initial().withName("Korea 2021 as run"), file);
        dialogs.pick(1).choose(file);

        viewModel.openPlanFile();

        assertEquals(List.of("Open a plan file in place of the working plan?\n\n\"Korea 2021 initial\" is not in a "
                + "plan file: only the data store holds it. Save it to a plan file first to keep a copy you can open "
                + "again; Undo (Ctrl+Z) also brings it back."), dialogs.confirmations);
        assertEquals("Korea 2021 as run", working.getPlan().name());
        assertEquals("Korea 2021 as run", store.load().orElseThrow().name());
        assertEquals("Opened plan file", store.audit().get(0).action());
        assertEquals("No unsaved changes: same as as-run.json", viewModel.changesTextProperty().get());
        assertEquals(List.of(), dialogs.errors);
    }

    @Test
    void openingAFileOfFormatVersionOneSaysHowItWasRead() throws IOException {
        Path current = folder.resolve("current.json");
        PlanFiles.write(UiTestPlans.initial(), current);
        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode) json.readTree(current.toFile());
        tree.put("formatVersion", 1);
        tree.remove(List.of("transfers", "allocationRules", "intervalPolicies"));
        tree.get("cohorts").forEach(cohort -> ((ObjectNode) cohort).remove("groups"));
        ((ObjectNode) tree.get("bookingSystem")).remove("night");
        tree.get("cohorts").forEach(cohort -> ((ObjectNode) cohort.get("window")).remove("reservationCap"));
        tree.get("brands").forEach(brand -> ((ObjectNode) brand).remove("leadTimeDays"));
        tree.get("deliveries").forEach(delivery -> ((ObjectNode) delivery).remove(List.of("leadTimeDays",
                "allotment")));
        Path older = folder.resolve("older.json");
        json.writeValue(older.toFile(), tree);

        dialogs.pick(1).choose(current);
        viewModel.openPlanFile();
        assertEquals(List.of(), dialogs.information, "a file of today's format opens without a note");

        dialogs.choose(older);
        viewModel.openPlanFile();
        assertEquals(1, dialogs.confirmations.size(), "the plan in place was the file's: nothing to ask");

        assertEquals(List.of(), dialogs.errors);
        assertEquals(1, dialogs.information.size());
        String note = dialogs.information.get(0);
        assertTrue(note.startsWith("Opened a plan file of an older format: older.json is of plan format version 1. "
                + "It was read with lead time 0 for every "
                + "brand and delivery, each delivery allotted to the regions in proportion to appointments, and no "
                + "allocation rules or transfers; the booking night with the assumptions of formats 1 and 2 (80 % of "
                + "first attempts in a burst decaying over 60 minutes), and no window has a reservation cap. Saving "
                + "writes format version " + PlanFiles.FORMAT_VERSION + "."),
                note);
    }

    @Test
    void openingAMalformedFileShowsTheReadersMessageAndChangesNothing() throws IOException {
        Path file = folder.resolve("broken.json");
        Files.writeString(file, "{\n  \"formatVersion\": 1,\n  \"name\": [1, 2]\n}\n");
        dialogs.pick(1).choose(file);

        viewModel.openPlanFile();

        assertEquals(1, dialogs.errors.size());
        String error = dialogs.errors.get(0);
        assertTrue(error.startsWith("Cannot open plan file: "), error);
        assertTrue(error.contains("broken.json"), "names the file: " + error);
        assertTrue(error.contains("name"), "names the place in the file: " + error);
        assertEquals(UiTestPlans.initial().withVersion(7), working.getPlan());
        assertEquals(0, store.writes());
        assertEquals("Every change saved in the data store · not saved to a plan file",
                viewModel.changesTextProperty().get());
    }

    @Test
    void savingToAFileWritesAPlanThatReadsBackTheSame() {
        Path file = folder.resolve("plan.json");
        dialogs.choose(file);

        viewModel.savePlanToFile();

        Plan read = PlanFiles.read(file);
        assertTrue(WorkingPlan.sameContent(working.getPlan(), read));
        assertEquals(file, working.getPlanFile());
        assertEquals("No unsaved changes: same as plan.json", viewModel.changesTextProperty().get());
    }

    @Test
    void anEditAfterSavingIsAnUnsavedChangeUntilSavedAgainToTheSameFile() {
        Path file = folder.resolve("plan.json");
        dialogs.choose(file);
        viewModel.savePlanToFile();

        working.edit(working.getPlan().withName("Korea 2021 revised"), PlanChange.of("kim", "Renamed"));
        assertTrue(viewModel.hasUnsavedChanges());
        assertEquals("Unsaved changes: differs from plan.json", viewModel.changesTextProperty().get());
        assertEquals("Korea 2021 revised • — Cohort Planner", viewModel.titleProperty().get());

        viewModel.savePlanToFile();
        assertFalse(viewModel.hasUnsavedChanges());
        assertEquals("Korea 2021 revised", PlanFiles.read(file).name());
    }

    @Test
    void aFileNameWithoutExtensionGetsDotJson() {
        dialogs.choose(folder.resolve("campaign"));

        viewModel.savePlanAs();

        assertTrue(Files.exists(folder.resolve("campaign.json")));
    }

    @Test
    void aNewPlanAsksFirstWhenThePlanIsNotInAFileAndCancelChangesNothing() {
        dialogs.pick(2);
        viewModel.newPlan();

        assertEquals(1, dialogs.confirmations.size());
        assertTrue(dialogs.confirmations.get(0).startsWith("Start a new plan without cohorts and deliveries?"),
                dialogs.confirmations.get(0));
        assertEquals(2, working.getPlan().cohorts().size());
        assertEquals(0, store.writes());
    }

    @Test
    void savingToAFileFirstKeepsTheWorkThenReplacesIt() {
        working.edit(working.getPlan().withName("Korea 2021 revised"), PlanChange.of("kim", "Renamed the plan"));
        Path file = folder.resolve("revised.json");
        dialogs.pick(0).choose(file);

        viewModel.newPlan();

        assertEquals("Korea 2021 revised", PlanFiles.read(file).name(), "the work is in the file");
        assertEquals("New plan", working.getPlan().name());
        assertEquals(null, working.getPlanFile(), "the new plan is not that file's");
    }

    @Test
    void changesNotInThePlanFileAreAskedAboutAndSavedToThatFile() {
        Path file = folder.resolve("plan.json");
        dialogs.choose(file);
        viewModel.savePlanToFile();
        viewModel.newPlan();
        assertEquals(List.of(), dialogs.confirmations, "a plan file holds the plan: nothing to ask");
        viewModel.undo();
        assertEquals(file, working.getPlanFile(), "Undo brings back the plan and its file");
        assertFalse(viewModel.hasUnsavedChanges());

        working.edit(working.getPlan().withName("Korea 2021 revised"), PlanChange.of("kim", "Renamed the plan"));
        dialogs.pick(0);
        viewModel.newPlan();

        assertTrue(dialogs.confirmations.get(0).endsWith("\"Korea 2021 revised\" has changes that plan.json does "
                + "not have. Save them to plan.json first to keep them in the file; Undo (Ctrl+Z) also brings the "
                + "plan back."), dialogs.confirmations.get(0));
        assertEquals("Korea 2021 revised", PlanFiles.read(file).name());
        assertEquals("New plan", working.getPlan().name());
    }

    @Test
    void aConfirmedNewPlanHasNoCohortsButKeepsTheBrands() {
        dialogs.pick(1);
        viewModel.newPlan();

        Plan fresh = working.getPlan();
        assertEquals("New plan", fresh.name());
        assertEquals(List.of(), fresh.cohorts());
        assertEquals(UiTestPlans.brands(), fresh.brands());
        assertEquals("Started a new plan", store.audit().get(0).action());
        assertEquals("Plan: New plan · version 8", viewModel.planTextProperty().get());
    }

    @Test
    void aFailedStoreWriteIsAnUnsavedChangeAndExitAsksFirst() {
        store.failWrites("the database is read-only");
        working.edit(working.getPlan().withName("A"), PlanChange.of("kim", "Renamed"));

        assertTrue(viewModel.hasUnsavedChanges());
        assertTrue(viewModel.storeProblemProperty().get());
        assertEquals("Not saved in the data store: the database is read-only", viewModel.changesTextProperty().get());
        dialogs.answer(false);
        assertFalse(viewModel.mayExit());
    }

    @Test
    void exitNeedsNoQuestionWhenEverythingIsInTheStore() {
        assertTrue(viewModel.mayExit());
        assertEquals(List.of(), dialogs.confirmations);
    }

    @Test
    void aPlanNameBecomesASafeFileName() {
        assertEquals("Korea-2021-initial.json", ShellViewModel.fileNameFor("Korea 2021 initial"));
        assertEquals("a-b.json", ShellViewModel.fileNameFor("a/b"));
        assertEquals("plan.json", ShellViewModel.fileNameFor("  "));
        assertEquals("Korea-2021-initial-plan.json", ShellViewModel.fileNameFor("Korea 2021, initial plan"));
        assertEquals("2021-접종-계획.json", ShellViewModel.fileNameFor("2021 접종 계획"));
    }

    @Test
    void screensAreReachedInNavigationOrder() {
        viewModel.show(Screen.AUDIT);
        assertEquals(Screen.AUDIT, viewModel.getScreen());
        assertEquals(6, Screen.AUDIT.shortcutDigit());
        assertEquals("screen-audit", Screen.AUDIT.contentId());
    }

    @Test
    void inKoreanTheStatusBarAndTitleSpeakKorean() {
        ShellViewModel korean = new ShellViewModel(working, new JsonPlanFileAccess(), new DirectTaskRunner(), dialogs,
                "kim", "Cohort Planner 0.1.0", Locale.KOREAN, ConsoleSettingsAccess.inMemory(null));

        assertEquals("데이터: memory:test", korean.locationTextProperty().get());
        assertEquals("계획: Korea 2021 initial · 버전 7", korean.planTextProperty().get());
        assertEquals("모든 변경이 데이터 저장소에 저장됨 · 계획 파일로는 저장되지 않음", korean.changesTextProperty().get());
        assertEquals("Korea 2021 initial — 코호트 플래너", korean.titleProperty().get());
    }

    @Test
    void thePlanFileLastOpenedIsRememberedInTheSettings() throws IOException {
        ConsoleSettingsAccess settings = ConsoleSettingsAccess.inMemory(null);
        ShellViewModel remembering = new ShellViewModel(working, new JsonPlanFileAccess(), new DirectTaskRunner(),
                dialogs, "kim", "Cohort Planner 0.1.0", Locale.ENGLISH, settings);
        Path file = folder.resolve("as-run.json");
        PlanFiles.write(UiTestPlans.initial().withName("Korea 2021 as run"), file);
        dialogs.pick(1);

        remembering.open(file);

        assertEquals(file.toAbsolutePath(), settings.settings().lastPlanFile());
    }

    @Test
    void switchingTheLanguageSavesItInTheSettings() {
        ConsoleSettingsAccess settings = ConsoleSettingsAccess.inMemory(null);
        ShellViewModel switching = new ShellViewModel(working, new JsonPlanFileAccess(), new DirectTaskRunner(),
                dialogs, "kim", "Cohort Planner 0.1.0", Locale.ENGLISH, settings);

        switching.switchLanguage(ConsoleSettings.KOREAN);

        assertEquals(ConsoleSettings.KOREAN, settings.settings().language());
    }

    @Test
    void undoAndRedoNameTheEditAndReachEveryScreensEdits() {
        assertEquals("", viewModel.undoActionProperty().get());
        working.edit(working.getPlan().withName("Korea 2021 revised"), PlanChange.of("kim", "Renamed the plan"));
        assertEquals("Renamed the plan", viewModel.undoActionProperty().get());

        viewModel.undo();
        assertEquals("Korea 2021 initial", working.getPlan().name());
        assertEquals("", viewModel.undoActionProperty().get());
        assertEquals("Renamed the plan", viewModel.redoActionProperty().get());

        viewModel.redo();
        assertEquals("Korea 2021 revised", working.getPlan().name());
        assertEquals("Redo: Renamed the plan", store.audit().get(store.audit().size() - 1).action());
    }

    @Test
    void aNewPlanAndAnOpenedFileAreUndoneLikeAnyEdit() {
        working.edit(working.getPlan().withName("Korea 2021 revised"), PlanChange.of("kim", "Renamed the plan"));
        dialogs.pick(1);
        viewModel.newPlan();
        assertEquals("Started a new plan", viewModel.undoActionProperty().get());

        Path file = folder.resolve("as-run.json");
        PlanFiles.write(UiTestPlans.initial().withName("Korea 2021 as run"), file);
        dialogs.pick(1);
        viewModel.open(file);
        assertEquals(file, working.getPlanFile());

        viewModel.undo();
        assertEquals("New plan", working.getPlan().name());
        assertEquals(null, working.getPlanFile(), "the new plan had no file");
        viewModel.undo();
        assertEquals("Korea 2021 revised", working.getPlan().name(), "the afternoon's work is back");
        assertEquals("Korea 2021 revised", store.load().orElseThrow().name(), "and in the data store");
        viewModel.undo();
        assertEquals("Korea 2021 initial", working.getPlan().name());

        viewModel.redo();
        viewModel.redo();
        viewModel.redo();
        assertEquals("Korea 2021 as run", working.getPlan().name());
        assertEquals(file, working.getPlanFile());
        assertFalse(viewModel.hasUnsavedChanges());
    }
}
