package org.cohortplanner.planning.slip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.planning.schedule.DoseBudget;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.schedule.Shortage;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;

/** Replays of the 2021 decisions on the sample plans. */
class SampleReplayTest {
    private static final LocalDate JULY_26 = LocalDate.of(2021, 7, 26);
    private static final LocalDate JULY_31 = LocalDate.of(2021, 7, 31);

    private static Plan sample(String name) {
        return PlanFiles.read(Path.of("sample-data", "korea-2021-" + name + ".json"));
    }

    private static Plan moderaAugustHalved(Plan plan) {
        List<Delivery> deliveries = new ArrayList<>();
        for (Delivery delivery : plan.deliveries()) {
            boolean august = delivery.brand().equals("Moderna") && delivery.expectedArrival().getMonthValue() == 8;
            deliveries.add(august ? delivery.withDoses(delivery.doses() / 2) : delivery);
        }
        return plan.withDeliveries(deliveries);
    }

    @Test
    void bothSamplePlansScheduleEveryoneWithoutShortage() {
        assertFalse(Schedule.of(sample("initial")).hasShortage());
        assertFalse(Schedule.of(sample("as-run")).hasShortage());
    }

    @Test
    void the55To59WindowCanBookTheModernaOnHandOrDueByItsFirstVaccinationDay() {
        // 700,000 on hand and 1,150,000 due on 15 July: the 1.85 M at which booking was suspended on 12 July, KDCA's
        // reservation cap on the window; the schedule could give more from the supply in the period.
        DoseBudget budget = DoseBudget.of(sample("initial"));
        assertEquals(1_850_000, budget.bookableFirstDoses("c55-59"));
        assertTrue(budget.isCapped("c55-59"));
        assertTrue(budget.fromSupply("c55-59") > 1_850_000, "from the supply: " + budget.fromSupply("c55-59"));
    }

    @Test
    void theJulyModernaSlipLeaves55To59ShortInItsFirstVaccinationWeekAndPfizerFixesIt() {
        Plan initial = sample("initial");

        SlipImpact impact = SlipImpact.of(initial, "MOD-2021-W28", LocalDate.of(2021, 7, 30));

        assertEquals(List.of("c55-59"), List.copyOf(impact.cohortsLosing()));
        assertTrue(impact.peopleWithoutDose() > 100_000, "people without a dose: " + impact.peopleWithoutDose());
        assertTrue(impact.daysLosing().stream().allMatch(day -> !day.isBefore(JULY_26) && !day.isAfter(JULY_31)),
                "days: " + impact.daysLosing());
        assertEquals(17, impact.regionsLosing().size());

        List<Suggestion> suggestions = SlipSuggestions.of(impact);
        Suggestion swap = suggestions.stream().filter(s -> s.kind() == Suggestion.Kind.BRAND_SWAP).findFirst()
                .orElseThrow(() -> new AssertionError("no brand swap among " + suggestions));
        assertEquals(swap, suggestions.get(0), "nobody is postponed by the swap, so it ranks first");
        assertTrue(swap.removesShortage());
        // The swap is regional: allocation rules of 55–59 give Pfizer in some regions only, not a national share.
        assertTrue(swap.plan().allocationRulesOf("c55-59").stream().anyMatch(r -> r.brands().shareOf("Pfizer") > 0));
        assertEquals(0.0, swap.plan().cohort("c55-59").orElseThrow().brands().shareOf("Pfizer"));
        long swappedRegions = swap.regions().stream().filter(c -> c.fromRegion() == null)
                .map(RegionChange::region).distinct().count();
        assertTrue(swappedRegions < 17, "regions swapped: " + swap.regionNames());
        Schedule fixed = Schedule.of(swap.plan());
        assertFalse(fixed.hasShortage());
        long pfizerInFirstWeek = fixed.rows().stream().filter(r -> r.cohortId().equals("c55-59") && r.dose() == 1)
                .filter(r -> r.brand().equals("Pfizer") && !r.day().isAfter(JULY_31))
                .mapToLong(ScheduleRow::served).sum();
        assertTrue(pfizerInFirstWeek >= impact.peopleWithoutDose() - 100,
                "Pfizer first doses in 26–31 July: " + pfizerInFirstWeek);

        AppliedSuggestion applied = SlipSuggestions.apply(impact, suggestions, 1);
        assertEquals(swap.plan(), applied.plan());
        assertTrue(applied.reason().contains("MOD-2021-W28"));
        // 55–59 moves to Pfizer; with lead times the Pfizer it takes makes September tighter, so the 18–49
        // cohorts that take both mRNA brands swap some appointments between them (people to tell as well).
        List<SecondDoseMove> moves5559 = applied.secondDoseMoves().stream()
                .filter(m -> m.cohortId().equals("c55-59")).toList();
        assertTrue(moves5559.stream().allMatch(m -> m.brandAfter().equals("Pfizer")), moves5559.toString());
        assertEquals(swap.effect().peopleMoved(), moves5559.stream().mapToLong(SecondDoseMove::people).sum(),
                swap.effect().peopleMoved() / 100.0);
        assertTrue(applied.secondDoseMoves().stream().allMatch(m -> m.cohortId().equals("c55-59")
                || m.cohortId().startsWith("c18-49")), applied.secondDoseMoves().toString());
        assertTrue(applied.peopleToTell() >= swap.effect().peopleMoved() - swap.effect().peopleMoved() / 100);
    }

