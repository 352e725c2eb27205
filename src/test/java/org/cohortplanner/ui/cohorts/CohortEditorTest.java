package org.cohortplanner.ui.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

class CohortEditorTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final CohortsFixture fixture = new CohortsFixture(SAMPLE);
    private final InMemoryPlanStore store = fixture.store;
    private final WorkingPlan working = fixture.working;
    private final CohortSelection selection = fixture.selection;
    private final CohortsViewModel cohorts = fixture.cohorts;

    private CohortEditor edit(String cohortId) {
        return fixture.edit(cohortId);
    }

    @Test
    void aWindowClosingBeforeItOpensIsShownOnTheWindowFieldOnly() {
        CohortEditor editor = edit("c50-54");
        assertTrue(editor.fieldProblems().isEmpty(), editor.fieldProblems().toString());

        editor.window().closesDateProperty().set(LocalDate.of(2021, 7, 18));

        assertTrue(editor.fieldProblems().get(Problem.FIELD_WINDOW).contains("before it opens"),
                editor.fieldProblems().toString());
        assertEquals(Set.of(Problem.FIELD_WINDOW), editor.fieldProblems().keySet());
        assertTrue(editor.canSave(), "the validator's problems are shown, not refused");
    }

    @Test
    void aTimeThatCannotBeReadIsShownOnTheWindowFieldAndKeepsTheCohortFromBeingSaved() {
        CohortEditor editor = edit("c50-54");

        editor.window().opensTimeProperty().set("25:00");

        assertTrue(editor.fieldProblems().get(Problem.FIELD_WINDOW).contains("25:00"));
        assertFalse(editor.canSave());
        assertFalse(cohorts.saveEditor());
        assertEquals(0, store.writes());
        assertEquals(editor, cohorts.editorProperty().get(), "the editor stays open");
    }

    @Test
    void aFieldThatCannotBeReadDoesNotHideTheValidatorsFindingsOnTheOthers() {
        CohortEditor editor = edit("c50-54");

        editor.window().closesTimeProperty().set("25:00");
        editor.sharePercents().get("Moderna").set("90");

        assertTrue(editor.fieldProblems().get(Problem.FIELD_WINDOW).contains("25:00"));
        assertTrue(editor.fieldProblems().get(Problem.FIELD_BRANDS).contains("add up to 90 %"),
                editor.fieldProblems().toString());
        assertFalse(editor.canSave());
    }

    @Test
    void brandSharesMustAddUpToAHundredPercent() {
        CohortEditor editor = edit("c18-49");
        assertEquals("Total 100 %", editor.sharesTotalProperty().get());

        editor.sharePercents().get("Moderna").set("30");

        assertEquals("Total 90 %", editor.sharesTotalProperty().get());
        assertTrue(editor.fieldProblems().get(Problem.FIELD_BRANDS).contains("add up to 90 %"),
                editor.fieldProblems().toString());

        editor.sharePercents().get("Pfizer").set("70");
        assertNull(editor.fieldProblems().get(Problem.FIELD_BRANDS));
    }

    @Test
    void oneBrandTakesTheWholeAllocation() {
        CohortEditor editor = edit("c18-49");

        editor.useOnly("Pfizer");

        assertEquals("100", editor.sharePercents().get("Pfizer").get());
        assertEquals("0", editor.sharePercents().get("Moderna").get());
        assertTrue(cohorts.saveEditor());
        assertEquals(Set.of("Pfizer"), working.getPlan().cohort("c18-49").orElseThrow().brands().shares().keySet());
    }

    @Test
    void aBrandBelowItsMinimumAgeIsShownOnTheBrandsField() {
        CohortEditor editor = edit("c55-59");

        editor.lastYearProperty().set(2004);

        assertTrue(editor.fieldProblems().get(Problem.FIELD_BRANDS).contains("aged 18 and over"),
                editor.fieldProblems().toString());
    }

    @Test
    void anOverlapWithALaterCohortIsShownOnTheEditedCohortsBirthYears() {
        CohortEditor editor = edit("c50-54");

        editor.lastYearProperty().set(1975);
        editor.window().closesDateProperty().set(LocalDate.of(2021, 8, 12));

        assertTrue(editor.fieldProblems().get(Problem.FIELD_BIRTH_YEARS).contains("also in cohort 18–49"),
                editor.fieldProblems().toString());
    }

    @Test
    void birthDayDigitsAreReadAsDigitsAndRuns() {
        CohortEditor editor = edit("c18-49");

        editor.digitsProperty().set("7 x");
        assertTrue(editor.fieldProblems().get(CohortEditor.FIELD_DIGITS).contains("x"));
        assertFalse(editor.canSave());

        editor.digitsProperty().set("0, 5");
        assertNull(editor.fieldProblems().get(CohortEditor.FIELD_DIGITS));
        editor.digitsProperty().set("0–2, 5");
        assertTrue(cohorts.saveEditor());
        assertEquals(Set.of(0, 1, 2, 5), working.getPlan().cohort("c18-49").orElseThrow().birthDayDigits());
    }

    @Test
    void peopleAndUptakeThatCannotBeReadAreShownOnTheirFields() {
        CohortEditor editor = edit("c50-54");

        editor.eligibleProperty().set("many");
        editor.uptakePercentProperty().set("120");

        assertTrue(editor.fieldProblems().get(Problem.FIELD_ELIGIBLE).contains("many"));
        assertTrue(editor.fieldProblems().get(CohortEditor.FIELD_UPTAKE).contains("120"));
        editor.eligibleProperty().set("0");
        editor.uptakePercentProperty().set("80");
        assertTrue(editor.fieldProblems().get(Problem.FIELD_ELIGIBLE).contains("more than 0"));
    }

    @Test
    void aNameTakenByAnotherCohortIsRefused() {
        CohortEditor editor = edit("c50-54");

        editor.nameProperty().set("55–59");

        assertTrue(editor.fieldProblems().get(CohortEditor.FIELD_NAME).contains("already named 55–59"));
        assertFalse(editor.canSave());
    }

    @Test
    void theReservationCapIsThePlannersDecisionKeptByEveryEditShownAndAudited() {
        assertEquals(1_850_000L, SAMPLE.cohort("c55-59").orElseThrow().window().reservationCap());
        CohortEditor editor = edit("c55-59");
        assertEquals("1,850,000", editor.reservationCapProperty().get());

        editor.eligibleProperty().set("3,600,000");
        assertTrue(cohorts.saveEditor());
        assertEquals(1_850_000L, working.getPlan().cohort("c55-59").orElseThrow().window().reservationCap(),
                "an edit of another field keeps the cap");

        editor = edit("c55-59");
        editor.reservationCapProperty().set("2,000,000");
        editor.reasonProperty().set("more Moderna confirmed");
        assertTrue(cohorts.saveEditor());
        assertEquals(2_000_000L, working.getPlan().cohort("c55-59").orElseThrow().window().reservationCap());
        AuditEntry entry = store.audit().get(store.audit().size() - 1);
        assertTrue(entry.before().contains("Reservation cap: 1,850,000"), entry.before());
        assertTrue(entry.after().contains("Reservation cap: 2,000,000"), entry.after());

        editor = edit("c55-59");
        editor.reservationCapProperty().set("");
        assertTrue(cohorts.saveEditor());
        assertNull(working.getPlan().cohort("c55-59").orElseThrow().window().reservationCap(), "empty is no cap");
        assertTrue(store.audit().get(store.audit().size() - 1).after().contains("Reservation cap: no cap"));

        editor = edit("c55-59");
        editor.reservationCapProperty().set("many");
        assertTrue(editor.fieldProblems().get(CohortEditor.FIELD_RESERVATION_CAP).contains("many"));
        assertFalse(editor.canSave());
        editor.reservationCapProperty().set("-5");
        assertFalse(editor.canSave());

        working.undo();
        assertEquals(2_000_000L, working.getPlan().cohort("c55-59").orElseThrow().window().reservationCap());
    }

    @Test
    void savingAnEditIsOneUndoableStepWithWhatChangedAndTheReason() {
        CohortEditor editor = edit("c50-54");
        editor.eligibleProperty().set("3,900,000");
        editor.window().opensTimeProperty().set("21:00");
        editor.reasonProperty().set("revised registry count");

        assertTrue(cohorts.saveEditor());

        Cohort saved = working.getPlan().cohort("c50-54").orElseThrow();
        assertEquals(3_900_000, saved.eligible());
        assertEquals(21, saved.window().opens().getHour());
        AuditEntry entry = store.audit().get(store.audit().size() - 1);
        assertEquals("Edited cohort 50–54", entry.action());
        assertEquals("revised registry count", entry.reason());
        assertTrue(entry.before().contains("Eligible people: 3,807,034"), entry.before());
        assertTrue(entry.after().contains("Eligible people: 3,900,000"), entry.after());
        assertFalse(entry.after().contains("Name:"), "only what changed: " + entry.after());
        assertNull(cohorts.editorProperty().get());

        working.undo();
        assertEquals(SAMPLE.cohort("c50-54").orElseThrow(), working.getPlan().cohort("c50-54").orElseThrow());
    }

    @Test
    void aNewCohortIsAddedWhenSavedAndNotBefore() {
        cohorts.newCohort();
        CohortEditor editor = cohorts.editorProperty().get();
        assertTrue(editor.isAdding());
        assertEquals(3, working.getPlan().cohorts().size());

        editor.nameProperty().set("12–17");
        assertTrue(cohorts.saveEditor());

        assertEquals(4, working.getPlan().cohorts().size());
        assertEquals("Added cohort 12–17", store.audit().get(store.audit().size() - 1).action());
        assertEquals(editor.original().id(), selection.getCohortId());
    }

    @Test
    void closingTheEditorChangesNothing() {
        CohortEditor editor = edit("c50-54");
        editor.nameProperty().set("something else");

        cohorts.closeEditor();

        assertNull(cohorts.editorProperty().get());
        assertEquals(0, store.writes());
        assertEquals("50–54", working.getPlan().cohort("c50-54").orElseThrow().name());
    }

    @Test
    void anEditorOpenWhenThePlanChangesElsewhereClosesRatherThanSaveOverThatChange() {
        working.edit(working.getPlan().withName("Korea 2021 revised"), PlanChange.of("kim", "Renamed the plan"));
        CohortEditor editor = edit("c50-54");
        editor.eligibleProperty().set("1");

        working.undo();

        assertNull(cohorts.editorProperty().get());
        assertEquals(3_807_034, working.getPlan().cohort("c50-54").orElseThrow().eligible());
    }

    @Test
    void allocationRulesAreEditedWithTheValidatorsFindingsAndSavedWithTheCohortAsOneStep() {
        CohortEditor editor = edit("c55-59");
        assertTrue(editor.rules().isEmpty());
        AllocationRuleForm form = editor.newRule();
        assertEquals("c55-59-R1", form.idProperty().get());
        assertEquals(LocalDate.of(2021, 7, 26), form.firstDayProperty().get(), "starts from the vaccination period");

        assertEquals(List.of(), editor.ruleProblems(form, null), "nothing to check until a region is ticked");
        assertEquals(List.of("Tick at least one region."), editor.saveRule(form, null));
        form.regions().setAll("Seoul", "Incheon", "Gyeonggi");
        form.lastDayProperty().set(LocalDate.of(2021, 7, 31));
        form.sharePercents().forEach((brand, percent) -> percent.set(""));
        form.sharePercents().get("Pfizer").set("90");
        assertTrue(editor.ruleProblems(form, null).stream().anyMatch(problem -> problem.startsWith(
                "Error · allocation rule c55-59-R1: brand shares add up to 90 %")),
                editor.ruleProblems(form, null).toString());
        form.sharePercents().get("Pfizer").set("100");
        form.exceptSiteGroups().setAll("Seoul Moderna-only clinics");
        assertEquals(List.of(), editor.ruleProblems(form, null));

        assertEquals(List.of(), editor.saveRule(form, null));
        assertEquals(1, editor.rules().size());
        assertEquals(0, store.writes(), "nothing is saved before the cohort");
        // A second rule on the same region and days is the validator's overlap, shown on the rules field.
        AllocationRuleForm overlapping = editor.newRule();
        overlapping.regions().setAll("Seoul");
        assertEquals(List.of(), editor.saveRule(overlapping, null));
        assertTrue(editor.fieldProblems().get(Problem.FIELD_ALLOCATION_RULES).contains("c55-59-R2"),
                editor.fieldProblems().toString());
        editor.removeRule("c55-59-R2");
        assertNull(editor.fieldProblems().get(Problem.FIELD_ALLOCATION_RULES));

        assertTrue(cohorts.saveEditor());

        AllocationRule saved = working.getPlan().allocationRules().get(0);
        assertEquals(Set.of("Seoul", "Incheon", "Gyeonggi"), saved.regions());
        assertEquals(Set.of("Seoul Moderna-only clinics"), saved.exceptSiteGroups());
        assertEquals(1.0, saved.brands().shareOf("Pfizer"));
        assertEquals(1, store.audit().size());
        assertTrue(store.audit().get(0).after().startsWith("Allocation rules: c55-59-R1: Seoul, Incheon, Gyeonggi"),
                store.audit().get(0).after());
        working.undo();
        assertTrue(working.getPlan().allocationRules().isEmpty());
    }
}
