package org.cohortplanner.planning.schedule;

import static org.cohortplanner.planning.schedule.SmallPlans.MONDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Region;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.PlanValidator;
import org.cohortplanner.planning.SplitPreview;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.planning.slip.SlipSuggestions;
import org.junit.jupiter.api.Test;

/**
 * Second doses under interval policies: the 6-week rule of August 2021 with exam students kept at 4 weeks and school
 * teachers at 5, on a plan small enough to check each row.
 */
class IntervalPolicyScheduleTest {
    private static final String EXAM = "exam students 2022";
    private static final String TEACHERS = "school teachers";

    /** Two regions, sites open every day with room to spare, Moderna for 1,000 people over ten days, ample stock. */
    private static Plan plan() {
        Cohort cohort = SmallPlans.cohort("c1", 1962, 1966, 1000, MONDAY, MONDAY.plusDays(9), Map.of("Moderna", 1.0))
                .withGroups(List.of(CohortGroup.ofPeople(EXAM, 130, false, "public figure"),
                        CohortGroup.ofShare(TEACHERS, 0.2, true, "estimate")));
        return new Plan("intervals", "", ZoneId.of("Asia/Seoul"), List.of(cohort),
                List.of(SmallPlans.pfizer(), SmallPlans.moderna()),
                List.of(SmallPlans.delivery("m1", "Moderna", 10_000, MONDAY.minusDays(1))),
                List.of(SmallPlans.site("north centre", "North", 500, Set.of("Moderna")),
                        SmallPlans.site("south centre", "South", 500, Set.of("Moderna"))),
                SmallPlans.bookingSystem(), List.of(), List.of(new Region("North", 600), new Region("South", 400)),
                SmallPlans.population(), new PlanSettings(false, 0.0), 0);
    }

    private static IntervalPolicy sixWeeks(IntervalBasis basis, LocalDate from) {
        return new IntervalPolicy("six-weeks", Set.of("Moderna"), from, basis, 42,
                List.of(GroupInterval.exempt(EXAM), new GroupInterval(TEACHERS, 35)), "");
    }

    private static int expectedDays(String group) {
        if (EXAM.equals(group)) {
            return 28;
        }
        return TEACHERS.equals(group) ? 35 : 42;
    }

    @Test
    void secondDosesFallAtThePolicysIntervalAndAtEachExceptionsOwn() {
        Plan plan = plan().withIntervalPolicies(List.of(sixWeeks(IntervalBasis.SECOND_DOSE_DUE, MONDAY.plusDays(20))));
        Schedule schedule = Schedule.of(plan);

        assertFalse(schedule.secondDoses().isEmpty());
        Map<String, Long> byGroup = new HashMap<>();
        for (SecondDoseGroup row : schedule.secondDoses()) {
            assertEquals(expectedDays(row.group()), ChronoUnit.DAYS.between(row.firstDoseDay(), row.secondDoseDay()),
                    row.toString());
            byGroup.merge(String.valueOf(row.group()), row.people(), Long::sum);
        }
        assertEquals(130, byGroup.get(EXAM));
        assertEquals(200, byGroup.get(TEACHERS));
        assertEquals(670, byGroup.get("null"));
    }

    @Test
    void withoutAPolicyEveryoneKeepsTheLabelInterval() {
        for (SecondDoseGroup row : Schedule.of(plan()).secondDoses()) {
            assertEquals(28, ChronoUnit.DAYS.between(row.firstDoseDay(), row.secondDoseDay()), row.toString());
        }
    }

    @Test
    void aPolicyForFirstDosesGivenFromADateLeavesEarlierFirstDosesAtTheLabelInterval() {
        LocalDate from = MONDAY.plusDays(5);
        Plan plan = plan().withIntervalPolicies(List.of(sixWeeks(IntervalBasis.FIRST_DOSE_GIVEN, from)));
        boolean sawBoth = false;
        for (SecondDoseGroup row : Schedule.of(plan).secondDoses()) {
            long days = ChronoUnit.DAYS.between(row.firstDoseDay(), row.secondDoseDay());
            assertEquals(row.firstDoseDay().isBefore(from) ? 28 : expectedDays(row.group()), days, row.toString());
            sawBoth |= row.firstDoseDay().isBefore(from) && row.group() == null;
        }
        assertTrue(sawBoth);
    }

    @Test
    void policiesInSequenceApplyInTheOrderOfTheirDates() {
        IntervalPolicy back = new IntervalPolicy("back-to-label", Set.of("Moderna"), MONDAY.plusDays(5),
                IntervalBasis.FIRST_DOSE_GIVEN, 28, List.of(), "");
        Plan plan = plan().withIntervalPolicies(List.of(back,
                sixWeeks(IntervalBasis.FIRST_DOSE_GIVEN, MONDAY)));
        for (SecondDoseGroup row : Schedule.of(plan).secondDoses()) {
            long days = ChronoUnit.DAYS.between(row.firstDoseDay(), row.secondDoseDay());
            assertEquals(row.firstDoseDay().isBefore(MONDAY.plusDays(5)) ? expectedDays(row.group()) : 28, days,
                    row.toString());
        }
    }

    @Test
    void aPolicyNeitherCreatesNorLosesPeople() {
        Schedule before = Schedule.of(plan());
        Schedule after = Schedule.of(plan().withIntervalPolicies(
                List.of(sixWeeks(IntervalBasis.SECOND_DOSE_DUE, MONDAY.plusDays(20)))));

        assertEquals(people(before.secondDoses()), people(after.secondDoses()));
        assertEquals(dose(before, 1), dose(after, 1));
        assertEquals(dose(before, 2), dose(after, 2));
        assertEquals(dose(after, 1), dose(after, 2));
        assertEquals(1000, dose(after, 2));
        assertTrue(after.unscheduled().isEmpty(), after.unscheduled().toString());
    }

