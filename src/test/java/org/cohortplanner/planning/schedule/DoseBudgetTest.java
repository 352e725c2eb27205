package org.cohortplanner.planning.schedule;

import static org.cohortplanner.planning.schedule.SmallPlans.MONDAY;
import static org.cohortplanner.planning.schedule.SmallPlans.delivery;
import static org.cohortplanner.planning.schedule.SmallPlans.oneRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.junit.jupiter.api.Test;

class DoseBudgetTest {

    @Test
    void windowBooksTheFirstDosesTheScheduleCanGiveOnTheirDaysInItsPeriod() {
        // 400 doses by Monday, each booking taking two (the second is held), Thursday's lot too late for Monday to
        // Wednesday: bookers spread evenly over the six days take 2 × 3/6 of their number by Wednesday, so 400.
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 400, MONDAY),
                delivery("P2", "Pfizer", 10_000, MONDAY.plusDays(3))));

        assertEquals(400, DoseBudget.of(plan).bookableFirstDoses("c1"), 1);
    }

    @Test
    void aNightThatStopsAtTheBudgetLeavesNobodyShortAndOneThatBooksMoreDoes() {
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 400, MONDAY),
                delivery("P2", "Pfizer", 10_000, MONDAY.plusDays(3))));
        long budget = DoseBudget.of(plan).bookableFirstDoses("c1");
        Cohort cohort = plan.cohorts().get(0);

        assertEquals(0, Schedule.of(plan.withCohort(cohort.withEligible(budget))).peopleShort());
        Schedule more = Schedule.of(plan.withCohort(cohort.withEligible(budget + 30)));
        assertTrue(more.peopleShort() > 0);
        // The schedule says which day ran out: Wednesday, before Thursday's lot is usable.
        assertEquals(MONDAY.plusDays(2), more.shortages().get(0).day());
    }

    @Test
    void eachBookingTakesOneDoseWhenSecondDosesAreNotHeld() {
        Plan plan = oneRegion(false, List.of(delivery("P1", "Pfizer", 150, MONDAY),
                delivery("P2", "Pfizer", 10_000, MONDAY.plusDays(3))));

        assertEquals(300, DoseBudget.of(plan).bookableFirstDoses("c1"), 1);
    }

    @Test
    void aReservationCapOfThePlannersLimitsTheWindowBelowTheSupply() {
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 400, MONDAY),
                delivery("P2", "Pfizer", 10_000, MONDAY.plusDays(3))));
        Cohort cohort = plan.cohorts().get(0);
        plan = plan.withCohort(cohort.withWindow(cohort.window().withReservationCap(250L)));

        DoseBudget budget = DoseBudget.of(plan);

        assertEquals(250, budget.bookableFirstDoses("c1"));
        assertEquals(400, budget.fromSupply("c1"), 1);
        assertTrue(budget.isCapped("c1"));
        assertEquals(budget.fromSupply("c1"), budget.byRegion("c1").get("North"));
    }

    @Test
    void aCohortThatBooksLaterGetsWhatTheEarlierOneLeaves() {
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 2000, MONDAY)));
        Cohort first = plan.cohorts().get(0);
        Cohort later = SmallPlans.cohort("c2", 1957, 1961, 600, MONDAY.plusDays(7), MONDAY.plusDays(12),
                Map.of("Pfizer", 1.0));
        plan = plan.withCohorts(List.of(later, first));

        DoseBudget budget = DoseBudget.of(plan);

        assertEquals(600, budget.bookableFirstDoses("c1"));
        // 2000 doses less c1's 1200 with held second doses leave 800: 400 people with both doses.
        assertEquals(400, budget.bookableFirstDoses("c2"), 1);
        assertEquals(List.of("c1", "c2"), List.copyOf(budget.byCohort().keySet()));
    }

    @Test
    void capacityOfThePeriodLimitsTheBudget() {
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 100_000, MONDAY)));
        plan = plan.withCohort(plan.cohorts().get(0).withEligible(5000));

        assertEquals(600, DoseBudget.of(plan).bookableFirstDoses("c1"));
    }

    @Test
    void aCohortSplitIntoPartsBooksNobody() {
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 100_000, MONDAY)));
        Cohort parent = plan.cohorts().get(0);
        plan = plan.withCohorts(List.of(parent, parent.withId("c1a").withParentId("c1")));

        assertEquals(0, DoseBudget.of(plan).bookableFirstDoses("c1"));
        assertEquals(600, DoseBudget.of(plan).bookableFirstDoses("c1a"));
    }
}
