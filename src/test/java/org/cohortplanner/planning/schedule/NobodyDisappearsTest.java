package org.cohortplanner.planning.schedule;

import static org.cohortplanner.planning.schedule.SmallPlans.MONDAY;
import static org.cohortplanner.planning.schedule.SmallPlans.cohort;
import static org.cohortplanner.planning.schedule.SmallPlans.delivery;
import static org.cohortplanner.planning.schedule.SmallPlans.oneRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.junit.jupiter.api.Test;

class NobodyDisappearsTest {
    private static long doses(Schedule schedule, String cohortId, int dose) {
        return schedule.rows().stream().filter(r -> r.cohortId().equals(cohortId) && r.dose() == dose)
                .mapToLong(ScheduleRow::appointments).sum();
    }

    @Test
    void aCohortWhosePeriodHasNoDayIsReportedAsUnscheduled() {
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 100_000, MONDAY)));
        Cohort reversed = cohort("c2", 1950, 1951, 1_155_200, MONDAY.plusDays(5), MONDAY, Map.of("Pfizer", 1.0));
        plan = plan.withCohorts(List.of(plan.cohorts().get(0), reversed));

        Schedule schedule = Schedule.of(plan);

        assertEquals(0, doses(schedule, "c2", 1));
        assertEquals(List.of(new Unscheduled("c2", "c2", null, 1, 1_155_200)), schedule.unscheduled());
    }

    @Test
    void firstDosesAddUpToThePeopleAndSecondDosesToTheFirstDespiteRounding() {
        // 1,001 people over six days and three brands: every cell has a fraction.
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 100_000, MONDAY),
                delivery("M1", "Moderna", 100_000, MONDAY)));
        Cohort odd = cohort("c1", 1962, 1966, 301, MONDAY, MONDAY.plusDays(5), Map.of("Pfizer", 0.37,
                "Moderna", 0.63));
        plan = plan.withCohorts(List.of(odd));

        Schedule schedule = Schedule.of(plan);

        assertEquals(301, doses(schedule, "c1", 1));
        assertEquals(301, doses(schedule, "c1", 2));
        assertEquals(List.of(), schedule.unscheduled());
    }
}
