package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.VaccinationPeriod;
import org.junit.jupiter.api.Test;

class CohortSplitterTest {
    private final CohortSplitter splitter = new CohortSplitter();
    private final CohortMerger merger = new CohortMerger();

    private static double tableSum(int first, int last) {
        PopulationTable table = Plans2021.population();
        return table.peopleBornIn(BirthCohortRange.of(first, last));
    }

    @Test
    void splittingFiftyToFiftyFourAt1969GivesFiftyThreeToFiftyFourThenFiftyToFiftyTwoOnConsecutiveNights() {
        SplitPreview preview = splitter.atBirthYear(Plans2021.campaign(), "c50-54", 1969);

        assertEquals(SplitKind.AT_BIRTH_YEAR, preview.kind());
        assertEquals(2, preview.parts().size());
        SplitPart older = preview.part(0);
        SplitPart younger = preview.part(1);
        assertEquals("53–54", older.name());
        assertEquals(BirthCohortRange.of(1967, 1968), older.birthYears());
        assertEquals("50–52", younger.name());
        assertEquals(BirthCohortRange.of(1969, 1971), younger.birthYears());
        assertEquals(Set.of(), older.birthDayDigits());
        assertEquals(new BookingWindow(LocalDateTime.of(2021, 7, 19, 20, 0), LocalDateTime.of(2021, 7, 20, 18, 0)),
                older.window());
        assertEquals(new BookingWindow(LocalDateTime.of(2021, 7, 20, 20, 0), LocalDateTime.of(2021, 7, 21, 18, 0)),
                younger.window());
        assertEquals(Plans2021.MID_AUGUST, older.vaccinationPeriod());
        assertEquals(Plans2021.MID_AUGUST, younger.vaccinationPeriod());
    }

    @Test
    void birthYearPartsAreSizedByThePopulationTableAndAddUpToTheParent() {
        SplitPreview preview = splitter.atBirthYear(Plans2021.campaign(), "c50-54", 1969);
        double quota = 3_807_034 * tableSum(1967, 1968) / tableSum(1967, 1971);
        assertTrue(Math.abs(preview.part(0).people() - quota) < 1, preview.part(0).people() + " vs " + quota);
        assertEquals(3_807_034, preview.part(0).people() + preview.part(1).people());
        assertEquals(List.of(), preview.coverageProblems());
    }

    @Test
    void refusesABoundaryThatLeavesAPartEmpty() {
        Plan plan = Plans2021.campaign();
        for (int boundary : new int[] {1966, 1967, 1972, 2000}) {
            SplitNotPossibleException error = assertThrows(SplitNotPossibleException.class,
                    () -> splitter.atBirthYear(plan, "c50-54", boundary));
            assertTrue(error.getMessage().contains("1968–1971"), error.getMessage());
        }
        assertEquals(BirthCohortRange.of(1971, 1971), splitter.atBirthYear(plan, "c50-54", 1971).part(1).birthYears());
    }

    @Test
    void refusesACohortThatIsNotInThePlan() {
        SplitNotPossibleException error = assertThrows(SplitNotPossibleException.class,
                () -> splitter.atBirthYear(Plans2021.campaign(), "c60-64", 1960));
        assertTrue(error.getMessage().contains("c60-64"), error.getMessage());
    }

    @Test
    void tenDigitGroupsGiveTheDailyRotationSizedByTheRealCalendar() {
        Plan plan = Plans2021.campaign();
        SplitPreview preview = splitter.byBirthDayDigit(plan, "c18-49", 10);

        assertEquals(10, preview.parts().size());
        double tableTotal = tableSum(1972, 2003);
        for (int digit = 0; digit <= 9; digit++) {
            SplitPart part = preview.part(digit);
            assertEquals(Set.of(digit), part.birthDayDigits());
            assertEquals("18–49 digit " + digit, part.name());
            assertEquals(BirthCohortRange.of(1972, 2003), part.birthYears());
            double quota = 0;
            for (int year = 1972; year <= 2003; year++) {
                long born = plan.population().peopleBornIn(year).getAsLong();
                quota += 16_210_000.0 * born / tableTotal * BirthDayCalendar.daysEndingIn(year, digit)
                        / LocalDate.of(year, 1, 1).lengthOfYear();
            }
            assertTrue(Math.abs(part.people() - quota) < 1, "digit " + digit + ": " + part.people() + " vs " + quota);
        }
        assertTrue(preview.part(1).people() > preview.part(2).people(), "digit 1 has the 31st days");
        assertTrue(preview.part(2).people() > preview.part(0).people(), "digit 0 has no 30 February");
        assertNotEquals(1_621_000, preview.part(1).people());
        assertEquals(16_210_000, preview.people());
    }

