package org.cohortplanner.planning.slip;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.schedule.Shortage;

/**
 * Brand swaps: another brand with spare stock for the cohorts on the days they are short, chosen by
 * {@link SwapOptimiser} (the best combination, and each brand alone), respecting the brand's minimum age and the
 * sites that can give it; the second dose is of the brand given first.
 */
final class BrandSwaps {
    private static final double[] SWAP_MARGINS = {1.0, 1.1, 1.25, 1.5, 2.0, 3.0};

    private BrandSwaps() {
    }

    /** Swaps that remove or reduce the shortage, best combination first; empty when no brand can help. */
    static List<Suggestion> of(SlipImpact impact, double before, double after) {
        Plan plan = impact.planAfter();
        Schedule schedule = impact.scheduleAfter();
        List<BrandDay> days = schedule.brandDays();
        if (days.isEmpty()) {
            return List.of();
        }
        LocalDate start = days.stream().map(BrandDay::day).min(Comparator.naturalOrder()).orElseThrow();
        int dayCount = (int) ChronoUnit.DAYS.between(start,
                days.stream().map(BrandDay::day).max(Comparator.naturalOrder()).orElseThrow()) + 1;
        Map<String, double[]> lostByCohort = new LinkedHashMap<>();
        Map<String, Map<String, Double>> lostByCohortBrand = new HashMap<>();
        addShortOfDoses(impact.scheduleAfter(), start, dayCount, lostByCohort, lostByCohortBrand, 1);
        addShortOfDoses(impact.scheduleBefore(), start, dayCount, lostByCohort, lostByCohortBrand, -1);
        lostByCohort.values().forEach(row -> {
            for (int d = 0; d < row.length; d++) {
                row[d] = Math.max(0, row[d]);
            }
        });
        List<String> cohortIds = lostByCohort.entrySet().stream()
                .filter(e -> Arrays.stream(e.getValue()).sum() >= 0.5).map(Map.Entry::getKey).toList();
        if (cohortIds.isEmpty()) {
            return List.of();
        }
        List<VaccineBrand> brands = plan.brands();
        List<SwapProblem.Option> options = new ArrayList<>();
        for (int c = 0; c < cohortIds.size(); c++) {
            Cohort cohort = plan.cohort(cohortIds.get(c)).orElseThrow();
            Set<String> shortBrands = lostByCohortBrand.getOrDefault(cohort.id(), Map.of()).entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).collect(Collectors.toSet());
            for (int b = 0; b < brands.size(); b++) {
                VaccineBrand brand = brands.get(b);
                if (!shortBrands.contains(brand.name()) && SlipSuggestions.mayBeGiven(plan, cohort, brand)) {
                    options.add(new SwapProblem.Option(c, b));
                }
            }
        }
        if (options.isEmpty()) {
            return List.of();
        }
        SwapProblem problem = problem(plan, schedule, start, dayCount, cohortIds, lostByCohort, options);
        return suggestions(impact, problem, cohortIds, lostByCohortBrand, before, after);
    }

    /** The national day totals the optimiser works on: people short per cohort, stock and room per brand. */
    private static SwapProblem problem(Plan plan, Schedule schedule, LocalDate start, int dayCount,
            List<String> cohortIds, Map<String, double[]> lostByCohort, List<SwapProblem.Option> options) {
        List<VaccineBrand> brands = plan.brands();
        double[][] shortPeople = new double[cohortIds.size()][];
        for (int c = 0; c < cohortIds.size(); c++) {
            shortPeople[c] = lostByCohort.get(cohortIds.get(c));
        }
        double[][] headroom = new double[brands.size()][dayCount];
        double[][] capacity = new double[brands.size()][dayCount];
        boolean reserve = plan.settings().reserveSecondDose();
        int[] dosesAtFirst = SwapArithmetic.dosesAtFirst(brands, reserve);
        int[] laterDoseAfter = SwapArithmetic.laterDoseAfter(brands, reserve);
        for (int b = 0; b < brands.size(); b++) {
            for (BrandDay day : schedule.brandDays(brands.get(b).name())) {
                int d = (int) ChronoUnit.DAYS.between(start, day.day());
                headroom[b][d] = day.stock();
                capacity[b][d] = Math.max(0, day.capacity() - day.given());
            }
        }
        return new SwapProblem(shortPeople, options, headroom, capacity, dosesAtFirst, laterDoseAfter);
    }

    /** The best combination and each brand alone, each one suggestion unless it repeats another. */
    private static List<Suggestion> suggestions(SlipImpact impact, SwapProblem problem, List<String> cohortIds,
            Map<String, Map<String, Double>> lostByCohortBrand, double before, double after) {
        List<Suggestion> suggestions = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        List<SwapProblem> variants = new ArrayList<>();
        variants.add(problem);
        variants.addAll(SwapOptimiser.oneOptionEach(problem));
        for (SwapProblem variant : variants) {
            SwapPlan solution = SwapOptimiser.solve(variant, false);
            if (solution.peopleMoved() < 0.5) {
                continue;
            }
            Suggestion suggestion = swapSuggestion(impact, variant, solution, cohortIds, lostByCohortBrand,
                    before, after);
            if (suggestion != null && seen.add(String.join("|", suggestion.changes()))) {
                suggestions.add(suggestion);
            }
        }
        return suggestions;
    }

    private static void addShortOfDoses(Schedule schedule, LocalDate start, int dayCount,
            Map<String, double[]> byCohort, Map<String, Map<String, Double>> byCohortBrand, int sign) {
        for (Shortage shortage : schedule.shortages()) {
            if (shortage.dose() != 1 || shortage.forWantOfDoses() == 0) {
                continue;
            }
            int d = (int) ChronoUnit.DAYS.between(start, shortage.day());
            if (d < 0 || d >= dayCount) {
                continue;
            }
            byCohort.computeIfAbsent(shortage.cohortId(), k -> new double[dayCount])[d]
                    += sign * shortage.forWantOfDoses();
            byCohortBrand.computeIfAbsent(shortage.cohortId(), k -> new HashMap<>())
                    .merge(shortage.brand(), (double) sign * shortage.forWantOfDoses(), Double::sum);
        }
    }

    private static Suggestion swapSuggestion(SlipImpact impact, SwapProblem problem, SwapPlan solution,
            List<String> cohortIds, Map<String, Map<String, Double>> lostByCohortBrand, double before, double after) {
        // The solver works on national day totals; the schedule places brands region by region, so the amounts
        // may need a margin. Try growing margins, then narrow down between the last that failed and the first that
        // removed the shortage, so that no more people change brand than needed.
        SwapCandidate best = null;
        double failed = 0;
        for (double margin : SWAP_MARGINS) {
            SwapCandidate candidate = swapCandidate(impact.planAfter(), problem, solution, cohortIds,
                    lostByCohortBrand, margin, before);
            if (candidate == null) {
                break;
            }
            if (candidate.stillShort >= after - before - 0.5) {
                failed = margin;
                continue;
            }
            if (best == null || candidate.stillShort < best.stillShort) {
                best = candidate;
            }
            if (best.stillShort < 0.5) {
                for (int step = 0; step < 6; step++) {
                    double middle = (failed + best.margin) / 2;
                    SwapCandidate narrower = swapCandidate(impact.planAfter(), problem, solution, cohortIds,
                            lostByCohortBrand, middle, before);
                    if (narrower != null && narrower.stillShort < 0.5) {
                        best = narrower;
                    } else {
                        failed = middle;
                    }
                }
                break;
            }
            failed = margin;
        }
        if (best == null) {
            return null;
        }
        Schedule schedule = Schedule.of(best.plan);
        List<Phrase> described = new ArrayList<>();
        for (int i = 0; i < best.changes.size(); i++) {
            described.add(Phrase.of("slip.swap.changeWhere", best.changes.get(i),
                    whereGiven(schedule, best.swaps.get(i)[0], best.swaps.get(i)[1])));
        }
        long still = Math.round(best.stillShort);
        List<RegionChange> regions = new ArrayList<>();
        for (String[] swap : best.swaps) {
            String shortOf = String.join("/", lostByCohortBrand.getOrDefault(swap[0], Map.of()).entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().toList());
            regions.addAll(SlipSuggestions.changedPeople(impact.scheduleAfter(), schedule, swap[0], shortOf, swap[1]));
        }
        return new Suggestion(Suggestion.Kind.BRAND_SWAP, Phrase.of("slip.swap.title",
                new Phrase.Listed(best.titles, "; ")), described,
                new Effect(best.moved, still, 0, best.changes.size(), still), best.plan, regions);
    }

    /** A swap tried: each change says its cohort, brands and people; each title only the cohort and brands. */
    private record SwapCandidate(Plan plan, List<Phrase> changes, List<Phrase> titles, List<String[]> swaps,
            long moved, double stillShort, double margin) {
    }

    private static SwapCandidate swapCandidate(Plan base, SwapProblem problem, SwapPlan solution,
            List<String> cohortIds, Map<String, Map<String, Double>> lostByCohortBrand, double margin,
            double before) {
        Plan candidate = base;
        List<Phrase> changes = new ArrayList<>();
        List<Phrase> titles = new ArrayList<>();
        List<String[]> swaps = new ArrayList<>();
        long moved = 0;
        for (int o = 0; o < problem.options().size(); o++) {
            double people = solution.peopleMoved(o) * margin;
            if (people < 0.5) {
                continue;
            }
            SwapProblem.Option option = problem.options().get(o);
            Cohort cohort = candidate.cohort(cohortIds.get(option.cohort())).orElseThrow();
            String brand = base.brands().get(option.brand()).name();
            Map<String, Double> lost = lostByCohortBrand.get(cohort.id());
            BrandAllocation shares = swapped(cohort, brand, lost, people);
            if (shares == null) {
                continue;
            }
            long given = Math.round((shares.shareOf(brand) - cohort.brands().shareOf(brand))
                    * cohort.expectedBookers());
            candidate = candidate.withCohort(cohort.withBrands(shares));
            swaps.add(new String[] {cohort.id(), brand});
            moved += given;
            String replaced = String.join("/", lost.entrySet().stream()
                    .filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted().toList());
            titles.add(Phrase.of("slip.swap.cohort", brand, replaced, cohort.name()));
            changes.add(Phrase.of("slip.swap.change", brand, replaced, cohort.name(), new Phrase.Count(given),
                    percent(cohort.brands().shareOf(brand)), percent(shares.shareOf(brand))));
        }
        if (changes.isEmpty()) {
            return null;
        }
        return new SwapCandidate(candidate, changes, titles, swaps, moved,
                Math.max(0, Schedule.peopleShort(candidate) - before), margin);
    }

    /** The cohort's shares with {@code people} more of {@code brand}, taken from its short brands by shortfall. */
    private static BrandAllocation swapped(Cohort cohort, String brand, Map<String, Double> lost, double people) {
        long bookers = cohort.expectedBookers();
        if (bookers == 0) {
            return null;
        }
        double totalLost = lost.values().stream().filter(v -> v > 0).mapToDouble(Double::doubleValue).sum();
        double available = lost.entrySet().stream().filter(e -> e.getValue() > 0)
                .mapToDouble(e -> cohort.brands().shareOf(e.getKey())).sum();
        double share = Math.min(people / bookers, available);
        if (share <= 0 || totalLost <= 0) {
            return null;
        }
        Map<String, Double> shares = new LinkedHashMap<>(cohort.brands().shares());
        double taken = 0;
        for (Map.Entry<String, Double> entry : lost.entrySet()) {
            if (entry.getValue() <= 0) {
                continue;
            }
            double take = Math.min(shares.get(entry.getKey()), share * entry.getValue() / totalLost);
            shares.put(entry.getKey(), shares.get(entry.getKey()) - take);
            taken += take;
        }
        shares.merge(brand, taken, Double::sum);
        shares.replaceAll((name, value) -> Math.max(0, Math.min(1, value)));
        shares.values().removeIf(value -> value <= 0);
        return new BrandAllocation(shares);
    }

    /**
     * " — Pfizer first doses for the cohort by week: week of 26 Jul: 412000 in 17 regions, …": where the brand's
     * first doses fall for the cohort; nothing ("") when nowhere.
     */
    private static Object whereGiven(Schedule schedule, String cohortId, String brand) {
        Map<LocalDate, Long> byWeek = new TreeMap<>();
        Map<LocalDate, Set<String>> regions = new TreeMap<>();
        for (ScheduleRow row : schedule.rows()) {
            if (row.dose() == 1 && row.cohortId().equals(cohortId) && row.brand().equals(brand) && row.served() > 0) {
                LocalDate week = row.day().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                byWeek.merge(week, row.served(), Long::sum);
                regions.computeIfAbsent(week, k -> new TreeSet<>()).add(row.region());
            }
        }
        if (byWeek.isEmpty()) {
            return "";
        }
        List<Phrase> parts = new ArrayList<>();
        byWeek.forEach((week, people) -> parts.add(Phrase.of("slip.swap.week", new Phrase.DayMonth(week),
                new Phrase.Count(people), regions.get(week).size())));
        return Phrase.of("slip.swap.byWeek", brand, new Phrase.Listed(parts, ", "));
    }

    /** A share as a percentage with one decimal (18.2), which the phrase writes with its "%". */
    private static double percent(double share) {
        return Math.round(share * 1000) / 10.0;
    }
}
