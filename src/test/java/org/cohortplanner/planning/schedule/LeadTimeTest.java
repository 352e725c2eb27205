package org.cohortplanner.planning.schedule;

import static org.cohortplanner.planning.schedule.SmallPlans.MONDAY;
import static org.cohortplanner.planning.schedule.SmallPlans.delivery;
import static org.cohortplanner.planning.schedule.SmallPlans.oneRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.cohortplanner.domain.Plan;
import org.junit.jupiter.api.Test;

class LeadTimeTest {

    private static long givenOn(Schedule schedule, LocalDate day) {
        return schedule.brandDays("Pfizer").stream().filter(b -> b.day().equals(day)).mapToLong(BrandDay::given)
                .sum();
    }

    @Test
    void aLotArrivingOnTheFirstDayIsGivenOnlyAfterTheBrandsLeadTime() {
        Plan plan = oneRegion(false, List.of(delivery("P1", "Pfizer", 10_000, MONDAY)));
        Plan withLeadTime = plan.withBrands(plan.brands().stream()
                .map(b -> b.name().equals("Pfizer") ? b.withLeadTimeDays(2) : b).toList());

        Schedule schedule = Schedule.of(withLeadTime);

        assertEquals(0, givenOn(schedule, MONDAY));
        assertEquals(0, givenOn(schedule, MONDAY.plusDays(1)));
        assertEquals(100, givenOn(schedule, MONDAY.plusDays(2)));
        assertEquals(200, schedule.peopleShort());
    }

    @Test
    void aDeliverysOwnLeadTimeOverridesTheBrands() {
        Plan plan = oneRegion(false, List.of(delivery("P1", "Pfizer", 10_000, MONDAY).withLeadTimeDays(1)));
        Plan withLeadTime = plan.withBrands(plan.brands().stream()
                .map(b -> b.name().equals("Pfizer") ? b.withLeadTimeDays(4) : b).toList());

        Schedule schedule = Schedule.of(withLeadTime);

        assertEquals(0, givenOn(schedule, MONDAY));
        assertEquals(100, givenOn(schedule, MONDAY.plusDays(1)));
        assertEquals(100, schedule.peopleShort());
    }
}