    @Test
    void digitPartsBookOnConsecutiveNightsPassingOverHolidays() {
        SplitPreview preview = splitter.byBirthDayDigit(Plans2021.campaign(), "c18-49", 10);
        List<LocalDate> nights = preview.parts().stream().map(p -> p.window().opens().toLocalDate()).toList();
        assertEquals(List.of(LocalDate.of(2021, 8, 9), LocalDate.of(2021, 8, 10), LocalDate.of(2021, 8, 11),
                LocalDate.of(2021, 8, 12), LocalDate.of(2021, 8, 13), LocalDate.of(2021, 8, 14),
                LocalDate.of(2021, 8, 17), LocalDate.of(2021, 8, 18), LocalDate.of(2021, 8, 19),
                LocalDate.of(2021, 8, 20)), nights);
        preview.parts().forEach(part -> assertEquals(LocalDateTime.of(2021, 8, 26, 0, 0).toLocalDate(),
                part.vaccinationPeriod().firstDay()));
    }

    @Test
    void fewerDigitGroupsTakeContiguousRunsOfDigits() {
        SplitPreview preview = splitter.byBirthDayDigit(Plans2021.campaign(), "c18-49", 5);
        assertEquals(List.of(Set.of(0, 1), Set.of(2, 3), Set.of(4, 5), Set.of(6, 7), Set.of(8, 9)),
                preview.parts().stream().map(SplitPart::birthDayDigits).toList());
        assertEquals("18–49 digits 0–1", preview.part(0).name());
        SplitPreview three = splitter.byBirthDayDigit(Plans2021.campaign(), "c18-49", 3);
        assertEquals(3, three.parts().size());
        assertEquals(List.of(), three.coverageProblems());
    }

    @Test
    void refusesMoreDigitGroupsThanDigitsAndFewerThanTwo() {
        Plan plan = Plans2021.campaign();
        SplitNotPossibleException tooMany = assertThrows(SplitNotPossibleException.class,
                () -> splitter.byBirthDayDigit(plan, "c18-49", 11));
        assertTrue(tooMany.getMessage().contains("10 birth-day digits"), tooMany.getMessage());
        assertThrows(SplitNotPossibleException.class, () -> splitter.byBirthDayDigit(plan, "c18-49", 1));
        assertThrows(SplitNotPossibleException.class, () -> splitter.byBirthDayDigit(plan, "c18-49", 0));
    }

    @Test
    void splitsAPartOfTheRotationFurtherAmongItsOwnDigits() {
        Plan plan = splitter.apply(Plans2021.campaign(),
                splitter.byBirthDayDigit(Plans2021.campaign(), "c18-49", 2));
        Cohort zeroToFour = CohortFamilies.partsOf(plan, "c18-49").get(0);
        assertEquals(Set.of(0, 1, 2, 3, 4), zeroToFour.birthDayDigits());
        SplitPreview again = splitter.byBirthDayDigit(plan, zeroToFour.id(), 5);
        assertEquals("18–49 digit 3", again.part(3).name());
        assertEquals(zeroToFour.eligible(), again.people());
        assertThrows(SplitNotPossibleException.class, () -> splitter.byBirthDayDigit(plan, zeroToFour.id(), 6));
        SplitPreview byYear = splitter.atBirthYear(plan, zeroToFour.id(), 1990);
        assertEquals("32–49 digits 0–4", byYear.part(0).name());
        assertEquals(Set.of(0, 1, 2, 3, 4), byYear.part(1).birthDayDigits());
    }

