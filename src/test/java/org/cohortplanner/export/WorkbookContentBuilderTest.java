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
import org.cohortplanner.simulation.CancellationToken;
import org.cohortplanner.store.json.PlanFiles;
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
                }, CancellationToken.never(), recording(steps));
        assertEquals(0, cohortsOnly.scheduleRows());
        assertEquals(List.of("cancelled?"), steps);

        steps.clear();
        PlanWorkbookContent withSchedule = WorkbookContentBuilder.build(plan, null,
                EnumSet.of(WorkbookSheet.SCHEDULE, WorkbookSheet.REGIONAL_STOCK), List::of, CancellationToken.never(),
                recording(steps));
        Schedule schedule = Schedule.of(plan);
        assertEquals(schedule.rows().size(), withSchedule.scheduleRows());
        assertEquals(schedule.rows(), withSchedule.schedule().get().toList());
        assertEquals(schedule.regionStock(), withSchedule.regionStock());
        assertEquals(List.of("scheduling", "cancelled?", "cancelled?"), steps);
        assertTrue(withSchedule.simulation().isEmpty());
    }

    @Test
    void aToldPlanBringsTheSecondDoseMovesEvenWithoutTheirSheet() throws Exception {
        Plan told = PlanFiles.read(SAMPLES.resolve("korea-2021-initial.json"));
        Plan now = PlanFiles.read(SAMPLES.resolve("korea-2021-as-run.json"));
        PlanWorkbookContent content = WorkbookContentBuilder.build(now, told, EnumSet.of(WorkbookSheet.COHORTS),
                List::of, CancellationToken.never(), WorkbookContentBuilder.Steps.NONE);
        List<?> expected = SlipSuggestions.secondDoseMoves(Schedule.of(told), Schedule.of(now));
        assertFalse(expected.isEmpty());
        assertEquals(expected, content.dose2Changes());
    }

    @Test
    void aCancelBetweenStepsStopsTheBuild() {
        assertThrows(WorkbookExportCancelledException.class, () -> WorkbookContentBuilder.build(
                ExportFixtures.plan(), null, EnumSet.of(WorkbookSheet.SCHEDULE), List::of, CancellationToken.never(),
                new WorkbookContentBuilder.Steps() {
                    @Override
                    public void checkCancelled() throws WorkbookExportCancelledException {
                        throw new WorkbookExportCancelledException("cancelled");
                    }
                }));
    }

    private static WorkbookContentBuilder.Steps recording(List<String> steps) {
        return new WorkbookContentBuilder.Steps() {
            @Override
            public void scheduling() {
                steps.add("scheduling");
            }

            @Override
            public void simulating() {
                steps.add("simulating");
            }

            @Override
            public void checkCancelled() {
                steps.add("cancelled?");
            }
        };
    }
}
