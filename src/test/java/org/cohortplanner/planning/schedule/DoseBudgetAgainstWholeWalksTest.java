package org.cohortplanner.planning.schedule;

import static org.cohortplanner.planning.schedule.SmallPlans.MONDAY;
import static org.cohortplanner.planning.schedule.SmallPlans.bookingSystem;
import static org.cohortplanner.planning.schedule.SmallPlans.cohort;
import static org.cohortplanner.planning.schedule.SmallPlans.delivery;
import static org.cohortplanner.planning.schedule.SmallPlans.janssen;
import static org.cohortplanner.planning.schedule.SmallPlans.moderna;
import static org.cohortplanner.planning.schedule.SmallPlans.pfizer;
import static org.cohortplanner.planning.schedule.SmallPlans.population;
import static org.cohortplanner.planning.schedule.SmallPlans.site;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;

/**
 * The dose budget walks only the cohorts that book before a window, up to the last day of its period; this test
 * works it out the plain way, bisecting walks of the whole schedule with every cohort, and asks for the same
 * figures on the samples and on generated plans.
 */
class DoseBudgetAgainstWholeWalksTest {

    @Test
    void theSamplesGetTheBudgetOfWholeWalks() {
        for (String file : List.of("korea-2021-initial.json", "korea-2021-as-run.json")) {
            Plan plan = PlanFiles.read(Path.of("sample-data", file));
            assertSame(plan, file);
        }
    }

    @Test
    void generatedPlansGetTheBudgetOfWholeWalks() {
        Random random = new Random(17);
        int bound = 0;
        for (int i = 0; i < 40; i++) {
            Plan plan = generated(random);
            assertSame(plan, "plan " + i);
            DoseBudget budget = DoseBudget.of(plan);
            for (Cohort cohort : plan.cohorts()) {
                if (budget.fromSupply(cohort.id()) < cohort.eligible()) {
                    bound++;
                }
            }
        }
        // The plans are short enough of doses or capacity that many windows are limited by the supply.
        assertTrue(bound > 40, bound + " windows limited by the supply");
    }

    private static void assertSame(Plan plan, String what) {
        Reference expected = reference(plan);
        DoseBudget actual = DoseBudget.of(plan);
        for (Cohort cohort : plan.cohorts()) {
            String id = cohort.id();
            assertEquals(expected.fromSupply.get(id), actual.fromSupply(id), what + ", " + id + ": from supply");
            assertEquals(expected.bookable.get(id), actual.bookableFirstDoses(id), what + ", " + id + ": bookable");
            assertEquals(expected.byRegion.get(id), actual.byRegion(id), what + ", " + id + ": by region");
        }
    }

    private record Reference(Map<String, Long> bookable, Map<String, Long> fromSupply,
            Map<String, Map<String, Long>> byRegion) {
    }

    /** The budget by bisection over walks of the whole schedule, every cohort in each. */
    private static Reference reference(Plan plan) {
        ScheduleEngine engine = new ScheduleEngine(plan);
        Map<String, Long> bookable = new LinkedHashMap<>();
        Map<String, Long> fromSupply = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byRegion = new LinkedHashMap<>();
        double[] bookers = new double[engine.cohorts.size()];
        for (int c : engine.cohortsInBookingOrder()) {
            Cohort cohort = engine.cohorts.get(c);
            double[] regional = new double[engine.regions.size()];
            if (cohort.brands().total() > 0 && cohort.eligible() > 0) {
                ScheduleEngine.Run run = largestServed(engine, bookers, c, cohort.eligible());
                assertEquals(engine.days, run.days);
                for (int d = 0; d < engine.days; d++) {
                    for (int r = 0; r < engine.regions.size(); r++) {
                        for (int b = 0; b < engine.brands.size(); b++) {
                            regional[r] += run.firstGiven[d][run.cell(c, r, b)];
                        }
                    }
                }
            }
            long supply = 0;
            Map<String, Long> regions = new LinkedHashMap<>();
            for (int r = 0; r < regional.length; r++) {
                long whole = (long) Math.floor(regional[r] + ScheduleEngine.EPSILON);
                supply += whole;
                regions.put(engine.regions.get(r), whole);
            }
            supply = Math.min(supply, cohort.eligible());
            Long cap = cohort.window().reservationCap();
            long budget = cap == null ? supply : Math.min(supply, cap);
            bookable.put(cohort.id(), budget);
            fromSupply.put(cohort.id(), supply);
            byRegion.put(cohort.id(), regions);
            bookers[c] = Math.min(cohort.expectedBookers(), budget);
        }
        for (Cohort cohort : plan.cohorts()) {
            bookable.putIfAbsent(cohort.id(), 0L);
            fromSupply.putIfAbsent(cohort.id(), 0L);
            byRegion.putIfAbsent(cohort.id(), Map.of());
        }
        return new Reference(bookable, fromSupply, byRegion);
    }