    @Test
    void equalPartsMakeTheLargestPartAsSmallAsPossible() {
        Plan plan = Plans2021.campaign();
        SplitPreview preview = splitter.intoEqualParts(plan, "c18-49", 4);
        long largest = preview.parts().stream().mapToLong(SplitPart::people).max().orElseThrow();
        long bestPossible = Long.MAX_VALUE;
        for (int a = 1973; a <= 2003; a++) {
            for (int b = a + 1; b <= 2003; b++) {
                for (int c = b + 1; c <= 2003; c++) {
                    double max = Math.max(Math.max(tableSum(1972, a - 1), tableSum(a, b - 1)),
                            Math.max(tableSum(b, c - 1), tableSum(c, 2003)));
                    bestPossible = Math.min(bestPossible, (long) Math.floor(16_210_000 * max / tableSum(1972, 2003)));
                }
            }
        }
        assertTrue(largest <= bestPossible + 1, largest + " vs " + bestPossible);
        assertEquals(16_210_000, preview.people());
        assertEquals(1972, preview.part(0).birthYears().firstYear());
        assertEquals(2003, preview.part(3).birthYears().lastYear());
    }

    @Test
    void equalPartsOfEvenYearsPutTheSmallerPartFirst() {
        Plan plan = Plans2021.plan(Plans2021.fiftyToFiftyFour()).withCohorts(List.of(
                Plans2021.fiftyToFiftyFour()));
        Plan flat = new Plan(plan.name(), plan.description(), plan.zone(), plan.cohorts(), plan.brands(),
                plan.deliveries(), plan.sites(), plan.bookingSystem(), plan.holidays(), plan.regions(),
                PopulationTable.empty(), plan.settings(), plan.version());
        SplitPreview preview = splitter.intoEqualParts(flat, "c50-54", 2);
        assertEquals(BirthCohortRange.of(1967, 1968), preview.part(0).birthYears());
        assertEquals("53–54", preview.part(0).name());
        assertEquals(List.of("the population table has no people born in 1967–1971: people are spread evenly over "
                + "the birth years"), preview.notes());
    }

    @Test
    void refusesMoreEqualPartsThanBirthYears() {
        SplitNotPossibleException error = assertThrows(SplitNotPossibleException.class,
                () -> splitter.intoEqualParts(Plans2021.campaign(), "c50-54", 6));
        assertTrue(error.getMessage().contains("5 birth years"), error.getMessage());
    }

    @Test
    void yearsMissingFromThePopulationTableWeighAsTheMeanOfTheOthers() {
        TreeMap<Integer, Long> people = new TreeMap<>(Plans2021.population().peoplePerBirthYear());
        people.remove(1971);
        people.remove(1970);
        Plan base = Plans2021.campaign();
        Plan plan = new Plan(base.name(), base.description(), base.zone(), base.cohorts(), base.brands(),
                base.deliveries(), base.sites(), base.bookingSystem(), base.holidays(), base.regions(),
                new PopulationTable(people), base.settings(), base.version());
        SplitPreview preview = splitter.atBirthYear(plan, "c50-54", 1970);
        assertEquals(List.of("the population table lacks birth years 1970, 1971: counted as the mean of the other "
                + "years"), preview.notes());
        double quota = 3_807_034 * 3.0 / 5;
        assertTrue(Math.abs(preview.part(0).people() - quota) < 1, preview.part(0).people() + " vs " + quota);
    }

    @Test
    void applyingKeepsTheParentClosedFollowedByItsParts() {
        Plan plan = Plans2021.campaign();
        Plan split = splitter.apply(plan, splitter.atBirthYear(plan, "c50-54", 1969));

        assertEquals(List.of("c55-59", "c50-54", "c50-54-1967-1968", "c50-54-1969-1971", "c18-49"),
                split.cohorts().stream().map(Cohort::id).toList());
        assertEquals(Plans2021.fiftyToFiftyFour().withStatus(CohortStatus.CLOSED), split.cohort("c50-54").get());
        Cohort older = split.cohortNamed("53–54").orElseThrow();
        assertEquals("c50-54", older.parentId());
        assertEquals(CohortStatus.PLANNED, older.status());
        assertEquals(0.82, older.uptake());
        assertEquals(Plans2021.fiftyToFiftyFour().brands(), older.brands());
        assertEquals(List.of("c55-59", "c50-54-1967-1968", "c50-54-1969-1971", "c18-49"),
                CohortFamilies.bookingCohorts(split).stream().map(Cohort::id).toList());
        assertEquals(plan.version(), split.version());
    }

