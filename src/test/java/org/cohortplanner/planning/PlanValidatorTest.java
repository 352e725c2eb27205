package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.Problem.Severity;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {
    private final PlanValidator validator = new PlanValidator();

    private static final BookingSystem SYSTEM = new BookingSystem(300_000, 25_000, 5, 6.7, List.of(),
            new WaitingRoom(true, 5000, QueueOrder.FIFO, 60, 0.7, 30));

    /** 55–59 and 50–54 as in July 2021 after the reopening: a plan with nothing wrong. */
    static Plan valid() {
        return plan(List.of(fiftyFiveToFiftyNine(), fiftyToFiftyFour()));
    }

    static Cohort fiftyFiveToFiftyNine() {
        return new Cohort("c55-59", "55–59", BirthCohortRange.of(1962, 1966), Set.of(), 3_524_000, 0.86,
                window(7, 14, 20, 7, 24, 18), period(7, 26, 8, 7), BrandAllocation.single("Moderna"), null,
                CohortStatus.OPEN);
    }

    static Cohort fiftyToFiftyFour() {
        return new Cohort("c50-54", "50–54", BirthCohortRange.of(1967, 1971), Set.of(), 3_807_034, 0.82,
                window(7, 19, 20, 7, 21, 18), period(8, 16, 8, 25), BrandAllocation.single("Pfizer"), null,
                CohortStatus.PLANNED);
    }

    static Plan plan(List<Cohort> cohorts) {
        TreeMap<Integer, Long> people = new TreeMap<>();
        for (int year = 1962; year <= 1971; year++) {
            people.put(year, year < 1967 ? 712_000L : 761_000L);
        }
        return plan(cohorts, new PopulationTable(people));
    }

    static Plan plan(List<Cohort> cohorts, PopulationTable population) {
        List<VaccineBrand> brands = List.of(
                new VaccineBrand("Pfizer", 2, new DoseInterval(21, 21, 42), 12, Platform.MRNA,
                        Set.of(SiteKind.VACCINATION_CENTRE, SiteKind.CLINIC)),
                new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                        Set.of(SiteKind.VACCINATION_CENTRE, SiteKind.CLINIC)),
                new VaccineBrand("AstraZeneca", 2, new DoseInterval(77, 56, 84), 50, Platform.VECTOR,
                        Set.of(SiteKind.CLINIC)));
        return new Plan("Test", "", ZoneId.of("Asia/Seoul"), cohorts, brands, List.of(), List.of(), SYSTEM,
                List.of(), List.of(), population, PlanSettings.DEFAULT, 0);
    }

    static BookingWindow window(int openMonth, int openDay, int openHour, int closeMonth, int closeDay,
                                int closeHour) {
        return new BookingWindow(LocalDateTime.of(2021, openMonth, openDay, openHour, 0),
                LocalDateTime.of(2021, closeMonth, closeDay, closeHour, 0));
    }

    static VaccinationPeriod period(int firstMonth, int firstDay, int lastMonth, int lastDay) {
        return new VaccinationPeriod(LocalDate.of(2021, firstMonth, firstDay), LocalDate.of(2021, lastMonth, lastDay));
    }

    private List<Problem> problems(Cohort... cohorts) {
        return validator.validate(plan(List.of(cohorts)));
    }

    private static Problem only(List<Problem> problems) {
        assertEquals(1, problems.size(), problems.toString());
        return problems.get(0);
    }

    @Test
    void aWindowLongerThanTheFormatAllowsIsAnErrorOnTheWindow() {
        Cohort cohort = fiftyFiveToFiftyNine().withWindow(window(6, 1, 20, 7, 24, 18));
        Problem problem = only(problems(cohort, fiftyToFiftyFour()));
        assertEquals(Problem.FIELD_WINDOW, problem.field());
        assertTrue(problem.detail().contains("a window is at most 31 days long"), problem.detail());
    }

    @Test
    void manyCohortsOverlappingTheSameWayAreOneProblemEach() {
        List<Cohort> cohorts = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            cohorts.add(fiftyFiveToFiftyNine().withId("c" + i).withName("part " + i));
        }
        List<Problem> problems = validator.validate(plan(cohorts)).stream().filter(Problem::isError).toList();
        assertEquals(9, problems.size(), problems.toString());
        assertTrue(problems.get(8).detail().endsWith("are also in cohort part 0, and both windows are open from "
                + "2021-07-14 20:00 to 2021-07-24 18:00; and it overlaps 8 other earlier cohorts the same way"),
                problems.get(8).detail());
    }

    @Test
    void theJuly2021PlanHasNoProblems() {
        assertEquals(List.of(), validator.validate(valid()));
    }

    @Test
    void anOverloadBeyondItsRangesIsAnErrorAndTooFewConnectionsAWarning() {
        Plan plan = valid();
        Plan wellBuilt = plan.withBookingSystem(plan.bookingSystem().withOverload(new Overload(300_000, 30, 20)));
        assertEquals(List.of(), validator.validate(wellBuilt));
        Plan beyond = plan.withBookingSystem(plan.bookingSystem()
                .withOverload(new Overload(20_000_000_000L, 7_200, 2_000)));
        List<Problem> problems = validator.validate(beyond);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.isError() && p.field().equals(Problem.FIELD_OVERLOAD)));
        Plan fewConnections = plan.withBookingSystem(plan.bookingSystem()
                .withOverload(new Overload(plan.bookingSystem().concurrentSessions(), 30, 20)));
        Problem warning = only(validator.validate(fewConnections));
        assertEquals(Severity.WARNING, warning.severity());
        assertTrue(warning.detail().contains("crashes as soon as its sessions fill up"), warning.detail());
    }

    @Test
    void aQuotedPeoplePerHourThatTheSessionsDoNotServeIsAWarning() {
        Plan plan = valid();
        BookingSystem system = plan.bookingSystem();
        Plan quotedHigh = plan.withBookingSystem(new BookingSystem(system.concurrentSessions() * 60
                / system.sessionMinutes() * 2, system.concurrentSessions(), system.sessionMinutes(),
                system.accessMultiplier(), system.capacityChanges(), system.waitingRoom(), system.overload(),
                system.night()));
        Problem warning = only(validator.validate(quotedHigh));
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(Problem.FIELD_PEOPLE_PER_HOUR, warning.field());
        assertTrue(warning.detail().contains("the figure the booking-night model uses"), warning.detail());
    }

    @Test
    void aWindowClosingBeforeItOpensIsAnErrorOnTheWindow() {
        Problem problem = only(problems(fiftyFiveToFiftyNine().withWindow(window(7, 14, 20, 7, 12, 0)),
                fiftyToFiftyFour().withVaccinationPeriod(period(8, 16, 8, 25))));
        assertProblem(Severity.ERROR, "c55-59", "window", "cohort 55–59",
                "closes 2021-07-12 00:00 before it opens 2021-07-14 20:00", problem);
        assertEquals("cohort 55–59 (window): closes 2021-07-12 00:00 before it opens 2021-07-14 20:00",
                problem.message());
    }

    @Test
    void aWindowClosingTheMomentItOpensIsAnError() {
        Problem problem = only(problems(fiftyFiveToFiftyNine().withWindow(window(7, 14, 20, 7, 14, 20)),
                fiftyToFiftyFour()));
        assertEquals("window", problem.field());
        assertTrue(problem.detail().contains("the moment it opens"), problem.detail());
    }

    @Test
    void aVaccinationPeriodEndingBeforeItStartsIsAnError() {
        Problem problem = only(problems(fiftyFiveToFiftyNine().withVaccinationPeriod(period(8, 7, 7, 26)),
                fiftyToFiftyFour()));
        assertProblem(Severity.ERROR, "c55-59", "vaccinationPeriod", "cohort 55–59",
                "ends 2021-07-26 before it starts 2021-08-07", problem);
    }

    @Test
    void aOneDayVaccinationPeriodIsFine() {
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine().withVaccinationPeriod(period(7, 26, 7, 26)),
                fiftyToFiftyFour()));
    }

    @Test
    void firstDosesBeforeTheWindowOpensAreAnError() {
        Problem problem = only(problems(fiftyFiveToFiftyNine(),
                fiftyToFiftyFour().withVaccinationPeriod(period(7, 10, 8, 25))));
        assertProblem(Severity.ERROR, "c50-54", "vaccinationPeriod", "cohort 50–54",
                "first doses start 2021-07-10, before booking opens 2021-07-19 20:00", problem);
    }

    @Test
    void firstDosesOnTheOpeningDayAreTooEarlyUnlessTheWindowOpensAtMidnight() {
        assertEquals("vaccinationPeriod", only(problems(fiftyFiveToFiftyNine(),
                fiftyToFiftyFour().withVaccinationPeriod(period(7, 19, 8, 25)))).field());
        Cohort atMidnight = fiftyToFiftyFour().withWindow(window(7, 19, 0, 7, 21, 18))
                .withVaccinationPeriod(period(7, 19, 8, 25));
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine(), atMidnight));
    }

    @Test
    void firstDosesTheDayAfterTheWindowOpensAreFine() {
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine(),
                fiftyToFiftyFour().withVaccinationPeriod(period(7, 20, 8, 25))));
    }

    @Test
    void sharesNotAddingUpToOneHundredPercentAreAnErrorOnTheBrands() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("Moderna", 0.6);
        shares.put("Pfizer", 0.3);
        Problem problem = only(problems(fiftyFiveToFiftyNine().withBrands(new BrandAllocation(shares)),
                fiftyToFiftyFour()));
        assertProblem(Severity.ERROR, "c55-59", "brands", "cohort 55–59",
                "brand shares add up to 90 %, not 100 %", problem);
    }

    @Test
    void sharesAddingUpToOneHundredPercentAreFine() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("Moderna", 0.7);
        shares.put("Pfizer", 0.2);
        shares.put("AstraZeneca", 0.1);
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine().withBrands(new BrandAllocation(shares)),
                fiftyToFiftyFour()));
    }

    @Test
    void aCohortWithoutBrandsIsAnError() {
        Problem problem = only(problems(fiftyFiveToFiftyNine().withBrands(BrandAllocation.none()),
                fiftyToFiftyFour()));
        assertEquals("brands", problem.field());
        assertEquals("no vaccine brand is allocated", problem.detail());
    }

    @Test
    void aBrandBelowItsMinimumAgeIsAnError() {
        Cohort young = new Cohort("c18-49", "18–49", BirthCohortRange.of(1972, 2003), Set.of(), 16_210_000, 0.7,
                window(8, 9, 20, 8, 18, 18), period(8, 26, 9, 30), BrandAllocation.single("AstraZeneca"), null,
                CohortStatus.PLANNED);
        List<Problem> problems = validator.validate(plan(List.of(fiftyFiveToFiftyNine(), fiftyToFiftyFour(), young),
                PopulationTable.empty()));
        assertProblem(Severity.ERROR, "c18-49", "brands", "cohort 18–49",
                "AstraZeneca is for people aged 50 and over, but the youngest in this cohort (born 2003) are 18 "
                        + "in 2021", only(problems));
    }

    @Test
    void theMinimumAgeIsTheYoungestAgeInTheYearOfTheFirstVaccinationDay() {
        Cohort exactlyFifty = fiftyToFiftyFour().withBrands(BrandAllocation.single("AstraZeneca"));
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine(), exactlyFifty));

        Cohort bornUpTo1972 = exactlyFifty.withBirthYears(BirthCohortRange.of(1967, 1972));
        Problem tooYoung = only(validator.validate(plan(List.of(bornUpTo1972), PopulationTable.empty())));
        assertTrue(tooYoung.detail().endsWith("(born 1972) are 49 in 2021"), tooYoung.detail());

        Cohort vaccinatedIn2020 = exactlyFifty
                .withWindow(new BookingWindow(LocalDateTime.of(2020, 12, 1, 20, 0),
                        LocalDateTime.of(2020, 12, 2, 18, 0)))
                .withVaccinationPeriod(new VaccinationPeriod(LocalDate.of(2020, 12, 10), LocalDate.of(2020, 12, 20)));
        Problem problem = only(problems(fiftyFiveToFiftyNine(), vaccinatedIn2020));
        assertTrue(problem.detail().endsWith("(born 1971) are 49 in 2020"), problem.detail());
    }

    @Test
    void aBrandWithAZeroShareIsNotGivenSoItsMinimumAgeDoesNotMatter() {
        Map<String, Double> shares = new LinkedHashMap<>();
        shares.put("Pfizer", 1.0);
        shares.put("AstraZeneca", 0.0);
        Cohort young = new Cohort("c18-49", "18–49", BirthCohortRange.of(1972, 2003), Set.of(), 16_210_000, 0.7,
                window(8, 9, 20, 8, 18, 18), period(8, 26, 9, 30), new BrandAllocation(shares), null,
                CohortStatus.PLANNED);
        assertEquals(List.of(), validator.validate(plan(List.of(young), PopulationTable.empty())));
    }

    @Test
    void noEligiblePeopleIsAnErrorOnEligible() {
        Problem problem = only(problems(fiftyFiveToFiftyNine().withEligible(0), fiftyToFiftyFour()));
        assertProblem(Severity.ERROR, "c55-59", "eligible", "cohort 55–59",
                "has 0 eligible people; a cohort needs more than 0", problem);
    }

    @Test
    void birthYearsOutsideThePopulationTableAreAnError() {
        Problem problem = only(problems(fiftyFiveToFiftyNine().withBirthYears(BirthCohortRange.of(1958, 1966)),
                fiftyToFiftyFour()));
        assertProblem(Severity.ERROR, "c55-59", "birthYears", "cohort 55–59",
                "birth years 1958–1961 are not in the plan's population table (1962–1971)", problem);
    }

    @Test
    void anEmptyPopulationTableChecksNoBirthYearsAndReportsNoGaps() {
        List<Problem> problems = validator.validate(plan(List.of(
                fiftyFiveToFiftyNine().withBirthYears(BirthCohortRange.of(1900, 1966))), PopulationTable.empty()));
        assertEquals(List.of(), problems);
    }

    @Test
    void overlappingBirthYearsWithOverlappingWindowsAreAnErrorOnTheLaterCohort() {
        Cohort catchUp = new Cohort("c50-54-catch-up", "50–54 catch-up", BirthCohortRange.of(1967, 1971), Set.of(),
                600_000, 0.5, window(7, 21, 12, 7, 24, 18), period(8, 16, 8, 25), BrandAllocation.single("Pfizer"),
                null, CohortStatus.PLANNED);
        Problem problem = only(problems(fiftyFiveToFiftyNine(), fiftyToFiftyFour(), catchUp));
        assertProblem(Severity.ERROR, "c50-54-catch-up", "birthYears", "cohort 50–54 catch-up",
                "people born 1967–1971 are also in cohort 50–54, and both windows are open from 2021-07-21 12:00 to "
                        + "2021-07-21 18:00", problem);
    }

    @Test
    void overlappingBirthYearsInWindowsThatFollowEachOtherAreFine() {
        Cohort catchUp = new Cohort("c50-54-catch-up", "50–54 catch-up", BirthCohortRange.of(1967, 1971), Set.of(),
                600_000, 0.5, window(7, 21, 18, 7, 24, 18), period(8, 16, 8, 25), BrandAllocation.single("Pfizer"),
                null, CohortStatus.PLANNED);
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine(), fiftyToFiftyFour(), catchUp));
    }

    @Test
    void overlappingWindowsForDifferentBirthYearsAreFine() {
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine().withWindow(window(7, 19, 20, 7, 21, 18)),
                fiftyToFiftyFour()));
    }

    @Test
    void disjointBirthDayDigitsMayBookAtTheSameTime() {
        Cohort odd = fiftyToFiftyFour().withId("odd").withName("50–54 odd").withBirthDayDigits(Set.of(1, 3, 5, 7, 9));
        Cohort even = fiftyToFiftyFour().withId("even").withName("50–54 even")
                .withBirthDayDigits(Set.of(0, 2, 4, 6, 8));
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine(), odd, even));
    }

    @Test
    void birthDayDigitsSharedInOverlappingWindowsAreNamed() {
        Cohort first = fiftyToFiftyFour().withId("a").withName("50–54 a").withBirthDayDigits(Set.of(0, 1, 2, 3, 4, 5));
        Cohort second = fiftyToFiftyFour().withId("b").withName("50–54 b").withBirthDayDigits(Set.of(5, 6, 7, 8, 9));
        Problem problem = only(problems(fiftyFiveToFiftyNine(), first, second));
        assertEquals("b", problem.cohortId());
        assertTrue(problem.detail().startsWith("people born 1967–1971 with birth days ending in 5 are also in "
                + "cohort 50–54 a"), problem.detail());
    }

    @Test
    void aYearNoCohortIncludesIsAWarningForThePlan() {
        Problem problem = only(problems(fiftyFiveToFiftyNine().withBirthYears(BirthCohortRange.of(1964, 1966)),
                fiftyToFiftyFour()));
        assertProblem(Severity.WARNING, null, "birthYears", "plan",
                "no cohort includes people born 1962–1963, who are in the population table", problem);
        assertFalse(PlanValidator.hasErrors(List.of(problem)));
    }

    @Test
    void gapsAreReportedInBirthYearOrderAfterTheCohortsProblems() {
        List<Problem> problems = problems(fiftyFiveToFiftyNine().withBirthYears(BirthCohortRange.of(1964, 1966)),
                fiftyToFiftyFour().withBirthYears(BirthCohortRange.of(1967, 1970)).withEligible(0));
        assertEquals(List.of("eligible", "birthYears", "birthYears"), problems.stream().map(Problem::field).toList());
        assertEquals("c50-54", problems.get(0).cohortId());
        assertTrue(problems.get(1).detail().contains("born 1962–1963,"), problems.toString());
        assertTrue(problems.get(2).detail().contains("born 1971,"), problems.toString());
        assertFalse(PlanValidator.hasErrors(problems.subList(1, 3)));
        assertTrue(PlanValidator.hasErrors(problems));
    }

    @Test
    void birthDayDigitsNoCohortTakesAreAWarningNamingTheDigits() {
        Cohort digitsOneToEight = fiftyToFiftyFour().withBirthDayDigits(Set.of(1, 2, 3, 4, 5, 6, 7, 8));
        Problem problem = only(problems(fiftyFiveToFiftyNine(), digitsOneToEight));
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals("no cohort includes people born 1967–1971 whose birth day ends in 0 or 9, who are in the "
                + "population table", problem.detail());
    }

    @Test
    void aSplitParentStillInThePlanDoesNotOverlapItsPartsNorCoverTheirGaps() {
        Cohort parent = fiftyToFiftyFour().withStatus(CohortStatus.CLOSED);
        Cohort older = new Cohort("c53-54", "53–54", BirthCohortRange.of(1967, 1968), Set.of(), 1_522_000, 0.82,
                window(7, 19, 20, 7, 20, 18), period(8, 16, 8, 25), BrandAllocation.single("Pfizer"), "c50-54",
                CohortStatus.PLANNED);
        Cohort younger = new Cohort("c50-52", "50–52", BirthCohortRange.of(1969, 1971), Set.of(), 2_285_034, 0.82,
                window(7, 20, 20, 7, 21, 18), period(8, 16, 8, 25), BrandAllocation.single("Pfizer"), "c50-54",
                CohortStatus.PLANNED);
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine(), parent, older, younger));

        Problem gap = only(problems(fiftyFiveToFiftyNine(), parent, older));
        assertEquals("no cohort includes people born 1969–1971, who are in the population table", gap.detail());
    }

    @Test
    void partsOfASplitThatOverlapEachOtherAreStillAnError() {
        Cohort parent = fiftyToFiftyFour().withStatus(CohortStatus.CLOSED);
        Cohort first = fiftyToFiftyFour().withId("p1").withName("50–54 part 1").withParentId("c50-54");
        Cohort second = fiftyToFiftyFour().withId("p2").withName("50–54 part 2").withParentId("c50-54");
        Problem problem = only(problems(fiftyFiveToFiftyNine(), parent, first, second));
        assertEquals("p2", problem.cohortId());
        assertTrue(problem.detail().contains("also in cohort 50–54 part 1"), problem.detail());
    }

    @Test
    void aPartWhoseParentIsGoneIsAnOrdinaryCohort() {
        Cohort orphan = fiftyToFiftyFour().withParentId("c-gone");
        assertEquals(List.of(), problems(fiftyFiveToFiftyNine(), orphan));
        Cohort overlapping = fiftyFiveToFiftyNine().withId("c55-59-again").withParentId("c-gone");
        assertEquals("birthYears", only(problems(fiftyFiveToFiftyNine(), fiftyToFiftyFour(), overlapping)).field());
    }

    @Test
    void aSplitParentsOwnFieldsAreStillChecked() {
        Cohort parent = fiftyToFiftyFour().withWindow(window(7, 21, 18, 7, 19, 20));
        Cohort part = fiftyToFiftyFour().withId("c50-54-all").withParentId("c50-54");
        Problem problem = only(problems(fiftyFiveToFiftyNine(), parent, part));
        assertEquals("c50-54", problem.cohortId());
        assertEquals("window", problem.field());
    }

    @Test
    void problemsComeInAFixedOrder() {
        Cohort broken = fiftyToFiftyFour().withWindow(window(7, 21, 18, 7, 19, 20))
                .withVaccinationPeriod(period(7, 20, 7, 1))
                .withBrands(BrandAllocation.none())
                .withEligible(0)
                .withBirthYears(BirthCohortRange.of(1967, 1975));
        List<Problem> first = problems(fiftyFiveToFiftyNine(), broken);
        assertEquals(List.of("window", "vaccinationPeriod", "vaccinationPeriod", "brands", "eligible", "birthYears"),
                first.stream().map(Problem::field).toList());
        List<Problem> again = new ArrayList<>(problems(fiftyFiveToFiftyNine(), broken));
        assertEquals(first, again);
    }

    /** A problem as the command line writes it: its severity, cohort, field, and subject and detail in English. */
    private static void assertProblem(Severity severity, String cohortId, String field, String subject, String detail,
                                      Problem actual) {
        assertEquals(List.of(severity.name(), String.valueOf(cohortId), field, subject, detail),
                List.of(actual.severity().name(), String.valueOf(actual.cohortId()), actual.field(), actual.subject(),
                        actual.detail()));
    }
}
