package org.cohortplanner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.slip.SlipSuggestions;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.cohortplanner.work.Progress;
import org.junit.jupiter.api.Test;

class WorkbookContentBuilderTest {
    private static final Path SAMPLES = Path.of("sample-data");

    @Test
    void theScheduleIsBuiltOnlyForTheSheetsThatShowItAndTheAuditIsAskedForOnlyForItsSheet() throws Exception {
        Plan plan = ExportFixtures.plan();
        List<String> steps = new ArrayList<>();
        PlanWorkbookContent cohortsOnly = WorkbookContentBuilder.build(plan, null, EnumSet.of(WorkbookSheet.COHORTS),
                () -> {
                    throw new AssertionError("the audit is not needed");
                }, Cancellation.never(), recording(steps));
        assertEquals(0, cohortsOnly.scheduleRows());
        assertEquals(List.of(), steps);

        steps.clear();
        PlanWorkbookContent withSchedule = WorkbookContentBuilder.build(plan, null,
                EnumSet.of(WorkbookSheet.SCHEDULE, WorkbookSheet.REGIONAL_STOCK), List::of, Cancellation.never(),
                recording(steps));
        Schedule schedule = Schedule.of(plan);
        assertEquals(schedule.rows().size(), withSchedule.scheduleRows());
        assertEquals(schedule.rows(), withSchedule.schedule().get().toList());
        assertEquals(schedule.regionStock(), withSchedule.regionStock());
        assertEquals(List.of("scheduling"), steps);
        assertTrue(withSchedule.simulation().isEmpty());
    }

    @Test
    void aToldPlanBringsTheSecondDoseMovesEvenWithoutTheirSheet() throws Exception {
        Plan told = PlanFiles.read(SAMPLES.resolve("korea-2021-initial.json"));
        Plan now = PlanFiles.read(SAMPLES.resolve("korea-2021-as-run.json"));
        PlanWorkbookContent content = WorkbookContentBuilder.build(now, told, EnumSet.of(WorkbookSheet.COHORTS),
                List::of, Cancellation.never(), Progress.none());
        List<?> expected = SlipSuggestions.secondDoseMoves(Schedule.of(told), Schedule.of(now));
        assertFalse(expected.isEmpty());
        assertEquals(expected, content.dose2Changes());
    }

    @Test
    void aCancelBetweenStepsStopsTheBuild() {
        assertCancelledOnceStarted(WorkbookSheet.SCHEDULE);
    }

    @Test
    void aCancelBeforeTheBuildStopsItEvenWithoutALongStep() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        assertThrows(CancelledException.class, () -> WorkbookContentBuilder.build(
                ExportFixtures.plan(), null, EnumSet.of(WorkbookSheet.COHORTS), List::of, cancel, Progress.none()));
    }

    @Test
    void aCancelDuringTheNightsStopsTheBuild() {
        assertCancelledOnceStarted(WorkbookSheet.SIMULATION);
    }

    /** A cancel as soon as the build reports its first step stops it with {@link CancelledException}. */
    private static void assertCancelledOnceStarted(WorkbookSheet sheet) {
        Cancellation cancel = new Cancellation();
        assertThrows(CancelledException.class, () -> WorkbookContentBuilder.build(
                ExportFixtures.plan(), null, EnumSet.of(sheet), List::of, cancel, (fraction, step) -> cancel.cancel()));
    }

    private static Progress<WorkbookContentBuilder.Step> recording(List<String> steps) {
        return (fraction, step) -> steps.add(step == WorkbookContentBuilder.Step.SCHEDULING ? "scheduling"
                : "simulating");
    }
}