    @Test
    void appliesTheWindowsAndNamesThePlannerEdited() {
        Plan plan = Plans2021.campaign();
        BookingWindow catchUp = new BookingWindow(LocalDateTime.of(2021, 7, 21, 20, 0),
                LocalDateTime.of(2021, 7, 24, 18, 0));
        VaccinationPeriod later = new VaccinationPeriod(LocalDate.of(2021, 8, 17), LocalDate.of(2021, 8, 28));
        SplitPreview edited = splitter.atBirthYear(plan, "c50-54", 1969).withWindow(1, catchUp)
                .withName(1, "50–52 late").withVaccinationPeriod(1, later);
        Cohort younger = splitter.apply(plan, edited).cohort("c50-54-1969-1971").orElseThrow();
        assertEquals(catchUp, younger.window());
        assertEquals("50–52 late", younger.name());
        assertEquals(later, younger.vaccinationPeriod());
    }

    @Test
    void refusesAPreviewThatNoLongerMatchesThePlan() {
        Plan plan = Plans2021.campaign();
        SplitPreview preview = splitter.atBirthYear(plan, "c50-54", 1969);
        Plan edited = plan.withCohort(Plans2021.fiftyToFiftyFour().withEligible(3_900_000));
        SplitNotPossibleException error = assertThrows(SplitNotPossibleException.class,
                () -> splitter.apply(edited, preview));
        assertTrue(error.getMessage().contains("changed"), error.getMessage());
    }

    @Test
    void refusesPartsThatLoseOrDoubleCountPeople() {
        Plan plan = Plans2021.campaign();
        SplitPreview preview = splitter.atBirthYear(plan, "c50-54", 1969);
        SplitPart overlapping = new SplitPart("x", "x", BirthCohortRange.of(1968, 1971), Set.of(),
                preview.part(1).people(), preview.part(1).window(), preview.part(1).vaccinationPeriod());
        SplitNotPossibleException error = assertThrows(SplitNotPossibleException.class,
                () -> splitter.apply(plan, preview.withPart(1, overlapping)));
        assertTrue(error.getMessage().contains("people born in 1968 on a day ending in 0 are in 53–54 and x"),
                error.getMessage());
        SplitPart short1 = new SplitPart("y", "y", BirthCohortRange.of(1969, 1971), Set.of(),
                preview.part(1).people() - 1, preview.part(1).window(), preview.part(1).vaccinationPeriod());
        assertThrows(SplitNotPossibleException.class, () -> splitter.apply(plan, preview.withPart(1, short1)));
    }

    @Test
    void refusesToSplitACohortAgainOrAClosedOne() {
        Plan plan = Plans2021.campaign();
        Plan split = splitter.apply(plan, splitter.atBirthYear(plan, "c50-54", 1969));
        SplitNotPossibleException error = assertThrows(SplitNotPossibleException.class,
                () -> splitter.atBirthYear(split, "c50-54", 1970));
        assertTrue(error.getMessage().contains("already split"), error.getMessage());
        Plan closed = plan.withCohort(Plans2021.fiftyToFiftyFour().withStatus(CohortStatus.CLOSED));
        assertThrows(SplitNotPossibleException.class, () -> splitter.intoEqualParts(closed, "c50-54", 2));
    }

    @Test
    void namesPartsOfABirthYearNamedCohortByBirthYearsAndOthersByAppendingThem() {
        Plan plan = Plans2021.plan(Plans2021.fiftyToFiftyFour().withName("1967-1971"),
                Plans2021.fiftyFiveToFiftyNine().withName("Fifties, first wave"));
        assertEquals("1969-1971", splitter.atBirthYear(plan, "c50-54", 1969).part(1).name());
        assertEquals("Fifties, first wave 1962–1963", splitter.atBirthYear(plan, "c55-59", 1964).part(0).name());
    }