    private static ScheduleEngine.Run largestServed(ScheduleEngine engine, double[] bookers, int c, long eligible) {
        bookers[c] = 1;
        double unplaceable = firstShort(engine.run(bookers), c);
        bookers[c] = eligible;
        ScheduleEngine.Run run = engine.run(bookers);
        if (firstShort(run, c) <= unplaceable * eligible + 0.5) {
            return run;
        }
        double low = 0;
        double high = eligible;
        ScheduleEngine.Run best = null;
        while (high - low > Math.max(0.5, high * 1e-6)) {
            double middle = (low + high) / 2;
            bookers[c] = middle;
            ScheduleEngine.Run tried = engine.run(bookers);
            if (firstShort(tried, c) <= unplaceable * middle + 0.5) {
                low = middle;
                best = tried;
            } else {
                high = middle;
            }
        }
        if (best == null) {
            bookers[c] = 0;
            best = engine.run(bookers);
        }
        return best;
    }

    private static double firstShort(ScheduleEngine.Run run, int c) {
        double total = 0;
        for (int d = 0; d < run.days; d++) {
            for (int r = 0; r < run.regions; r++) {
                for (int b = 0; b < run.brands; b++) {
                    total += run.firstShort(c, r, b, d);
                }
            }
        }
        return total;
    }

    /**
     * One to three regions, three brands, sites closed on some weekdays, three to twelve cohorts whose periods
     * overlap or follow one another, deliveries scattered over six weeks (some short), now and then a transfer and
     * second doses held or not.
     */
    private static Plan generated(Random random) {
        List<String> regionNames = List.of("North", "South", "East").subList(0, 1 + random.nextInt(3));
        List<Region> regions = new ArrayList<>();
        List<SiteGroup> sites = new ArrayList<>();
        for (String name : regionNames) {
            regions.add(new Region(name, 500 + random.nextInt(2000)));
            sites.add(site(name + " centre", name, 50 + random.nextInt(300), Set.of("Pfizer", "Moderna"),
                    DayOfWeek.of(1 + random.nextInt(7))));
            if (random.nextBoolean()) {
                sites.add(site(name + " clinic", name, 20 + random.nextInt(150), Set.of("Pfizer", "Janssen")));
            }
        }
        List<Cohort> cohorts = new ArrayList<>();
        int count = 3 + random.nextInt(10);
        for (int c = 0; c < count; c++) {
            LocalDate first = MONDAY.plusDays(random.nextInt(30));
            Map<String, Double> brands = new LinkedHashMap<>();
            double pfizer = random.nextInt(11) / 10.0;
            brands.put("Pfizer", pfizer);
            if (pfizer < 1) {
                double moderna = random.nextInt((int) Math.round((1 - pfizer) * 10) + 1) / 10.0;
                if (moderna > 0) {
                    brands.put("Moderna", moderna);
                }
                if (1 - pfizer - moderna > 1e-9) {
                    brands.put("Janssen", 1 - pfizer - moderna);
                }
            }
            brands.values().removeIf(share -> share <= 0);
            cohorts.add(cohort("c" + c, 1950 + c, 1950 + c, 200 + random.nextInt(3000), first,
                    first.plusDays(random.nextInt(21)), brands));
        }
        Collections.shuffle(cohorts, random);
        List<Delivery> deliveries = new ArrayList<>();
        String[] brandNames = {"Pfizer", "Moderna", "Janssen"};
        for (int d = 0; d < 2 + random.nextInt(8); d++) {
            deliveries.add(delivery("D" + d, brandNames[random.nextInt(3)], 100 + random.nextInt(4000),
                    MONDAY.minusDays(3).plusDays(random.nextInt(45))));
        }
        List<Transfer> transfers = new ArrayList<>();
        if (regionNames.size() > 1 && random.nextBoolean()) {
            transfers.add(new Transfer("T1", "Pfizer", 50 + random.nextInt(500), regionNames.get(0),
                    regionNames.get(1), MONDAY.plusDays(random.nextInt(20)), random.nextInt(3), ""));
        }
        return new Plan("generated", "", ZoneId.of("Asia/Seoul"), cohorts, List.of(pfizer(), moderna(), janssen()),
                deliveries, sites, bookingSystem(), List.of(), regions, population(),
                new PlanSettings(random.nextBoolean(), 0.0), 0, transfers, List.of());
    }
}
