package org.cohortplanner.ui.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

class CohortsViewModelTest {
    private final InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial());
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), UiTestPlans.initial());
    private final CohortsViewModel viewModel = new CohortsViewModel(working);

    @Test
    void showsEachCohortInThePlansOrder() {
        assertEquals(List.of("55–59", "50–54"), viewModel.rows().stream().map(CohortRow::name).toList());
    }

    @Test
    void showsAgesInTheVaccinationYearBesideTheBirthYears() {
        CohortRow row = viewModel.rows().get(1);

        assertEquals("1967–1971", row.birthYearsText());
        assertEquals("50–54", row.agesText());
    }

    @Test
    void writesPeopleWithThousandsSeparatorsAndWindowsInThePlanZone() {
        CohortRow row = viewModel.rows().get(1);

        assertEquals("3,807,034", row.eligibleText());
        assertEquals("82.0 %", row.uptakeText());
        assertEquals("Mon 19 Jul 20:00", row.windowOpensText());
        assertEquals("Sat 24 Jul 18:00", row.windowClosesText());
        assertEquals("9 Aug – 21 Aug", row.vaccinationPeriodText());
        assertEquals("Moderna", row.brands());
        assertEquals("every day", row.birthDayDigitsText());
        assertEquals("Planned", row.statusText());
        assertEquals("Asia/Seoul", viewModel.zoneProperty().get());
    }

    @Test
    void showsTheBirthDayDigitsOfARotationGroup() {
        working.edit(working.getPlan().withCohorts(List.of(UiTestPlans.eighteenToFortyNineDigit(3))),
                PlanChange.of("kim", "Rotation"));

        assertEquals("ending in 3", viewModel.rows().get(0).birthDayDigitsText());
        assertEquals("18–49", viewModel.rows().get(0).agesText());
    }

    @Test
    void followsEveryChangeOfTheWorkingPlan() {
        working.edit(working.getPlan().withCohorts(List.of(UiTestPlans.fiftyToFiftyFour())),
                PlanChange.of("kim", "Removed 55–59"));

        assertEquals(List.of("50–54"), viewModel.rows().stream().map(CohortRow::name).toList());
        assertEquals("1 cohort · booking from Mon 19 Jul 2021 20:00 · times in Asia/Seoul", viewModel.getSummary());
    }

    @Test
    void saysSoWhenThePlanHasNoCohorts() {
        working.edit(working.getPlan().withCohorts(List.of()), PlanChange.of("kim", "Removed all"));

        assertEquals(List.of(), viewModel.rows());
        assertEquals("No cohorts yet · times in Asia/Seoul", viewModel.getSummary());
    }

    @Test
    void ageRangesSortByTheYoungestAge() {
        CohortRow.Ages fifties = new CohortRow.Ages(50, 54);
        CohortRow.Ages late50s = new CohortRow.Ages(55, 59);

        assertEquals(-1, Integer.signum(fifties.compareTo(late50s)));
    }

    @Test
    void theFilterShowsRowsWhoseNameAgesBrandsOrStatusContainIt() {
        viewModel.filterProperty().set("55");
        assertEquals(List.of("55–59"), viewModel.shownRows().stream().map(CohortRow::name).toList());

        viewModel.filterProperty().set("moderna");
        assertEquals(2, viewModel.shownRows().size());

        viewModel.filterProperty().set("");
        assertEquals(2, viewModel.shownRows().size());
    }

    @Test
    void deletingAsksFirstAndIsOneUndoableEdit() {
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(false).answer(true);
        CohortSelection selection = new CohortSelection();
        CohortsViewModel cohorts = new CohortsViewModel(working, selection, dialogs, "kim", Locale.ENGLISH);
        selection.select("c55-59");

        cohorts.deleteSelected();
        assertEquals(2, working.getPlan().cohorts().size());
        assertEquals(0, store.writes());

        cohorts.deleteSelected();
        assertEquals(List.of("50–54"), cohorts.rows().stream().map(CohortRow::name).toList());
        assertEquals("Deleted cohort 55–59", store.audit().get(store.audit().size() - 1).action());
        assertNull(selection.getCohortId());

        working.undo();
        assertEquals(List.of("55–59", "50–54"), cohorts.rows().stream().map(CohortRow::name).toList());
    }

    @Test
    void duplicatingAddsACopyAfterTheOriginalAndSelectsIt() {
        CohortSelection selection = new CohortSelection();
        CohortsViewModel cohorts = new CohortsViewModel(working, selection, new ScriptedDialogs(), "kim",
                Locale.ENGLISH);
        selection.select("c55-59");

        cohorts.duplicateSelected();

        assertEquals(List.of("55–59", "55–59 copy", "50–54"), cohorts.rows().stream().map(CohortRow::name).toList());
        assertEquals("c55-59-copy", selection.getCohortId());
    }

    @Test
    void theProblemsListHoldsEveryProblemAndAProblemSelectsItsCohort() {
        CohortSelection selection = new CohortSelection();
        CohortsViewModel cohorts = new CohortsViewModel(working, selection, new ScriptedDialogs(), "kim",
                Locale.ENGLISH);
        Cohort broken = UiTestPlans.fiftyToFiftyFour().withEligible(0);
        working.edit(working.getPlan().withCohort(broken), PlanChange.of("kim", "No people"));

        Problem problem = cohorts.problems().stream().filter(p -> "c50-54".equals(p.cohortId())).findFirst()
                .orElseThrow();
        assertEquals(Problem.FIELD_ELIGIBLE, problem.field());
        assertTrue(cohorts.problemsSummaryProperty().get().startsWith("1 error"),
                cohorts.problemsSummaryProperty().get());

        cohorts.jumpTo(problem);
        assertEquals("c50-54", selection.getCohortId());
    }

    @Test
    void theSelectionIsClearedWhenItsCohortLeavesThePlan() {
        CohortSelection selection = new CohortSelection();
        new CohortsViewModel(working, selection, new ScriptedDialogs(), "kim", Locale.ENGLISH);
        selection.select("c55-59");

        working.edit(working.getPlan().withCohorts(List.of(UiTestPlans.fiftyToFiftyFour())),
                PlanChange.of("kim", "Removed 55–59"));

        assertNull(selection.getCohortId());
    }

    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    /** The sample with 50–54 split at 1969 through the screen, as the planner would. */
    private static CohortsFixture sampleSplit() {
        CohortsFixture fixture = new CohortsFixture(SAMPLE);
        fixture.selection.select("c50-54");
        fixture.cohorts.proposeSplit().orElseThrow().apply();
        return fixture;
    }

    private static List<String> partIds(CohortsFixture fixture) {
        return CohortFamilies.partsOf(fixture.working.getPlan(), "c50-54").stream().map(Cohort::id).toList();
    }

    @Test
    void aPartIsShownUnderItsSplitParentAndEveryOtherCohortAtTheTop() {
        CohortsFixture fixture = sampleSplit();
        List<String> parts = partIds(fixture);

        assertEquals(2, parts.size());
        for (String part : parts) {
            assertEquals(Optional.of("c50-54"), fixture.cohorts.parentIdOf(part));
        }
        assertEquals(Optional.empty(), fixture.cohorts.parentIdOf("c50-54"));
        assertEquals(Optional.empty(), fixture.cohorts.parentIdOf("c55-59"));
        assertFalse(fixture.cohorts.isBooking("c50-54"), "the parent books through its parts");
        assertTrue(fixture.cohorts.isBooking(parts.get(0)));
    }

    @Test
    void aPartWhoseParentIsNotInThePlanIsShownAtTheTop() {
        working.edit(working.getPlan().withCohorts(List.of(UiTestPlans.eighteenToFortyNineDigit(3))),
                PlanChange.of("kim", "Only a part"));

        assertEquals(Optional.empty(), viewModel.parentIdOf("c18-49-d3"));
    }

    @Test
    void cohortsNamingEachOtherAsParentsAreCutSoThatEachHasAPlace() {
        Cohort older = UiTestPlans.fiftyFiveToFiftyNine().withParentId("c50-54");
        Cohort younger = UiTestPlans.fiftyToFiftyFour().withParentId("c55-59");
        working.edit(working.getPlan().withCohorts(List.of(older, younger)), PlanChange.of("kim", "A ring"));

        assertEquals(Optional.empty(), viewModel.parentIdOf("c55-59"));
        assertEquals(Optional.of("c55-59"), viewModel.parentIdOf("c50-54"));
    }

    @Test
    void theTotalsCountASplitParentOnceThroughItsParts() {
        CohortsFixture fixture = sampleSplit();
        Plan plan = fixture.working.getPlan();
        long booking = CohortFamilies.bookingCohorts(plan).stream().mapToLong(Cohort::eligible).sum();
        long everyRow = fixture.cohorts.rows().stream().mapToLong(CohortRow::eligible).sum();
        double expected = CohortFamilies.bookingCohorts(plan).stream()
                .mapToDouble(cohort -> cohort.eligible() * cohort.uptake()).sum();

        CohortTotals totals = fixture.cohorts.getTotals();
        assertEquals(plan.cohorts().size() - 1, totals.bookingCohorts());
        assertEquals(booking, totals.eligible());
        assertEquals(SAMPLE.cohorts().stream().mapToLong(Cohort::eligible).sum(), totals.eligible(),
                "a split moves people into the parts, it adds none");
        assertNotEquals(everyRow, totals.eligible());
        assertEquals(Math.round(expected), totals.expectedBookings());
        assertFalse(totals.filtered());
    }

    @Test
    void aSuspendedOrClosedCohortStillCountsAsEligible() {
        Cohort suspended = UiTestPlans.fiftyToFiftyFour().withStatus(CohortStatus.SUSPENDED);
        Cohort closed = UiTestPlans.fiftyFiveToFiftyNine().withStatus(CohortStatus.CLOSED);
        working.edit(working.getPlan().withCohorts(List.of(closed, suspended)), PlanChange.of("kim", "Stopped"));

        assertEquals(2, viewModel.getTotals().bookingCohorts());
        assertEquals(3_524_000 + 3_807_034, viewModel.getTotals().eligible());
    }

    @Test
    void theTotalsAreThoseOfTheRowsTheFilterShows() {
        viewModel.filterProperty().set("1967");

        assertEquals(new CohortTotals(1, 3_807_034, Math.round(3_807_034 * 0.82), true), viewModel.getTotals());
        viewModel.filterProperty().set("");
        assertEquals(2, viewModel.getTotals().bookingCohorts());
        assertFalse(viewModel.getTotals().filtered());
    }

    @Test
    void aFoldedParentStaysFoldedAcrossPlanChangesAndUndo() {
        CohortsFixture fixture = sampleSplit();
        assertTrue(fixture.cohorts.isExpanded("c50-54"), "a parent shows its parts until the planner folds it");
        fixture.cohorts.setExpanded("c50-54", false);

        fixture.working.edit(fixture.working.getPlan().withCohort(fixture.working.getPlan().cohort("c55-59")
                .orElseThrow().withUptake(0.9)), PlanChange.of("kim", "Uptake"));
        assertFalse(fixture.cohorts.isExpanded("c50-54"));
        fixture.working.undo();
        assertFalse(fixture.cohorts.isExpanded("c50-54"));
        fixture.cohorts.setExpanded("c50-54", true);
        assertTrue(fixture.cohorts.isExpanded("c50-54"));
    }

    @Test
    void aSplitSelectsItsNewParts() {
        CohortsFixture fixture = sampleSplit();
        List<String> parts = partIds(fixture);

        assertEquals(parts, fixture.cohorts.selectedRowIds());
        assertEquals(parts.get(0), fixture.selection.getCohortId());

        fixture.selection.select("c55-59");
        assertEquals(List.of("c55-59"), fixture.cohorts.selectedRowIds());
        fixture.working.undo();
        assertEquals(List.of("c55-59"), fixture.cohorts.selectedRowIds());
        fixture.selection.clear();
        assertEquals(List.of(), fixture.cohorts.selectedRowIds());
    }

    @Test
    void rowsSelectedInTheTableKeepTheirOthersAndTheLeadIsTheSharedSelection() {
        CohortsFixture fixture = new CohortsFixture(SAMPLE);
        fixture.cohorts.selectRows("c50-54", List.of("c55-59", "c50-54"));

        assertEquals("c50-54", fixture.selection.getCohortId());
        assertEquals(List.of("c55-59", "c50-54"), fixture.cohorts.selectedRowIds());
    }
}
