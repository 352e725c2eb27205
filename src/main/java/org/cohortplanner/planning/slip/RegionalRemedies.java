package org.cohortplanner.planning.slip;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.RegionStockDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.schedule.Shortage;

/**
 * Regional remedies for a slip: brand swaps limited to the regions and days that need them, with or without moving
 * doses of the short brand between regions, and transfers alone ({@link RegionalSwapOptimiser} chooses). A swap is
 * written as allocation rules of the cohort (one per set of regions with the same days and shares; site groups that
 * cannot give the new brand keep the cohort's brands), a move as transfers; the plan is checked by its schedule.
 */
final class RegionalRemedies {
    /** Days a suggested transfer takes from shipping to use: the distribution estimate of the samples' lead times. */
    static final int TRANSFER_DAYS = 1;
    /**
     * Short cohort × region × brand rows times days beyond which the regional optimiser is not tried (its model
     * grows with their square): the national swaps, later periods and longer intervals are still suggested. The July
     * 2021 slip has 17 rows over 100 days; a slip that leaves 2,000 cohorts short over 200 days is beyond it.
     */
    static final long LARGEST_PROBLEM = 60_000;
    private static final double[] MARGINS = {1.0, 1.05, 1.1, 1.25, 1.5, 2.0};

    private final SlipImpact impact;
    private final Plan plan;
    private final Schedule schedule;
    private final List<String> regions;
    private final List<VaccineBrand> brands;
    private final LocalDate start;
    private final int days;

    private RegionalRemedies(SlipImpact impact) {
        this.impact = impact;
        this.plan = impact.planAfter();
        this.schedule = impact.scheduleAfter();
        this.regions = schedule.regions();
        this.brands = plan.brands();
        List<RegionStockDay> stock = schedule.regionStock();
        this.start = stock.isEmpty() ? null : stock.get(0).day();
        this.days = start == null ? 0 : (int) stock.stream().filter(s -> s.region().equals(stock.get(0).region())
                && s.brand().equals(stock.get(0).brand())).count();
    }

