package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortFamilies;

/**
 * The daily schedule of a plan: per day, region, cohort, brand and dose the appointments, capacity, stock and
 * shortage; per brand and day the stock line; the shortages; the dose-2 guard's warnings; and when each group of
 * people gets its second dose.
 */
public final class Schedule {
    private final Plan plan;
    private final List<ScheduleRow> rows;
    private final List<BrandDay> brandDays;
    private final List<Shortage> shortages;
    private final List<SecondDoseWarning> warnings;
    private final List<SecondDoseGroup> secondDoses;
    private final Map<LocalDate, Long> siteCapacity;
    private List<Unscheduled> unscheduled = List.of();

    private Schedule(Plan plan, List<ScheduleRow> rows, List<BrandDay> brandDays, List<Shortage> shortages,
            List<SecondDoseWarning> warnings, List<SecondDoseGroup> secondDoses, Map<LocalDate, Long> siteCapacity) {
        this.plan = plan;
        this.rows = Collections.unmodifiableList(rows);
        this.brandDays = Collections.unmodifiableList(brandDays);
        this.shortages = Collections.unmodifiableList(shortages);
        this.warnings = Collections.unmodifiableList(warnings);
        this.secondDoses = Collections.unmodifiableList(secondDoses);
        this.siteCapacity = Collections.unmodifiableMap(siteCapacity);
    }

    /** Builds the schedule with every cohort's expected bookers (eligible × uptake). */
    public static Schedule of(Plan plan) {
        ScheduleEngine engine = new ScheduleEngine(plan);
        double[] bookers = engine.expectedBookers();
        Schedule schedule = from(engine, engine.run(bookers));
        schedule.unscheduled = unscheduled(engine, bookers, schedule.rows);
        return schedule;
    }

    /** Per cohort, expected bookers against first doses; per cohort and two-dose brand, first against second doses. */
    private static List<Unscheduled> unscheduled(ScheduleEngine engine, double[] bookers, List<ScheduleRow> rows) {
        Map<String, long[]> byCohort = new java.util.HashMap<>();
        for (ScheduleRow row : rows) {
            long[] doses = byCohort.computeIfAbsent(row.cohortId() + "\u0000" + row.brand(), k -> new long[4]);
            // Second doses follow the first doses given: people short of a first dose are already a shortage.
            doses[row.dose() - 1] += row.appointments();
            doses[row.dose() + 1] += row.dose() == 1 ? row.appointments() - row.shortage() : 0;
        }
        List<Unscheduled> result = new ArrayList<>();
        Map<String, Integer> scheduled = new java.util.HashMap<>();
        for (int c = 0; c < engine.cohorts.size(); c++) {
            scheduled.put(engine.cohorts.get(c).id(), c);
        }
        // Every cohort that books, also those the schedule cannot place at all (a period that ends before it starts).
        for (Cohort cohort : CohortFamilies.bookingCohorts(engine.plan)) {
            Integer c = scheduled.get(cohort.id());
            long first = 0;
            List<Unscheduled> seconds = new ArrayList<>();
            for (var brand : engine.brands) {
                long[] doses = byCohort.getOrDefault(cohort.id() + "\u0000" + brand.name(), new long[4]);
                first += doses[0];
                if (brand.needsSecondDose() && doses[2] != doses[1]) {
                    seconds.add(new Unscheduled(cohort.id(), cohort.name(), brand.name(), 2, doses[2] - doses[1]));
                }
            }
            long expected = c == null ? cohort.expectedBookers() : Math.round(bookers[c]);
            if (expected != first) {
                result.add(new Unscheduled(cohort.id(), cohort.name(), null, 1, expected - first));
            }
            result.addAll(seconds);
        }
        return List.copyOf(result);
    }

    /**
     * People who get no dose on their appointment day over the whole campaign, unrounded, without building the rows:
     * for weighing many variants of a plan quickly.
     */
    public static double peopleShort(Plan plan) {
        ScheduleEngine engine = new ScheduleEngine(plan);
        return engine.run(engine.expectedBookers()).peopleShort();
    }