    @Test
    void theChangeListIsExactlyTheRowsWhoseSecondDoseDayChanged() {
        Schedule before = Schedule.of(plan());
        Schedule after = Schedule.of(plan().withIntervalPolicies(
                List.of(sixWeeks(IntervalBasis.SECOND_DOSE_DUE, MONDAY.plusDays(20)))));
        Map<Key, LocalDate> told = new HashMap<>();
        before.secondDoses().forEach(g -> told.put(Key.of(g), g.secondDoseDay()));
        Map<Key, Long> changed = new HashMap<>();
        for (SecondDoseGroup now : after.secondDoses()) {
            if (!Objects.equals(told.get(Key.of(now)), now.secondDoseDay())) {
                changed.merge(Key.of(now), now.people(), Long::sum);
            }
        }

        List<SecondDoseMove> moves = SlipSuggestions.secondDoseMoves(before, after);

        Map<Key, Long> listed = new HashMap<>();
        for (SecondDoseMove move : moves) {
            listed.merge(new Key(move.cohortId(), move.group(), move.region(), move.brandBefore(),
                    move.firstDoseBefore()), move.people(), Long::sum);
            assertEquals(expectedDays(move.group()) - 28, move.daysMoved(), move.toString());
        }
        assertFalse(changed.isEmpty());
        assertEquals(changed, listed);
        assertTrue(moves.stream().noneMatch(m -> EXAM.equals(m.group())));
        assertEquals(870, moves.stream().mapToLong(SecondDoseMove::people).sum());
    }

    @Test
    void aPolicyBeyondTheBrandsAllowedIntervalIsRefusedWithTheRange() {
        IntervalPolicy tooLong = new IntervalPolicy("too-long", Set.of("Moderna"), MONDAY,
                IntervalBasis.SECOND_DOSE_DUE, 56, List.of(), "");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> plan().withIntervalPolicies(List.of(tooLong)));
        assertTrue(error.getMessage().contains("56 days for Moderna, outside its allowed 28–42 days"),
                error.getMessage());
        IntervalPolicy shortException = sixWeeks(IntervalBasis.SECOND_DOSE_DUE, MONDAY)
                .withExceptions(List.of(new GroupInterval(TEACHERS, 21)));
        assertThrows(IllegalArgumentException.class, () -> plan().withIntervalPolicies(List.of(shortException)));
    }

    @Test
    void aSplitKeepsTheGroupsWithItsParts() {
        Plan plan = plan();
        SplitPreview preview = new CohortSplitter().atBirthYear(plan, "c1", 1964);
        Plan split = new CohortSplitter().apply(plan, preview);
        List<Cohort> parts = split.cohorts().stream().filter(c -> "c1".equals(c.parentId())).toList();
        assertEquals(2, parts.size());
        long exam = 0;
        for (Cohort part : parts) {
            exam += part.group(EXAM).orElseThrow().people();
            assertEquals(0.2, part.group(TEACHERS).orElseThrow().share());
        }
        assertEquals(130, exam);
        Plan withPolicy = split.withIntervalPolicies(List.of(sixWeeks(IntervalBasis.SECOND_DOSE_DUE, MONDAY)));
        long examPeople = 0;
        for (SecondDoseGroup row : Schedule.of(withPolicy).secondDoses()) {
            assertEquals(expectedDays(row.group()), ChronoUnit.DAYS.between(row.firstDoseDay(), row.secondDoseDay()));
            examPeople += EXAM.equals(row.group()) ? row.people() : 0;
        }
        assertEquals(130, examPeople);
    }

    @Test
    void validateReportsGroupsBeyondTheCohortAndExceptionsForGroupsNoCohortNames() {
        Plan plan = plan();
        Cohort cohort = plan.cohorts().get(0);
        Plan tooMany = plan.withCohort(cohort.withGroups(List.of(CohortGroup.ofPeople(EXAM, 900, false, ""),
                CohortGroup.ofShare(TEACHERS, 0.2, false, "")))).withIntervalPolicies(List.of(
                new IntervalPolicy("p", Set.of("Moderna"), MONDAY, IntervalBasis.SECOND_DOSE_DUE, 42,
                        List.of(GroupInterval.exempt("exam studnets")), "")));
        List<String> problems = new PlanValidator().validate(tooMany).stream().map(p -> p.severity() + " "
                + p.message()).toList();
        assertTrue(problems.contains("ERROR cohort c1 (groups): names groups of 1,100 people in all, more than its "
                + "1,000 eligible"), problems.toString());
        assertTrue(problems.contains("WARNING interval policy p (intervalPolicies): makes an exception for group "
                + "exam studnets, which no cohort names"), problems.toString());
        assertTrue(new PlanValidator().validate(plan).stream().noneMatch(p -> p.field().equals("groups")));
    }

    private static long people(List<SecondDoseGroup> groups) {
        return groups.stream().mapToLong(SecondDoseGroup::people).sum();
    }

    private static long dose(Schedule schedule, int dose) {
        return schedule.rows().stream().filter(r -> r.dose() == dose).mapToLong(ScheduleRow::appointments).sum();
    }

    private record Key(String cohortId, String group, String region, String brand, LocalDate firstDoseDay) {
        static Key of(SecondDoseGroup group) {
            return new Key(group.cohortId(), group.group(), group.region(), group.brand(), group.firstDoseDay());
        }
    }
}
