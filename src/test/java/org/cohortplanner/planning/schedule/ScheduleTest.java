package org.cohortplanner.planning.schedule;

import static org.cohortplanner.planning.schedule.SmallPlans.MONDAY;
import static org.cohortplanner.planning.schedule.SmallPlans.delivery;
import static org.cohortplanner.planning.schedule.SmallPlans.oneRegion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    private static BrandDay pfizerOn(Schedule schedule, LocalDate day) {
        return schedule.brandDays("Pfizer").stream().filter(b -> b.day().equals(day)).findFirst().orElseThrow();
    }

    @Test
    void firstDosesTakeTwoDosesFromStockAndHoldOneWhenSecondDosesAreReserved() {
        Schedule schedule = Schedule.of(oneRegion(true, List.of(delivery("P1", "Pfizer", 10_000, MONDAY))));

        BrandDay monday = pfizerOn(schedule, MONDAY);
        assertEquals(100, monday.given());
        assertEquals(10_000 - 200, monday.stock());
        assertEquals(100, monday.reserved());
        BrandDay lastFirstDoseDay = pfizerOn(schedule, MONDAY.plusDays(5));
        assertEquals(10_000 - 1200, lastFirstDoseDay.stock());
        assertEquals(600, lastFirstDoseDay.reserved());
        BrandDay afterSecondDoses = pfizerOn(schedule, MONDAY.plusDays(26));
        assertEquals(10_000 - 1200, afterSecondDoses.stock());
        assertEquals(0, afterSecondDoses.reserved());
        assertFalse(schedule.hasShortage());
    }

    @Test
    void firstDosesTakeOneDoseWhenSecondDosesAreNotReserved() {
        Schedule schedule = Schedule.of(oneRegion(false, List.of(delivery("P1", "Pfizer", 10_000, MONDAY))));

        assertEquals(10_000 - 600, pfizerOn(schedule, MONDAY.plusDays(5)).stock());
        assertEquals(0, pfizerOn(schedule, MONDAY.plusDays(5)).reserved());
        assertEquals(10_000 - 1200, pfizerOn(schedule, MONDAY.plusDays(30)).stock());
    }

    @Test
    void secondDosesFallOneIntervalAfterTheFirst() {
        Schedule schedule = Schedule.of(oneRegion(true, List.of(delivery("P1", "Pfizer", 10_000, MONDAY))));

        List<ScheduleRow> secondDoses = schedule.rows().stream().filter(r -> r.dose() == 2).toList();
        assertEquals(6, secondDoses.size());
        assertEquals(MONDAY.plusDays(21), secondDoses.get(0).day());
        assertEquals(600, secondDoses.stream().mapToLong(ScheduleRow::appointments).sum());
    }

    @Test
    void aLateDeliveryLeavesTheFirstDaysShortInPeopleAndInDoses() {
        Schedule schedule = Schedule.of(oneRegion(true, List.of(
                delivery("P1", "Pfizer", 400, MONDAY),
                delivery("P2", "Pfizer", 10_000, MONDAY.plusDays(3)))));

        // 400 doses cover 200 people with their held second doses: Monday and Tuesday.
        assertEquals(0, pfizerOn(schedule, MONDAY.plusDays(1)).peopleShort());
        assertEquals(100, pfizerOn(schedule, MONDAY.plusDays(2)).peopleShort());
        assertEquals(200, pfizerOn(schedule, MONDAY.plusDays(2)).dosesShort());
        assertEquals(0, pfizerOn(schedule, MONDAY.plusDays(3)).peopleShort());
        assertEquals(100, schedule.peopleShort());
        Shortage shortage = schedule.shortages().get(0);
        assertEquals("c1", shortage.cohortId());
        assertEquals(1, shortage.dose());
        assertEquals(100, shortage.forWantOfDoses());
        assertEquals(0, shortage.forWantOfCapacity());
    }

    @Test
    void peopleLeftWithoutAFirstDoseAreOwedNoSecondDose() {
        Schedule schedule = Schedule.of(oneRegion(true, List.of(delivery("P1", "Pfizer", 400, MONDAY))));

        assertEquals(400, schedule.peopleShort());
        assertEquals(200, schedule.rows().stream().filter(r -> r.dose() == 2)
                .mapToLong(ScheduleRow::appointments).sum());
        assertTrue(schedule.secondDoseWarnings().isEmpty());
    }

    @Test
    void unreservedSecondDosesThatFindNoStockRaiseTheDoseTwoGuard() {
        Schedule schedule = Schedule.of(oneRegion(false, List.of(delivery("P1", "Pfizer", 900, MONDAY))));

        assertEquals(300, schedule.peopleShort());
        assertEquals(1, schedule.secondDoseWarnings().size());
        SecondDoseWarning warning = schedule.secondDoseWarnings().get(0);
        assertEquals("c1", warning.cohortId());
        assertEquals(300, warning.peopleUncovered());
        assertEquals(MONDAY.plusDays(24), warning.firstShortDay());
    }

    @Test
    void closedDaysAndHolidaysGetNoFirstDoses() {
        Plan plan = SmallPlans.withHolidays(oneRegion(true, List.of(delivery("P1", "Pfizer", 10_000, MONDAY))),
                MONDAY.plusDays(1));
        plan = plan.withSites(List.of(SmallPlans.site("centre", "North", 100, Set.of("Pfizer"), DayOfWeek.SATURDAY)));

        Schedule schedule = Schedule.of(plan);

        Set<LocalDate> firstDoseDays = schedule.rows().stream().filter(r -> r.dose() == 1).map(ScheduleRow::day)
                .collect(Collectors.toSet());
        assertEquals(Set.of(MONDAY, MONDAY.plusDays(2), MONDAY.plusDays(3), MONDAY.plusDays(4)), firstDoseDays);
        assertEquals(600, schedule.rows().stream().filter(r -> r.dose() == 1).mapToLong(ScheduleRow::appointments)
                .sum());
        // 150 a day on 100 doses of capacity: a third of each day's people find no room.
        assertEquals(200, schedule.peopleShort());
        assertTrue(schedule.shortages().stream().allMatch(s -> s.forWantOfCapacity() == s.people()));
    }

    @Test
    void aSecondDoseDueOnAHolidayMovesToTheNextOpenDay() {
        Plan plan = SmallPlans.withHolidays(oneRegion(true, List.of(delivery("P1", "Pfizer", 10_000, MONDAY))),
                MONDAY.plusDays(21));

        Schedule schedule = Schedule.of(plan);

        List<SecondDoseGroup> mondayGroup = schedule.secondDoses().stream()
                .filter(g -> g.firstDoseDay().equals(MONDAY)).toList();
        assertEquals(MONDAY.plusDays(22), mondayGroup.get(0).secondDoseDay());
        assertTrue(schedule.rows().stream().noneMatch(r -> r.day().equals(MONDAY.plusDays(21))));
    }

    @Test
    void cohortsSpreadOverRegionsByPopulation() {
        Plan small = oneRegion(true, List.of(delivery("P1", "Pfizer", 10_000, MONDAY)));
        Plan plan = new Plan(small.name(), "", small.zone(), small.cohorts(), small.brands(), small.deliveries(),
                List.of(SmallPlans.site("north", "North", 1000, Set.of("Pfizer")),
                        SmallPlans.site("south", "South", 1000, Set.of("Pfizer"))),
                small.bookingSystem(), small.holidays(), List.of(new Region("North", 3000), new Region("South", 1000)),
                small.population(), small.settings(), 0);

        Schedule schedule = Schedule.of(plan);

        Map<String, Long> byRegion = schedule.rows().stream().filter(r -> r.dose() == 1)
                .collect(Collectors.groupingBy(ScheduleRow::region,
                        Collectors.summingLong(ScheduleRow::appointments)));
        assertEquals(450, byRegion.get("North"));
        assertEquals(150, byRegion.get("South"));
    }

    @Test
    void aCohortWithTwoBrandsTakesTheOtherBrandWhereOneRunsShort() {
        Plan plan = oneRegion(true, List.of(delivery("P1", "Pfizer", 10_000, MONDAY),
                delivery("M1", "Moderna", 200, MONDAY), delivery("M2", "Moderna", 10_000, MONDAY.plusDays(3))));
        plan = plan.withCohort(plan.cohorts().get(0).withBrands(
                new BrandAllocation(Map.of("Moderna", 0.5, "Pfizer", 0.5))));

        Schedule schedule = Schedule.of(plan);

        assertFalse(schedule.hasShortage());
        long pfizer = schedule.rows().stream().filter(r -> r.dose() == 1 && r.brand().equals("Pfizer"))
                .mapToLong(ScheduleRow::appointments).sum();
        assertEquals(300, pfizer, 1, "rows are rounded one by one");
        long pfizerEarly = schedule.rows().stream().filter(r -> r.dose() == 1 && r.brand().equals("Pfizer"))
                .filter(r -> r.day().isBefore(MONDAY.plusDays(3))).mapToLong(ScheduleRow::appointments).sum();
        // Half of the first three days' 300 people by share, and Moderna's 50 short on Wednesday.
        assertEquals(200, pfizerEarly);
    }
}
