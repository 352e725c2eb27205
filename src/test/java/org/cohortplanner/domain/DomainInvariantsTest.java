package org.cohortplanner.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DomainInvariantsTest {

    static final BookingSystem BOOKING_SYSTEM = new BookingSystem(300_000, 25_000, 5, 6.7,
            List.of(new CapacityChange(LocalDateTime.of(2021, 7, 19, 22, 0), 600_000, 50_000, "extra servers")),
            new WaitingRoom(true, 5_000, QueueOrder.FIFO, 60, 0.7, 30));

    static final VaccineBrand MODERNA = new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18,
            Platform.MRNA, EnumSet.allOf(SiteKind.class));

    static Cohort cohort(String id, int first, int last) {
        return new Cohort(id, id, BirthCohortRange.of(first, last), Set.of(), 1_000_000, 0.8,
                new BookingWindow(LocalDateTime.of(2021, 7, 19, 20, 0), LocalDateTime.of(2021, 7, 20, 18, 0)),
                new VaccinationPeriod(LocalDate.of(2021, 8, 16), LocalDate.of(2021, 8, 25)),
                BrandAllocation.single("Moderna"), null, CohortStatus.PLANNED);
    }

    static Plan plan(List<Cohort> cohorts, List<Delivery> deliveries) {
        return new Plan("Test", "", ZoneId.of("Asia/Seoul"), cohorts, List.of(MODERNA), deliveries, List.of(),
                BOOKING_SYSTEM, List.of(), List.of(), PopulationTable.empty(), PlanSettings.DEFAULT, 0);
    }

    @Test
    void birthYearRangeRejectsFirstYearAfterLast() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> BirthCohortRange.of(1971, 1967));
        assertTrue(error.getMessage().contains("1971"), error.getMessage());
    }

    @Test
    void birthYearRangeCountsAndOverlapsInclusively() {
        BirthCohortRange fiftyToFiftyFour = BirthCohortRange.of(1967, 1971);
        assertEquals(5, fiftyToFiftyFour.size());
        assertTrue(fiftyToFiftyFour.overlaps(BirthCohortRange.of(1971, 1975)));
        assertFalse(fiftyToFiftyFour.overlaps(BirthCohortRange.of(1972, 1975)));
        assertEquals(50, fiftyToFiftyFour.youngestAgeIn(2021));
        assertEquals(54, fiftyToFiftyFour.oldestAgeIn(2021));
    }

    @Test
    void cohortRejectsBirthDayDigitOutsideZeroToNine() {
        Cohort valid = cohort("c", 1980, 1989);
        assertThrows(IllegalArgumentException.class, () -> valid.withBirthDayDigits(Set.of(10)));
        assertEquals(Set.of(3), valid.withBirthDayDigits(Set.of(3)).birthDayDigits());
    }

    @Test
    void cohortWithAllTenDigitsTakesEveryBirthDay() {
        Cohort cohort = cohort("c", 1980, 1989).withBirthDayDigits(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        assertTrue(cohort.allBirthDays());
        assertTrue(cohort("d", 1980, 1989).allBirthDays());
    }

    @Test
    void cohortRejectsUptakeOutsideZeroToOneAndNegativePeople() {
        Cohort valid = cohort("c", 1980, 1989);
        assertThrows(IllegalArgumentException.class, () -> valid.withUptake(1.2));
        assertThrows(IllegalArgumentException.class, () -> valid.withEligible(-1));
    }

    @Test
    void expectedBookersAreEligibleTimesUptakeRounded() {
        assertEquals(800_000, cohort("c", 1980, 1989).expectedBookers());
    }

    @Test
    void windowClosingBeforeItOpensIsRepresentableButNotOrdered() {
        BookingWindow reversed = new BookingWindow(LocalDateTime.of(2021, 7, 20, 18, 0),
                LocalDateTime.of(2021, 7, 19, 20, 0));
        assertFalse(reversed.isOrdered());
        assertTrue(cohort("c", 1967, 1968).window().isOrdered());
    }

    @Test
    void vaccinationPeriodCountsBothEnds() {
        VaccinationPeriod period = new VaccinationPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 7, 31));
        assertEquals(6, period.days());
        assertEquals(6, period.dates().count());
        assertEquals(0, new VaccinationPeriod(LocalDate.of(2021, 7, 31), LocalDate.of(2021, 7, 26)).days());
    }

    @Test
    void brandSharesMustEachLieBetweenZeroAndOneButMaySumElsewhere() {
        assertThrows(IllegalArgumentException.class, () -> new BrandAllocation(Map.of("Pfizer", -0.1)));
        BrandAllocation partial = new BrandAllocation(Map.of("Pfizer", 0.5, "Moderna", 0.3));
        assertFalse(partial.sumsToOne());
        assertTrue(new BrandAllocation(Map.of("Pfizer", 0.7, "Moderna", 0.3)).sumsToOne());
    }

    @Test
    void doseIntervalMustLieWithinItsAllowedRange() {
        assertThrows(IllegalArgumentException.class, () -> new DoseInterval(21, 28, 42));
        DoseInterval pfizer = new DoseInterval(21, 21, 42);
        assertTrue(pfizer.allows(42));
        assertFalse(pfizer.allows(43));
    }

    @Test
    void twoDoseBrandNeedsAnInterval() {
        assertThrows(IllegalArgumentException.class, () -> new VaccineBrand("Pfizer", 2, DoseInterval.NONE, 12,
                Platform.MRNA, Set.of(SiteKind.CLINIC)));
    }

    @Test
    void deliveryRejectsNegativeDosesAndNamesTheDelivery() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new Delivery("MOD-W29", "Moderna", -5, LocalDate.of(2021, 7, 19), null,
                        DeliveryStatus.PLANNED, null));
        assertTrue(error.getMessage().contains("MOD-W29"), error.getMessage());
    }

    @Test
    void delayKeepsPlannedDateAndRecordsReason() {
        Delivery delivery = new Delivery("MOD-W29", "Moderna", 1_000_000, LocalDate.of(2021, 7, 19), null,
                DeliveryStatus.PLANNED, null);
        Delivery slipped = delivery.delayedTo(LocalDate.of(2021, 7, 26), "quality inspection");
        assertEquals(LocalDate.of(2021, 7, 19), slipped.plannedArrival());
        assertEquals(7, slipped.delayDays());
        assertEquals(DeliveryStatus.DELAYED, slipped.status());
        assertEquals("quality inspection", slipped.note());
    }

    @Test
    void planRejectsUnknownBrandAndNamesWhoRefersToIt() {
        Delivery astra = new Delivery("AZ-1", "AstraZeneca", 10, LocalDate.of(2021, 7, 19), null,
                DeliveryStatus.PLANNED, null);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> plan(List.of(), List.of(astra)));
        assertTrue(error.getMessage().contains("delivery AZ-1"), error.getMessage());
        assertTrue(error.getMessage().contains("AstraZeneca"), error.getMessage());
    }

    @Test
    void planRejectsDuplicateCohortIds() {
        assertThrows(IllegalArgumentException.class,
                () -> plan(List.of(cohort("c", 1967, 1968), cohort("c", 1969, 1971)), List.of()));
    }

    @Test
    void planReplacesCohortById() {
        Plan plan = plan(List.of(cohort("a", 1967, 1968), cohort("b", 1969, 1971)), List.of());
        Plan changed = plan.withCohort(plan.cohort("b").orElseThrow().withEligible(5));
        assertEquals(5, changed.cohort("b").orElseThrow().eligible());
        assertEquals(1_000_000, changed.cohort("a").orElseThrow().eligible());
        assertEquals(List.of("a", "b"), changed.cohorts().stream().map(Cohort::id).toList());
    }

    @Test
    void bookingSystemCapacityFollowsItsChanges() {
        assertEquals(300_000, BOOKING_SYSTEM.peoplePerHourAt(LocalDateTime.of(2021, 7, 19, 21, 59)));
        assertEquals(600_000, BOOKING_SYSTEM.peoplePerHourAt(LocalDateTime.of(2021, 7, 19, 22, 0)));
        assertEquals(50_000, BOOKING_SYSTEM.concurrentSessionsAt(LocalDateTime.of(2021, 7, 20, 1, 0)));
    }

    @Test
    void siteGroupIsClosedOnItsClosedWeekdays() {
        SiteGroup seoul = new SiteGroup("Seoul centres", "Seoul", SiteKind.VACCINATION_CENTRE, 30_000,
                Set.of("Moderna"), Set.of(DayOfWeek.SUNDAY));
        assertFalse(seoul.isOpenOn(LocalDate.of(2021, 8, 1)));
        assertTrue(seoul.isOpenOn(LocalDate.of(2021, 8, 2)));
    }

    @Test
    void populationTableSumsRangesAndTreatsMissingYearsAsZero() {
        TreeMap<Integer, Long> people = new TreeMap<>(Map.of(1967, 760_000L, 1968, 770_000L));
        PopulationTable table = new PopulationTable(people);
        assertEquals(1_530_000, table.peopleBornIn(BirthCohortRange.of(1966, 1968)));
        assertFalse(table.contains(1966));
    }

    @Test
    void populationTableRejectsBirthYearsNoCohortCouldHave() {
        TreeMap<Integer, Long> people = new TreeMap<>(Map.of(1700, 5L));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PopulationTable(people));
        assertTrue(error.getMessage().contains("1700"), error.getMessage());
    }
}