    static List<Suggestion> of(SlipImpact impact, double before, double after) {
        RegionalRemedies remedies = new RegionalRemedies(impact);
        if (remedies.days == 0) {
            return List.of();
        }
        RegionalSwapProblem problem = remedies.problem();
        if (problem == null || (long) problem.rows().size() * remedies.days > LARGEST_PROBLEM) {
            return List.of();
        }
        List<Suggestion> suggestions = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<RegionalSwapProblem> variants = List.of(problem, problem.withoutTransfers(),
                new RegionalSwapProblem(problem.rows(), problem.booked(), problem.shortPeople(), List.of(),
                        problem.headroom(), problem.capacity(), problem.dosesAtFirst(), problem.laterDoseAfter(),
                        problem.transferable(), problem.shipDay(), problem.transferDays()));
        for (RegionalSwapProblem variant : variants) {
            if (variant.options().isEmpty() && !anyTrue(variant.transferable())) {
                continue;
            }
            RegionalSwapPlan solution = RegionalSwapOptimiser.solve(variant, false);
            Suggestion suggestion = remedies.suggestion(variant, solution, before, after);
            if (suggestion != null && seen.add(suggestion.regions().toString())) {
                suggestions.add(suggestion);
            }
        }
        return suggestions;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean value : values) {
            if (value) {
                return true;
            }
        }
        return false;
    }

    private int day(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(start, date);
    }

    private int brand(String name) {
        for (int b = 0; b < brands.size(); b++) {
            if (brands.get(b).name().equals(name)) {
                return b;
            }
        }
        return -1;
    }

    /** The shortage the slip adds, per cohort, region and short brand, with the people booked for that brand. */
    private RegionalSwapProblem problem() {
        ShortRows found = shortRows();
        List<RegionalSwapProblem.Row> rows = found.rows();
        if (rows.isEmpty() || (long) rows.size() * days > LARGEST_PROBLEM) {
            return null;
        }
        double[][] shortArray = found.shortPeople().toArray(new double[0][]);
        double[][] booked = booked(found, shortArray);
        List<RegionalSwapProblem.Option> options = options(rows, found.cohortIds());
        double[][][] headroom = new double[regions.size()][brands.size()][days];
        double[][][] capacity = new double[regions.size()][brands.size()][days];
        for (RegionStockDay day : schedule.regionStock()) {
            int r = regions.indexOf(day.region());
            int b = brand(day.brand());
            int d = day(day.day());
            headroom[r][b][d] = day.stock();
            capacity[r][b][d] = Math.max(0, day.capacity() - day.given());
        }
        boolean reserve = plan.settings().reserveSecondDose();
        int[] dosesAtFirst = SwapArithmetic.dosesAtFirst(brands, reserve);
        int[] laterDoseAfter = SwapArithmetic.laterDoseAfter(brands, reserve);
        boolean[] transferable = new boolean[brands.size()];
        // Doses can only be moved between two regions or more.
        for (RegionalSwapProblem.Row row : rows) {
            transferable[row.brand()] = regions.size() > 1;
        }
        this.cohortIds = found.cohortIds();
        return new RegionalSwapProblem(rows, booked, shortArray, options, headroom, capacity, dosesAtFirst,
                laterDoseAfter, transferable, Math.max(0, found.firstShort() - TRANSFER_DAYS), TRANSFER_DAYS);
    }

    /**
     * The rows of the problem: per cohort, region and short brand the people the slip leaves short each day.
     *
     * @param rowOf      the row of each (cohort id, region, brand)
     * @param lastShort  per cohort id, the last day someone of it is short
     * @param firstShort the first day anyone is short
     */
    private record ShortRows(List<RegionalSwapProblem.Row> rows, List<double[]> shortPeople, List<String> cohortIds,
            Map<List<Object>, Integer> rowOf, Map<String, Integer> lastShort, int firstShort) {
    }

    private ShortRows shortRows() {
        Map<List<Object>, double[]> shortByRow = new LinkedHashMap<>();
        addShort(impact.scheduleAfter(), shortByRow, 1);
        addShort(impact.scheduleBefore(), shortByRow, -1);
        List<RegionalSwapProblem.Row> rows = new ArrayList<>();
        List<double[]> shortPeople = new ArrayList<>();
        List<String> cohortIds = new ArrayList<>();
        Map<List<Object>, Integer> rowOf = new HashMap<>();
        Map<String, Integer> lastShort = new HashMap<>();
        int firstShort = Integer.MAX_VALUE;
        for (Map.Entry<List<Object>, double[]> entry : shortByRow.entrySet()) {
            double[] people = entry.getValue();
            double total = 0;
            for (int d = 0; d < people.length; d++) {
                people[d] = Math.max(0, people[d]);
                total += people[d];
                if (people[d] > 0) {
                    firstShort = Math.min(firstShort, d);
                    lastShort.merge((String) entry.getKey().get(0), d, Math::max);
                }
            }
            if (total < 0.5) {
                continue;
            }
            String cohortId = (String) entry.getKey().get(0);
            int c = cohortIds.indexOf(cohortId);
            if (c < 0) {
                c = cohortIds.size();
                cohortIds.add(cohortId);
            }
            rowOf.put(entry.getKey(), rows.size());
            rows.add(new RegionalSwapProblem.Row(c, regions.indexOf((String) entry.getKey().get(1)),
                    brand((String) entry.getKey().get(2))));
            shortPeople.add(people);
        }
        return new ShortRows(rows, shortPeople, cohortIds, rowOf, lastShort, firstShort);
    }

    /** [row][day]: the first doses booked of each row's cohort, region and brand that a swap may take, or its short. */
    private double[][] booked(ShortRows found, double[][] shortArray) {
        double[][] booked = new double[found.rows().size()][days];
        for (ScheduleRow row : schedule.rows()) {
            if (row.dose() != 1) {
                continue;
            }
            Integer k = found.rowOf().get(List.of(row.cohortId(), row.region(), row.brand()));
            if (k == null) {
                continue;
            }
            int d = day(row.day());
            Cohort cohort = plan.cohort(row.cohortId()).orElseThrow();
            // A swap may take people from the first day of the period up to the last day someone of it is short.
            if (d < day(cohort.vaccinationPeriod().firstDay()) || d > found.lastShort().get(row.cohortId())) {
                continue;
            }
            booked[k][d] += row.appointments();
        }
        for (int k = 0; k < found.rows().size(); k++) {
            for (int d = 0; d < days; d++) {
                booked[k][d] = Math.max(booked[k][d], shortArray[k][d]);
            }
        }
        return booked;
    }

    /** Per row, each other brand the cohort may be given in the region, outside any allocation rule of it there. */
    private List<RegionalSwapProblem.Option> options(List<RegionalSwapProblem.Row> rows, List<String> cohortIds) {
        List<RegionalSwapProblem.Option> options = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            RegionalSwapProblem.Row row = rows.get(k);
            Cohort cohort = plan.cohort(cohortIds.get(row.cohort())).orElseThrow();
            String region = regions.get(row.region());
            boolean ruled = plan.allocationRulesOf(cohort.id()).stream().anyMatch(r -> r.regions().contains(region));
            for (int b = 0; b < brands.size(); b++) {
                if (b != row.brand() && !ruled && SlipSuggestions.mayBeGiven(plan, cohort, brands.get(b))
                        && givenIn(region, brands.get(b))) {
                    options.add(new RegionalSwapProblem.Option(k, b,
                            1 - keptShare(region, brands.get(b), new LinkedHashSet<>())));
                }
            }
        }
        return options;
    }

    private List<String> cohortIds = List.of();

    private void addShort(Schedule from, Map<List<Object>, double[]> byRow, int sign) {
        for (Shortage shortage : from.shortages()) {
            if (shortage.dose() != 1 || shortage.forWantOfDoses() == 0) {
                continue;
            }
            int d = day(shortage.day());
            if (d < 0 || d >= days) {
                continue;
            }
            byRow.computeIfAbsent(List.of(shortage.cohortId(), shortage.region(), shortage.brand()),
                    k -> new double[days])[d] += sign * shortage.forWantOfDoses();
        }
    }

    private boolean givenIn(String region, VaccineBrand brand) {
        return plan.sites().stream().anyMatch(site -> site.region().equals(region) && canGive(site, brand)
                && site.dosesPerDay() > 0);
    }

    private static boolean canGive(SiteGroup site, VaccineBrand brand) {
        return site.gives(brand.name()) && (brand.siteKinds().isEmpty() || brand.siteKinds().contains(site.kind()));
    }

    // ---------------------------------------------------------------------------------------------- the plan

    private record Candidate(Plan plan, List<RegionChange> changes, long moved, int rules, double stillShort) {
    }

    private Suggestion suggestion(RegionalSwapProblem problem, RegionalSwapPlan solution, double before,
            double after) {
        if (solution.peopleMoved() < 0.5 && total(solution.sent()) < 0.5) {
            return null;
        }
        Candidate best = null;
        for (double margin : MARGINS) {
            Candidate candidate = candidate(problem, solution, margin, before);
            if (candidate == null) {
                break;
            }
            if (candidate.stillShort >= after - before - 0.5) {
                continue;
            }
            if (best == null || candidate.stillShort < best.stillShort - 0.5) {
                best = candidate;
            }
            if (best.stillShort < 0.5) {
                break;
            }
        }
        if (best == null) {
            return null;
        }
        long still = Math.round(best.stillShort);
        boolean swap = best.rules > 0;
        // People moved as the schedule of the new plan has them: whose first-dose brand or day changes.
        Schedule fixed = Schedule.of(best.plan);
        long moved = 0;
        for (String cohortId : cohortIds) {
            moved += SlipSuggestions.changedPeople(schedule, fixed, cohortId, null, null).stream()
                    .mapToLong(RegionChange::people).sum();
        }
        List<Phrase> described = new ArrayList<>();
        for (RegionChange change : best.changes) {
            described.add(change.fromRegion() == null
                    ? Phrase.of("slip.regional.swap", change.brandAfter(), change.brandBefore(),
                            plan.cohort(change.cohortId()).map(Cohort::name).orElse(change.cohortId()),
                            new Phrase.Region(change.region()),
                            change.firstDay(), change.lastDay(), new Phrase.Count(change.people()))
                    : Phrase.of("slip.regional.transfer", new Phrase.Count(change.doses()), change.brandAfter(),
                            new Phrase.Region(change.fromRegion()), new Phrase.Region(change.region()),
                            change.firstDay(), change.lastDay()));
        }
        Set<String> swapped = new java.util.TreeSet<>();
        Set<String> receiving = new java.util.TreeSet<>();
        for (RegionChange change : best.changes) {
            (change.fromRegion() == null ? swapped : receiving).add(change.region());
        }
        Set<String> given = new java.util.TreeSet<>();
        Set<String> replaced = new java.util.TreeSet<>();
        for (RegionChange change : best.changes) {
            if (change.fromRegion() == null) {
                given.add(change.brandAfter());
                replaced.add(change.brandBefore());
            }
        }
        Phrase summary = !swap ? Phrase.of("slip.regional.transfersTitle", Phrase.regions(receiving, "/"))
                : receiving.isEmpty()
                ? Phrase.of("slip.regional.swapTitle", String.join("/", given), String.join("/", replaced),
                        Phrase.regions(swapped, "/"))
                : Phrase.of("slip.regional.swapWithTransfersTitle", String.join("/", given),
                        String.join("/", replaced), Phrase.regions(swapped, "/"), receiving.size());
        return new Suggestion(swap ? Suggestion.Kind.BRAND_SWAP : Suggestion.Kind.TRANSFER, summary, described,
                new Effect(moved, still, 0, best.rules, still), best.plan, best.changes);
    }

    private static double total(double[][][] sent) {
        double total = 0;
        for (double[][] brand : sent) {
            for (double[] from : brand) {
                for (double doses : from) {
                    total += doses;
                }
            }
        }
        return total;
    }

    private Candidate candidate(RegionalSwapProblem problem, RegionalSwapPlan solution, double margin, double before) {
        List<RegionChange> changes = new ArrayList<>();
        // Per row: the share of its booked people in the swap days that get each other brand.
        Map<Integer, Map<Integer, Double>> movedByRow = new TreeMap<>();
        Map<Integer, int[]> daysByRow = new TreeMap<>();
        movedByRow(problem, solution, movedByRow, daysByRow);
        long moved = 0;
        Map<List<Object>, Set<String>> regionsByRule = new LinkedHashMap<>();
        Map<List<Object>, Set<String>> exceptByRule = new LinkedHashMap<>();
        for (Map.Entry<Integer, Map<Integer, Double>> entry : movedByRow.entrySet()) {
            moved += swapRow(problem, entry.getKey(), entry.getValue(), daysByRow.get(entry.getKey()), margin,
                    changes, regionsByRule, exceptByRule);
        }
        List<AllocationRule> rules = new ArrayList<>(plan.allocationRules());
        int number = 0;
        for (Map.Entry<List<Object>, Set<String>> entry : regionsByRule.entrySet()) {
            List<Object> key = entry.getKey();
            number++;
            rules.add(new AllocationRule(uniqueRuleId(plan, "slip-swap-" + number), (String) key.get(0),
                    entry.getValue(), start.plusDays((Integer) key.get(1)), start.plusDays((Integer) key.get(2)),
                    new BrandAllocation(sharesByKey.get(key)), exceptByRule.get(key), impact.reason()));
        }
        List<Transfer> transfers = transfers(problem, solution, margin, changes);
        if (changes.isEmpty()) {
            return null;
        }
        Plan candidate = plan.withAllocationRules(rules).withTransfers(transfers);
        return new Candidate(candidate, changes, moved, regionsByRule.size(),
                Math.max(0, Schedule.peopleShort(candidate) - before));
    }

    /** Per row, the people the solution moves to each other brand, and the first and last day it moves any. */
    private void movedByRow(RegionalSwapProblem problem, RegionalSwapPlan solution,
            Map<Integer, Map<Integer, Double>> movedByRow, Map<Integer, int[]> daysByRow) {
        for (int o = 0; o < problem.options().size(); o++) {
            RegionalSwapProblem.Option option = problem.options().get(o);
            for (int d = 0; d < days; d++) {
                double people = solution.people()[o][d];
                if (people < 0.5) {
                    continue;
                }
                movedByRow.computeIfAbsent(option.row(), k -> new TreeMap<>()).merge(option.brand(), people,
                        Double::sum);
                int today = d;
                int[] range = daysByRow.computeIfAbsent(option.row(), k -> new int[] {today, today});
                range[0] = Math.min(range[0], d);
                range[1] = Math.max(range[1], d);
            }
        }
    }

    /**
     * The allocation rule of one row (its cohort in its region over {@code range}), grouped with the rows whose rule
     * has the same cohort, days and shares, and the changes it makes; returns the people it moves.
     */
    private long swapRow(RegionalSwapProblem problem, int k, Map<Integer, Double> movedByBrand, int[] range,
            double margin, List<RegionChange> changes, Map<List<Object>, Set<String>> regionsByRule,
            Map<List<Object>, Set<String>> exceptByRule) {
        RegionalSwapProblem.Row row = problem.rows().get(k);
        Cohort cohort = plan.cohort(cohortIds.get(row.cohort())).orElseThrow();
        String region = regions.get(row.region());
        double bookedInRange = 0;
        for (int d = range[0]; d <= range[1]; d++) {
            bookedInRange += problem.booked()[k][d];
        }
        if (bookedInRange <= 0) {
            return 0;
        }
        long moved = 0;
        Set<String> except = new LinkedHashSet<>();
        Map<String, Double> shares = new LinkedHashMap<>(cohort.brands().shares());
        double taken = 0;
        Map<String, Double> newShares = new LinkedHashMap<>();
        for (Map.Entry<Integer, Double> byBrand : movedByBrand.entrySet()) {
            VaccineBrand brand = brands.get(byBrand.getKey());
            double kept = keptShare(region, brand, except);
            double share = Math.min(1, byBrand.getValue() * margin / bookedInRange / Math.max(1e-9, 1 - kept));
            if (share > 0.995) {
                share = 1;
            }
            newShares.merge(brand.name(), share, Double::sum);
            taken += share;
            long people = Math.round(Math.min(byBrand.getValue() * margin, bookedInRange));
            moved += people;
            changes.add(new RegionChange(region, cohort.id(), brands.get(row.brand()).name(), brand.name(),
                    start.plusDays(range[0]), start.plusDays(range[1]), people, null, 0));
        }
        double scale = Math.max(0, 1 - Math.min(1, taken));
        double spread = Math.max(1, taken);
        Map<String, Double> ruleShares = new LinkedHashMap<>();
        shares.forEach((name, share) -> ruleShares.put(name, round(share * scale)));
        newShares.forEach((name, share) -> ruleShares.merge(name, round(share / spread), Double::sum));
        ruleShares.values().removeIf(v -> v <= 0);
        normalise(ruleShares);
        List<Object> key = List.of(cohort.id(), range[0], range[1], ruleShares.toString());
        regionsByRule.computeIfAbsent(key, x -> new LinkedHashSet<>()).add(region);
        exceptByRule.computeIfAbsent(key, x -> new LinkedHashSet<>()).addAll(except);
        sharesByKey.put(key, ruleShares);
        return moved;
    }

    /** The plan's transfers with the solution's added, each also a change of the region it reaches. */
    private List<Transfer> transfers(RegionalSwapProblem problem, RegionalSwapPlan solution, double margin,
            List<RegionChange> changes) {
        List<Transfer> transfers = new ArrayList<>(plan.transfers());
        int count = 0;
        for (int b = 0; b < brands.size(); b++) {
            for (int from = 0; from < regions.size(); from++) {
                for (int to = 0; to < regions.size(); to++) {
                    double doses = solution.sent()[b][from][to] * margin;
                    if (doses < 0.5) {
                        continue;
                    }
                    count++;
                    long whole = (long) Math.ceil(doses);
                    LocalDate shipped = start.plusDays(problem.shipDay());
                    transfers.add(new Transfer(uniqueTransferId(plan, "slip-transfer-" + count), brands.get(b).name(),
                            whole, regions.get(from), regions.get(to), shipped, problem.transferDays(),
                            impact.reason()));
                    changes.add(new RegionChange(regions.get(to), null, null, brands.get(b).name(), shipped,
                            shipped.plusDays(problem.transferDays()), 0, regions.get(from), whole));
                }
            }
        }
        return transfers;
    }

    private final Map<List<Object>, Map<String, Double>> sharesByKey = new HashMap<>();

    /** The capacity share of the region's site groups that cannot give {@code brand}; they keep the cohort's. */
    private double keptShare(String region, VaccineBrand brand, Set<String> except) {
        double all = 0;
        double kept = 0;
        for (SiteGroup site : plan.sites()) {
            if (!site.region().equals(region)) {
                continue;
            }
            all += site.dosesPerDay();
            if (!canGive(site, brand)) {
                kept += site.dosesPerDay();
                except.add(site.name());
            }
        }
        return all > 0 ? kept / all : 0;
    }

    private static double round(double share) {
        return Math.round(share * 10_000) / 10_000.0;
    }

    /** Shares that add up to exactly 1, the rounding put on the largest. */
    private static void normalise(Map<String, Double> shares) {
        double sum = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        if (shares.isEmpty() || Math.abs(sum - 1) < 1e-12) {
            return;
        }
        String largest = shares.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        shares.put(largest, round(shares.get(largest) + 1 - sum));
    }

    private static String uniqueRuleId(Plan plan, String id) {
        String result = id;
        int n = 2;
        while (true) {
            String tried = result;
            if (plan.allocationRules().stream().noneMatch(r -> r.id().equals(tried))) {
                return tried;
            }
            result = id + "-" + n++;
        }
    }

    private static String uniqueTransferId(Plan plan, String id) {
        String result = id;
        int n = 2;
        while (true) {
            String tried = result;
            if (plan.transfers().stream().noneMatch(t -> t.id().equals(tried))) {
                return tried;
            }
            result = id + "-" + n++;
        }
    }
}