    @Test
    void aLotArrivingOnTheMorningOfAVaccinationDayIsNotGivenThatDay() {
        // Moderna's lead time (1 day, an estimate) keeps the lot that arrives on 28 July from being given that day.
        SlipImpact impact = SlipImpact.of(sample("initial"), "MOD-2021-W28", LocalDate.of(2021, 7, 28));

        assertEquals(List.of("c55-59"), List.copyOf(impact.cohortsLosing()));
        assertEquals(List.of(LocalDate.of(2021, 7, 28)), List.copyOf(impact.daysLosing()));
        assertTrue(impact.peopleWithoutDose() > 10_000, "people without a dose: " + impact.peopleWithoutDose());
    }

    @Test
    void halvingTheAugustModernaLeavesThe50To54PeriodShortAndOffersMovingItAWeekLater() {
        Plan initial = sample("initial");

        SlipImpact impact = SlipImpact.between(initial, moderaAugustHalved(initial), "August Moderna halved");

        LocalDate first = initial.cohort("c50-54").orElseThrow().vaccinationPeriod().firstDay();
        LocalDate last = initial.cohort("c50-54").orElseThrow().vaccinationPeriod().lastDay();
        long shortInPeriod = impact.scheduleAfter().shortages().stream()
                .filter(s -> s.cohortId().equals("c50-54") && s.dose() == 1)
                .filter(s -> !s.day().isBefore(first) && !s.day().isAfter(last)).mapToLong(Shortage::people).sum();
        assertTrue(shortInPeriod > 100_000, "50–54 first doses short in its period: " + shortInPeriod);
        List<Suggestion> suggestions = SlipSuggestions.of(impact);
        assertTrue(suggestions.stream().anyMatch(s -> s.kind() == Suggestion.Kind.PERIOD_SHIFT
                        && s.summary().equals("move 50–54 one week later") && s.effect().daysAdded() == 7),
                "suggestions: " + suggestions.stream().map(Suggestion::summary).toList());
    }

    @Test
    void theAsRunPlanCarriesTheAugustModernaShortfallInItsDeliveries() {
        Plan asRun = sample("as-run");

        long expectedInAugust = 0;
        long arrivingInAugust = 0;
        for (Delivery delivery : asRun.deliveries()) {
            if (delivery.brand().equals("Moderna") && delivery.plannedArrival().getMonthValue() == 8) {
                expectedInAugust += delivery.doses();
                arrivingInAugust += delivery.expectedArrival().getMonthValue() == 8 ? delivery.doses() : 0;
            }
        }
        // About 8.5 M were expected in August; fewer than half of them came (KDCA, 9 August 2021).
        assertEquals(8_500_000, expectedInAugust);
        assertTrue(arrivingInAugust < expectedInAugust / 2, "arriving in August: " + arrivingInAugust);
    }

    @Test
    void withoutTheSixWeekIntervalTheAsRunPlanRunsShortOfMrnaInSeptember() {
        Plan asRun = sample("as-run");
        Plan labelIntervals = asRun.withIntervalPolicies(List.of());

        Schedule schedule = Schedule.of(labelIntervals);

        // The decision of 9 August is what lets the plan with the August shortfall schedule everyone: with the
        // label intervals the second doses of the 50s and the first doses of the 18–49 rotation meet in September.
        assertTrue(schedule.hasShortage());
        List<Shortage> shortages = schedule.shortages();
        assertTrue(shortages.stream().allMatch(s -> s.day().getMonthValue() >= 9), shortages.get(0).toString());
        assertTrue(shortages.stream().allMatch(s -> s.brand().equals("Moderna") || s.brand().equals("Pfizer")));
        assertTrue(shortages.stream().mapToLong(Shortage::people).sum() > 100_000,
                "people short: " + shortages.stream().mapToLong(Shortage::people).sum());
    }

    @Test
    void withoutThe50To54MoveTheAsRunPlanRunsShortInSeptember() {
        Plan asRun = sample("as-run");
        Plan periodNotMoved = asRun;
        for (String id : List.of("c50-54", "c53-54", "c50-52", "c50-54-catch-up")) {
            periodNotMoved = periodNotMoved.withCohort(periodNotMoved.cohort(id).orElseThrow()
                    .withVaccinationPeriod(new VaccinationPeriod(LocalDate.of(2021, 8, 9), LocalDate.of(2021, 8, 21))));
        }

        Schedule schedule = Schedule.of(periodNotMoved);

        assertTrue(schedule.hasShortage());
        assertTrue(schedule.shortages().stream().allMatch(s -> s.day().getMonthValue() >= 9),
                schedule.shortages().get(0).toString());
    }
}
