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
    private final List<String> regions;
    private final List<RegionStockDay> regionStock;
    private final List<DeliveryAllotment> allotments;
    private final List<PlannedTransfer> transfers;
    private List<Unscheduled> unscheduled = List.of();

    private Schedule(Plan plan, List<ScheduleRow> rows, List<BrandDay> brandDays, List<Shortage> shortages,
            List<SecondDoseWarning> warnings, List<SecondDoseGroup> secondDoses, Map<LocalDate, Long> siteCapacity,
            List<String> regions, List<RegionStockDay> regionStock, List<DeliveryAllotment> allotments,
            List<PlannedTransfer> transfers) {
        this.plan = plan;
        this.regions = List.copyOf(regions);
        this.regionStock = Collections.unmodifiableList(regionStock);
        this.allotments = List.copyOf(allotments);
        this.transfers = List.copyOf(transfers);
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
        RunRows rows = new RunRows(engine, run).add();
        return new Schedule(engine.plan, rows.rows, brandDays(engine, run, rows), rows.shortages,
                secondDoseWarnings(engine, rows.shortages), rows.secondDoses, siteCapacity(engine), engine.regions,
                regionStock(engine, run, rows), engine.allotments, transfers(engine, run));
    }

    private static List<BrandDay> brandDays(ScheduleEngine engine, ScheduleEngine.Run run, RunRows rows) {
        List<BrandDay> brandDays = new ArrayList<>();
        for (int b = 0; b < engine.brands.size(); b++) {
            for (int d = 0; d < engine.days; d++) {
                double capacity = 0;
                for (int r = 0; r < engine.regions.size(); r++) {
                    capacity += engine.brandCapacity[r][b][d];
                }
                brandDays.add(new BrandDay(engine.day(d), engine.brands.get(b).name(),
                        Math.round(engine.arrivals[b][d]), rows.due[b][d], Math.round(run.given[b][d]),
                        Math.round(run.free[b][d]), Math.round(run.held[b][d]), Math.round(capacity),
                        rows.peopleShort[b][d], rows.dosesShort[b][d]));
            }
        }
        return brandDays;
    }

    private static Map<LocalDate, Long> siteCapacity(ScheduleEngine engine) {
        Map<LocalDate, Long> siteCapacity = new TreeMap<>();
        for (int d = 0; d < engine.days; d++) {
            double capacity = 0;
            for (int r = 0; r < engine.regions.size(); r++) {
                capacity += engine.regionCapacity[r][d];
            }
            siteCapacity.put(engine.day(d), Math.round(capacity));
        }
        return siteCapacity;
    }

    private static List<RegionStockDay> regionStock(ScheduleEngine engine, ScheduleEngine.Run run, RunRows rows) {
        List<RegionStockDay> regionStock = new ArrayList<>();
        for (int r = 0; r < engine.regions.size(); r++) {
            for (int b = 0; b < engine.brands.size(); b++) {
                for (int d = 0; d < engine.days; d++) {
                    int cell = run.stockCell(r, b);
                    regionStock.add(new RegionStockDay(engine.day(d), engine.regions.get(r),
                            engine.brands.get(b).name(), Math.round(engine.allotted[r][b][d]),
                            Math.round(run.transferredIn[d][cell]), Math.round(run.transferredOut[d][cell]),
                            rows.regionDue[r][b][d], Math.round(run.regionGiven[d][cell]),
                            Math.round(run.regionFree[d][cell]), Math.round(run.regionHeld[d][cell]),
                            Math.round(engine.brandCapacity[r][b][d]), rows.regionPeopleShort[r][b][d],
                            rows.regionDosesShort[r][b][d]));
                }
            }
        }
        return regionStock;
    }

    private static List<PlannedTransfer> transfers(ScheduleEngine engine, ScheduleEngine.Run run) {
        List<PlannedTransfer> transfers = new ArrayList<>();
        for (int t = 0; t < engine.moves.size(); t++) {
            ScheduleEngine.Move move = engine.moves.get(t);
            transfers.add(new PlannedTransfer(move.transfer().id(), move.transfer().brand(),
                    move.transfer().fromRegion(), move.transfer().toRegion(), move.transfer().shipped(),
                    move.transfer().usableFrom(), move.transfer().doses(), Math.round(run.sent[t])));
        }
        return transfers;
    }

    /** The regions of the schedule: the plan's, then any a site group names that the plan does not list. */
    public List<String> regions() {
        return regions;
    }

    /** Per region, brand and day (in that order) the region's stock line. */
    public List<RegionStockDay> regionStock() {
        return regionStock;
    }

    /** One region's stock lines, every brand, in brand then day order. */
    public List<RegionStockDay> regionStock(String region) {
        return regionStock.stream().filter(s -> s.region().equals(region)).toList();
    }

    /** One region's stock line of one brand, in day order. */
    public List<RegionStockDay> regionStock(String region, String brand) {
        return regionStock.stream().filter(s -> s.region().equals(region) && s.brand().equals(brand)).toList();
    }

    /** Per region and brand with someone short: the days, people and doses (regions and brands in plan order). */
    public List<RegionShortage> regionShortages() {
        List<RegionShortage> result = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        long people = 0;
        long ofDoses = 0;
        long doses = 0;
        RegionStockDay previous = null;
        for (RegionStockDay day : regionStock) {
            boolean next = previous != null && !(previous.region().equals(day.region())
                    && previous.brand().equals(day.brand()));
            if (next && people > 0) {
                result.add(new RegionShortage(previous.region(), previous.brand(), first, last, people, ofDoses,
                        doses));
            }
            if (next) {
                first = null;
                people = 0;
                ofDoses = 0;
                doses = 0;
            }
            if (day.peopleShort() > 0) {
                first = first == null ? day.day() : first;
                last = day.day();
                people += day.peopleShort();
                doses += day.dosesShort();
            }
            previous = day;
        }
        if (previous != null && people > 0) {
            result.add(new RegionShortage(previous.region(), previous.brand(), first, last, people, ofDoses, doses));
        }
        return addForWantOfDoses(result);
    }

    private List<RegionShortage> addForWantOfDoses(List<RegionShortage> byRegion) {
        Map<String, Long> ofDoses = new java.util.HashMap<>();
        for (Shortage shortage : shortages) {
            ofDoses.merge(shortage.region() + "\u0000" + shortage.brand(), shortage.forWantOfDoses(), Long::sum);
        }
        return byRegion.stream().map(s -> new RegionShortage(s.region(), s.brand(), s.firstDay(), s.lastDay(),
                s.people(), ofDoses.getOrDefault(s.region() + "\u0000" + s.brand(), 0L), s.doses())).toList();
    }

    /** Each delivery the schedule counts (not cancelled, usable within the campaign) with its doses per region. */
    public List<DeliveryAllotment> allotments() {
        return allotments;
    }

    /** The plan's transfers the schedule carries out, with the doses actually sent. */
    public List<PlannedTransfer> transfers() {
        return transfers;
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
