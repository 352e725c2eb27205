package org.cohortplanner.planning.slip;

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
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;
import org.junit.jupiter.api.Test;

class SlipSuggestionsTest {
    private static final LocalDate MONDAY = LocalDate.of(2021, 8, 2);

    /**
     * One region, 100 doses a day, a Moderna cohort of 600 aged 50–54 over six days; Moderna arrives in two lots,
     * Pfizer has plenty, AstraZeneca too but only from age 60 in this plan.
     */
    private static Plan plan(boolean reserve) {
        VaccineBrand pfizer = new VaccineBrand("Pfizer", 2, new DoseInterval(21, 21, 42), 12, Platform.MRNA,
                EnumSet.allOf(SiteKind.class));
        VaccineBrand moderna = new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                EnumSet.allOf(SiteKind.class));
        VaccineBrand astra = new VaccineBrand("AstraZeneca", 2, new DoseInterval(77, 56, 84), 60, Platform.VECTOR,
                EnumSet.allOf(SiteKind.class));
        LocalDateTime opens = MONDAY.minusDays(10).atTime(20, 0);
        Cohort cohort = new Cohort("c50-54", "50–54", BirthCohortRange.of(1967, 1971), Set.of(), 600, 1.0,
                new BookingWindow(opens, opens.plusHours(22)), new VaccinationPeriod(MONDAY, MONDAY.plusDays(5)),
                BrandAllocation.single("Moderna"), null, CohortStatus.PLANNED);
        List<Delivery> deliveries = List.of(
                new Delivery("M1", "Moderna", 10_000, MONDAY, MONDAY, DeliveryStatus.PLANNED, ""),
                new Delivery("M2", "Moderna", 10_000, MONDAY.plusDays(30), MONDAY.plusDays(30),
                        DeliveryStatus.PLANNED, ""),
                new Delivery("P1", "Pfizer", 10_000, MONDAY, MONDAY, DeliveryStatus.PLANNED, ""),
                new Delivery("A1", "AstraZeneca", 10_000, MONDAY, MONDAY, DeliveryStatus.PLANNED, ""));
        SiteGroup site = new SiteGroup("centre", "North", SiteKind.VACCINATION_CENTRE, 100,
                Set.of("Pfizer", "Moderna", "AstraZeneca"), Set.of());
        TreeMap<Integer, Long> years = new TreeMap<>();
        for (int year = 1960; year <= 1975; year++) {
            years.put(year, 1000L);
        }
        return new Plan("small", "", ZoneId.of("Asia/Seoul"), List.of(cohort), List.of(pfizer, moderna, astra),
                deliveries, List.of(site), new BookingSystem(300_000, 25_000, 5, 6.7, List.of(),
                new WaitingRoom(true, 5000, QueueOrder.FIFO, 60, 0.7, 30)), List.of(),
                List.of(new Region("North", 1000)), new PopulationTable(years), new PlanSettings(reserve, 0), 0);
    }

    @Test
    void aSlipThatLeavesNobodyShortHasNoSuggestions() {
        SlipImpact impact = SlipImpact.of(plan(true), "M2", MONDAY.plusDays(31));

        assertFalse(impact.losesDoses());
        assertTrue(SlipSuggestions.of(impact).isEmpty());
    }

    @Test
    void swapsRespectTheBrandsMinimumAgeAndRankFirst() {
        SlipImpact impact = SlipImpact.of(plan(true), "M1", MONDAY.plusDays(3));

        assertEquals(300, impact.peopleWithoutDose());
        List<Suggestion> suggestions = SlipSuggestions.of(impact);
        assertTrue(suggestions.stream().noneMatch(s -> s.summary().contains("AstraZeneca")),
                "AstraZeneca is for 60 and over here: " + suggestions);
        Suggestion first = suggestions.get(0);
        assertEquals(Suggestion.Kind.BRAND_SWAP, first.kind());
        assertEquals(0, first.effect().peoplePostponed());
        assertEquals(300, first.effect().peopleMoved(), 1);
        assertTrue(first.removesShortage());
    }

    @Test
    void aLaterPeriodIsOfferedAndPostponesTheWholeCohort() {
        SlipImpact impact = SlipImpact.of(plan(true), "M1", MONDAY.plusDays(3));

        Suggestion shift = SlipSuggestions.of(impact).stream().filter(s -> s.kind() == Suggestion.Kind.PERIOD_SHIFT)
                .findFirst().orElseThrow();

        assertEquals("move 50–54 one week later", shift.summary());
        assertEquals(600, shift.effect().peoplePostponed());
        assertEquals(7, shift.effect().daysAdded());
        assertEquals(MONDAY.plusDays(7), shift.plan().cohort("c50-54").orElseThrow().vaccinationPeriod().firstDay());
    }

    @Test
    void secondDosesDueBeforeTheNextLotAreFixedByALongerIntervalFromTheDayTheyRunShort() {
        // Without held doses, M1's 600 go to first doses; the second doses, due 28–33 days on, wait for M2. When
        // M2 slips from day 20 to day 30, those due on days 28 and 29 find none; a 35-day interval reaches it.
        Plan plan = plan(false);
        plan = plan.withDelivery(plan.delivery("M1").orElseThrow().withDoses(600));
        Plan before = plan.withDelivery(plan.delivery("M2").orElseThrow().delayedTo(MONDAY.plusDays(20), ""));
        SlipImpact slip = SlipImpact.of(before, "M2", MONDAY.plusDays(30));

        assertEquals(200, slip.peopleWithoutDose());
        Suggestion stretch = SlipSuggestions.of(slip).stream()
                .filter(s -> s.kind() == Suggestion.Kind.INTERVAL_POLICY).findFirst().orElseThrow();
        assertTrue(stretch.removesShortage());
        assertEquals(28, stretch.plan().brand("Moderna").orElseThrow().interval().days(), "the label stays");
        assertEquals(1, stretch.plan().intervalPolicies().size());
        assertEquals(35, stretch.plan().intervalPolicies().get(0).days());
        assertEquals(MONDAY.plusDays(28), stretch.plan().intervalPolicies().get(0).from());
        AppliedSuggestion applied = SlipSuggestions.apply(slip, stretch);
        assertEquals(600, applied.peopleToTell());
        assertTrue(applied.secondDoseMoves().stream().allMatch(m -> m.secondDoseAfter().equals(
                m.secondDoseBefore().plusDays(7))));
    }

    @Test
    void theLongerIntervalKeepsTheNamedGroupsAtTheirs() {
        Plan plan = plan(false);
        plan = plan.withDelivery(plan.delivery("M1").orElseThrow().withDoses(600));
        plan = plan.withCohorts(plan.cohorts().stream().map(c -> c.withGroups(List.of(
                org.cohortplanner.domain.CohortGroup.ofShare("school teachers", 0.1, true, "")))).toList());
        Plan before = plan.withDelivery(plan.delivery("M2").orElseThrow().delayedTo(MONDAY.plusDays(20), ""));
        SlipImpact slip = SlipImpact.of(before, "M2", MONDAY.plusDays(30));

        Suggestion longer = SlipSuggestions.of(slip).stream()
                .filter(s -> s.kind() == Suggestion.Kind.INTERVAL_POLICY).findFirst().orElseThrow();

        assertEquals(List.of(org.cohortplanner.domain.GroupInterval.exempt("school teachers")),
                longer.plan().intervalPolicies().get(0).exceptions());
        AppliedSuggestion applied = SlipSuggestions.apply(slip, longer);
        assertTrue(applied.secondDoseMoves().stream().noneMatch(m -> "school teachers".equals(m.group())),
                applied.secondDoseMoves().toString());
        assertTrue(applied.peopleToTell() > 0);
    }

    @Test
    void anUnknownDeliveryIsNamed() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SlipImpact.of(plan(true), "X9", MONDAY));
        assertEquals("the plan has no delivery 'X9'", error.getMessage());
    }

    @Test
    void suggestionNumbersStartAtOne() {
        SlipImpact impact = SlipImpact.of(plan(true), "M1", MONDAY.plusDays(3));
        List<Suggestion> suggestions = SlipSuggestions.of(impact);

        assertThrows(IllegalArgumentException.class, () -> SlipSuggestions.apply(impact, suggestions, 0));
        assertEquals(suggestions.get(0).plan(), SlipSuggestions.apply(impact, suggestions, 1).plan());
    }

    @Test
    void closedDaysDoNotBreakTheSuggestions() {
        Plan plan = plan(true).withSites(List.of(new SiteGroup("centre", "North", SiteKind.VACCINATION_CENTRE, 100,
                Set.of("Pfizer", "Moderna"), Set.of(DayOfWeek.SUNDAY))));
        SlipImpact impact = SlipImpact.of(plan, "M1", MONDAY.plusDays(3));

        assertTrue(SlipSuggestions.of(impact).stream().anyMatch(Suggestion::removesShortage));
        assertTrue(Map.of("c50-54", 300L).equals(impact.peopleLosingByCohort()));
    }
}