    @Test
    void movesAPartsVaccinationPeriodOnlyWhenItsWindowWouldOpenAfterIt() {
        Cohort tight = Plans2021.fiftyToFiftyFour().withVaccinationPeriod(
                new VaccinationPeriod(LocalDate.of(2021, 7, 20), LocalDate.of(2021, 7, 30)));
        SplitPreview preview = splitter.intoEqualParts(Plans2021.plan(tight), "c50-54", 3);
        assertEquals(LocalDate.of(2021, 7, 20), preview.part(0).vaccinationPeriod().firstDay());
        assertEquals(LocalDate.of(2021, 7, 20), preview.part(1).vaccinationPeriod().firstDay());
        assertEquals(LocalDate.of(2021, 7, 21), preview.part(2).vaccinationPeriod().firstDay());
        assertEquals(LocalDate.of(2021, 7, 31), preview.part(2).vaccinationPeriod().lastDay());
    }

    @Test
    void givesPartsIdsThatAreFreeInThePlan() {
        Cohort squatter = Plans2021.fiftyFiveToFiftyNine().withId("c50-54-1967-1968").withName("squatter");
        Plan plan = Plans2021.plan(Plans2021.fiftyToFiftyFour(), squatter);
        SplitPreview preview = splitter.atBirthYear(plan, "c50-54", 1969);
        assertEquals("c50-54-1967-1968-2", preview.part(0).id());
        assertEquals(4, splitter.apply(plan, preview).cohorts().size());
    }

    @Test
    void mergingGivesBackThePlanAsItWasBeforeEachKindOfSplit() {
        Plan plan = Plans2021.campaign();
        List<SplitPreview> previews = List.of(splitter.atBirthYear(plan, "c50-54", 1969),
                splitter.byBirthDayDigit(plan, "c18-49", 10), splitter.intoEqualParts(plan, "c18-49", 3),
                splitter.atBirthYear(plan, "c55-59", 1965));
        for (SplitPreview preview : previews) {
            Plan split = splitter.apply(plan, preview);
            assertNotEquals(plan, split);
            assertEquals(plan, merger.merge(split, preview.parent().id()), preview.parent().name());
        }
    }

    @Test
    void mergingAlsoRemovesPartsThatWereSplitAgain() {
        Plan plan = Plans2021.campaign();
        Plan once = splitter.apply(plan, splitter.atBirthYear(plan, "c50-54", 1969));
        Plan twice = splitter.apply(once, splitter.byBirthDayDigit(once, "c50-54-1969-1971", 10));
        assertEquals(15, twice.cohorts().size());
        MergePreview preview = merger.preview(twice, "c50-54");
        assertEquals(12, preview.partsRemoved().size());
        assertEquals(Plans2021.fiftyToFiftyFour(), preview.merged());
        assertEquals(plan, merger.merge(twice, "c50-54"));
        assertEquals(once, merger.merge(twice, "c50-54-1969-1971"));
    }

    @Test
    void mergedCohortIsAsActiveAsItsMostActivePart() {
        Plan plan = Plans2021.campaign();
        Plan split = splitter.apply(plan, splitter.atBirthYear(plan, "c50-54", 1969));
        Cohort older = split.cohort("c50-54-1967-1968").orElseThrow();
        Plan opened = split.withCohort(older.withStatus(CohortStatus.OPEN));
        assertEquals(CohortStatus.OPEN, merger.merge(opened, "c50-54").cohort("c50-54").orElseThrow().status());
    }

    @Test
    void refusesToMergeACohortWithoutParts() {
        SplitNotPossibleException error = assertThrows(SplitNotPossibleException.class,
                () -> merger.merge(Plans2021.campaign(), "c50-54"));
        assertTrue(error.getMessage().contains("has no parts"), error.getMessage());
        assertThrows(SplitNotPossibleException.class, () -> merger.merge(Plans2021.campaign(), "nobody"));
    }
}