    static Schedule from(ScheduleEngine engine, ScheduleEngine.Run run) {
        List<ScheduleRow> rows = new ArrayList<>();
        List<Shortage> shortages = new ArrayList<>();
        List<SecondDoseGroup> secondDoses = new ArrayList<>();
        int days = engine.days;
        int brandCount = engine.brands.size();
        long[][] peopleShort = new long[brandCount][days];
        long[][] dosesShort = new long[brandCount][days];
        long[][] due = new long[brandCount][days];
        // Rounded along running totals, so that a cohort's first doses add up to its people rounded once, and a
        // brand's second doses to its first doses given, instead of each cell's rounding error adding up.
        double[][] firstRunning = new double[engine.cohorts.size()][brandCount];
        long[][] firstRounded = new long[engine.cohorts.size()][brandCount];
        double[][] secondRunning = new double[engine.cohorts.size()][brandCount];
        long[][] secondRounded = new long[engine.cohorts.size()][brandCount];
        for (int d = 0; d < days; d++) {
            LocalDate day = engine.day(d);
            for (int r = 0; r < engine.regions.size(); r++) {
                String region = engine.regions.get(r);
                for (int c = 0; c < engine.cohorts.size(); c++) {
                    String cohortId = engine.cohorts.get(c).id();
                    for (int b = 0; b < brandCount; b++) {
                        String brand = engine.brands.get(b).name();
                        long capacity = Math.round(engine.brandCapacity[r][b][d]);
                        long stock = Math.round(run.free[b][d]);
                        long reserved = Math.round(run.held[b][d]);
                        firstRunning[c][b] += run.firstBooked[d][run.cell(c, r, b)];
                        long booked = Math.round(firstRunning[c][b]) - firstRounded[c][b];
                        firstRounded[c][b] += booked;
                        if (booked > 0) {
                            long ofDoses = Math.round(run.firstShortOfDoses[d][run.cell(c, r, b)]);
                            long ofCapacity = Math.round(run.firstShortOfCapacity[d][run.cell(c, r, b)]);
                            long shortage = Math.min(booked, Math.round(run.firstShort(c, r, b, d)));
                            rows.add(new ScheduleRow(day, region, cohortId, brand, 1, booked, capacity, stock,
                                    shortage, reserved));
                            due[b][d] += booked;
                            if (shortage > 0) {
                                long doses = ofDoses * engine.dosesPerFirstDose[b];
                                shortages.add(new Shortage(day, region, cohortId, brand, 1, shortage, ofDoses,
                                        ofCapacity, doses));
                                peopleShort[b][d] += shortage;
                                dosesShort[b][d] += doses;
                            }
                        }
                        secondRunning[c][b] += run.secondDue[d][run.cell(c, r, b)];
                        long second = Math.round(secondRunning[c][b]) - secondRounded[c][b];
                        secondRounded[c][b] += second;
                        if (second > 0) {
                            long ofDoses = Math.round(run.secondShortOfDoses[d][run.cell(c, r, b)]);
                            long shortage = Math.min(second, Math.round(run.secondShort(c, r, b, d)));
                            rows.add(new ScheduleRow(day, region, cohortId, brand, 2, second, capacity, stock,
                                    shortage, reserved));
                            due[b][d] += second;
                            if (shortage > 0) {
                                shortages.add(new Shortage(day, region, cohortId, brand, 2, shortage, ofDoses,
                                        Math.max(0, shortage - ofDoses), ofDoses));
                                peopleShort[b][d] += shortage;
                                dosesShort[b][d] += ofDoses;
                            }
                        }
                        double firstGiven = run.firstGiven[d][run.cell(c, r, b)];
                        int secondDay = engine.secondDoseDay[r][b][d];
                        if (firstGiven >= 0.5 && secondDay >= 0) {
                            secondDoses.add(new SecondDoseGroup(cohortId, region, brand, day,
                                    engine.day(secondDay), Math.round(firstGiven)));
                        }
                    }
                }
            }
        }
        List<BrandDay> brandDays = new ArrayList<>();
        for (int b = 0; b < brandCount; b++) {
            for (int d = 0; d < days; d++) {
                double capacity = 0;
                for (int r = 0; r < engine.regions.size(); r++) {
                    capacity += engine.brandCapacity[r][b][d];
                }
                brandDays.add(new BrandDay(engine.day(d), engine.brands.get(b).name(),
                        Math.round(engine.arrivals[b][d]), due[b][d], Math.round(run.given[b][d]),
                        Math.round(run.free[b][d]), Math.round(run.held[b][d]), Math.round(capacity),
                        peopleShort[b][d], dosesShort[b][d]));
            }
        }
        Map<LocalDate, Long> siteCapacity = new TreeMap<>();
        for (int d = 0; d < days; d++) {
            double capacity = 0;
            for (int r = 0; r < engine.regions.size(); r++) {
                capacity += engine.regionCapacity[r][d];
            }
            siteCapacity.put(engine.day(d), Math.round(capacity));
        }
        return new Schedule(engine.plan, rows, brandDays, shortages, secondDoseWarnings(engine, shortages),
                secondDoses, siteCapacity);
    }

    private static List<SecondDoseWarning> secondDoseWarnings(ScheduleEngine engine, List<Shortage> shortages) {
        List<SecondDoseWarning> warnings = new ArrayList<>();
        for (Cohort cohort : engine.cohorts) {
            for (var brand : engine.brands) {
                long people = 0;
                LocalDate first = null;
                for (Shortage shortage : shortages) {
                    if (shortage.dose() == 2 && shortage.cohortId().equals(cohort.id())
                            && shortage.brand().equals(brand.name())) {
                        people += shortage.people();
                        first = first == null || shortage.day().isBefore(first) ? shortage.day() : first;
                    }
                }
                if (people > 0) {
                    warnings.add(new SecondDoseWarning(cohort.id(), cohort.name(), cohort.window().opens(),
                            brand.name(), people, first));
                }
            }
        }
        return warnings;
    }

    /** Doses all open site groups together can give on each day of the campaign. */
    public Map<LocalDate, Long> siteCapacity() {
        return siteCapacity;
    }

    public Plan plan() {
        return plan;
    }

    /** One row per day, region, cohort, brand and dose with appointments, in day order. */
    public List<ScheduleRow> rows() {
        return rows;
    }

    /** Per brand, one entry per day of the campaign. */
    public List<BrandDay> brandDays() {
        return brandDays;
    }

    public List<BrandDay> brandDays(String brand) {
        return brandDays.stream().filter(b -> b.brand().equals(brand)).toList();
    }

    public List<Shortage> shortages() {
        return shortages;
    }

    public List<SecondDoseWarning> secondDoseWarnings() {
        return warnings;
    }

    /** Every group of people with a first dose, with their second-dose day. */
    public List<SecondDoseGroup> secondDoses() {
        return secondDoses;
    }

    /** People who get no dose on their appointment day, over the whole campaign. */
    public long peopleShort() {
        return shortages.stream().mapToLong(Shortage::people).sum();
    }

    public long dosesShort() {
        return shortages.stream().mapToLong(Shortage::doses).sum();
    }

    /**
     * People the schedule does not account for (see {@link Unscheduled}); empty when every expected booker has a
     * first-dose appointment and every first dose of a two-dose brand a second.
     */
    public List<Unscheduled> unscheduled() {
        return unscheduled;
    }

    public boolean hasShortage() {
        return !shortages.isEmpty();
    }
}
