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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;
import org.cohortplanner.planning.schedule.SecondDoseGroup;
import org.cohortplanner.planning.schedule.Shortage;

/**
 * Ways to remove the shortage a slip causes, ranked by people postponed, then by the number of regions where people
 * change brand or day, then by the number of changes, then by people moved:
 * <ul>
 *   <li>regional remedies ({@link RegionalRemedies}): a brand swap limited to the regions and days that need it,
 *       with doses of the short brand moved between regions where that saves regions, and transfers alone;</li>
 *   <li>brand swaps: another brand with spare stock for the cohorts on the days they are short, chosen by
 *       {@link SwapOptimiser} (the best combination, and each brand alone), respecting the brand's minimum age and
 *       the sites that can give it; the second dose is of the brand given first;</li>
 *   <li>moving a short cohort's vaccination period later by whole weeks, each number of weeks up to four that
 *       reduces the shortage, stopping at the first that removes it, for the three cohorts losing the most people;</li>
 *   <li>stretching a brand's dose-2 interval by whole weeks up to its allowed maximum.</li>
 * </ul>
 * Every suggestion is checked by building the schedule of the plan it leads to; its effect comes from there.
 */
public final class SlipSuggestions {
    private static final int MAX_WEEKS_LATER = 4;
    /** Cohorts whose period a later-period suggestion moves: those losing the most people. */
    static final int MOST_COHORTS_MOVED = 3;
    private static final double[] SWAP_MARGINS = {1.0, 1.1, 1.25, 1.5, 2.0, 3.0};

    private SlipSuggestions() {
    }

    /** Ranked suggestions; empty when the change leaves nobody without a dose. */
    public static List<Suggestion> of(SlipImpact impact) {
        double before = Schedule.peopleShort(impact.planBefore());
        double after = Schedule.peopleShort(impact.planAfter());
        if (after - before < 0.5) {
            return List.of();
        }
        List<Suggestion> suggestions = new ArrayList<>();
        suggestions.addAll(RegionalRemedies.of(impact, before, after));
        suggestions.addAll(brandSwaps(impact, before, after));
        suggestions.addAll(periodShifts(impact, before, after));
        suggestions.addAll(intervalPolicies(impact, before, after));
        suggestions.sort(Comparator.comparingLong((Suggestion s) -> s.effect().peoplePostponed())
                .thenComparingInt(s -> changedRegions(s))
                .thenComparingInt(s -> s.changes().size())
                .thenComparingLong(s -> s.effect().peopleMoved())
                .thenComparing(Suggestion::summary));
        return List.copyOf(suggestions);
    }

    /** Regions where people get another brand or day; a transfer alone changes nobody's appointment. */
    private static int changedRegions(Suggestion suggestion) {
        return (int) suggestion.regions().stream().filter(c -> c.fromRegion() == null).map(RegionChange::region)
                .distinct().count();
    }

    /** Per region, people of the cohort whose first-dose brand or day differs between the two schedules. */
    static List<RegionChange> changedPeople(Schedule before, Schedule after, String cohortId, String brandBefore,
            String brandAfter) {
        Map<String, Map<List<Object>, Long>> byRegion = new TreeMap<>();
        for (ScheduleRow row : before.rows()) {
            if (row.dose() == 1 && row.cohortId().equals(cohortId)) {
                byRegion.computeIfAbsent(row.region(), k -> new HashMap<>())
                        .merge(List.of(row.day(), row.brand()), row.appointments(), Long::sum);
            }
        }
        for (ScheduleRow row : after.rows()) {
            if (row.dose() == 1 && row.cohortId().equals(cohortId)) {
                byRegion.computeIfAbsent(row.region(), k -> new HashMap<>())
                        .merge(List.of(row.day(), row.brand()), -row.appointments(), Long::sum);
            }
        }
        List<RegionChange> changes = new ArrayList<>();
        byRegion.forEach((region, cells) -> {
            long people = 0;
            LocalDate first = null;
            LocalDate last = null;
            for (Map.Entry<List<Object>, Long> cell : cells.entrySet()) {
                if (cell.getValue() > 0) {
                    people += cell.getValue();
                    LocalDate day = (LocalDate) cell.getKey().get(0);
                    first = first == null || day.isBefore(first) ? day : first;
                    last = last == null || day.isAfter(last) ? day : last;
                }
            }
            if (people > 0) {
                changes.add(new RegionChange(region, cohortId, brandBefore, brandAfter, first, last, people, null, 0));
            }
        });
        return changes;
    }

    /** Accepts suggestion {@code number} (1 is the first of {@link #of}). */
    public static AppliedSuggestion apply(SlipImpact impact, List<Suggestion> suggestions, int number) {
        if (number < 1 || number > suggestions.size()) {
            throw new IllegalArgumentException("there is no suggestion " + number + "; there are "
                    + suggestions.size());
        }
        return apply(impact, suggestions.get(number - 1));
    }

    public static AppliedSuggestion apply(SlipImpact impact, Suggestion suggestion) {
        Schedule now = Schedule.of(suggestion.plan());
        return new AppliedSuggestion(suggestion.plan(), suggestion.summary(), "slip: " + impact.reason(),
                secondDoseMoves(impact.scheduleBefore(), now));
    }

    // ---------------------------------------------------------------------------------------------- brand swaps

    private static List<Suggestion> brandSwaps(SlipImpact impact, double before, double after) {
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
                if (!shortBrands.contains(brand.name()) && mayBeGiven(plan, cohort, brand)) {
                    options.add(new SwapProblem.Option(c, b));
                }
            }
        }
        if (options.isEmpty()) {
            return List.of();
        }
        double[][] shortPeople = new double[cohortIds.size()][];
        for (int c = 0; c < cohortIds.size(); c++) {
            shortPeople[c] = lostByCohort.get(cohortIds.get(c));
        }
        double[][] headroom = new double[brands.size()][dayCount];
        double[][] capacity = new double[brands.size()][dayCount];
        int[] dosesAtFirst = new int[brands.size()];
        int[] laterDoseAfter = new int[brands.size()];
        boolean reserve = plan.settings().reserveSecondDose();
        for (int b = 0; b < brands.size(); b++) {
            VaccineBrand brand = brands.get(b);
            dosesAtFirst[b] = reserve && brand.needsSecondDose() ? 2 : 1;
            laterDoseAfter[b] = !reserve && brand.needsSecondDose() ? brand.interval().days() : -1;
            for (BrandDay day : schedule.brandDays(brand.name())) {
                int d = (int) ChronoUnit.DAYS.between(start, day.day());
                headroom[b][d] = day.stock();
                capacity[b][d] = Math.max(0, day.capacity() - day.given());
            }
        }
        SwapProblem problem = new SwapProblem(shortPeople, options, headroom, capacity, dosesAtFirst,
                laterDoseAfter);
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

    private static void addShortOfDoses(Schedule schedule, LocalDate start, int dayCount, Map<String, double[]> byCohort,
            Map<String, Map<String, Double>> byCohortBrand, int sign) {
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

    /** The brand's minimum age holds for the cohort's youngest, and some site can give it. */
    static boolean mayBeGiven(Plan plan, Cohort cohort, VaccineBrand brand) {
        int year = cohort.vaccinationPeriod().firstDay().getYear();
        if (cohort.birthYears().youngestAgeIn(year) < brand.minimumAge()) {
            return false;
        }
        return plan.sites().stream().anyMatch(site -> site.gives(brand.name()) && site.dosesPerDay() > 0
                && (brand.siteKinds().isEmpty() || brand.siteKinds().contains(site.kind())));
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
            regions.addAll(changedPeople(impact.scheduleAfter(), schedule, swap[0], shortOf, swap[1]));
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

    // -------------------------------------------------------------------------------------------- period shifts

    private static List<Suggestion> periodShifts(SlipImpact impact, double before, double after) {
        List<Suggestion> suggestions = new ArrayList<>();
        Plan base = impact.planAfter();
        // Each tried week is a schedule of the whole plan: the cohorts that lose the most people are tried.
        List<String> losing = impact.peopleLosingByCohort().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MOST_COHORTS_MOVED).map(Map.Entry::getKey).toList();
        for (String cohortId : losing) {
            Cohort cohort = base.cohort(cohortId).orElse(null);
            if (cohort == null || !cohort.vaccinationPeriod().isOrdered()) {
                continue;
            }
            for (int weeks = 1; weeks <= MAX_WEEKS_LATER; weeks++) {
                int days = weeks * 7;
                Cohort moved = cohort.withVaccinationPeriod(cohort.vaccinationPeriod().shiftedBy(days));
                Plan candidate = base.withCohort(moved);
                double stillShort = Math.max(0, Schedule.peopleShort(candidate) - before);
                if (stillShort >= after - before - 0.5) {
                    continue;
                }
                long still = Math.round(stillShort);
                Phrase change = Phrase.of("slip.shift.change", cohort.name(), period(cohort), period(moved), weeks);
                suggestions.add(new Suggestion(Suggestion.Kind.PERIOD_SHIFT, Phrase.of("slip.shift.title",
                        cohort.name(), weeks), List.of(change),
                        new Effect(0, cohort.expectedBookers() + still, days, 0, still), candidate,
                        changedPeople(impact.scheduleAfter(), Schedule.of(candidate), cohortId, null, null)));
                if (still == 0) {
                    break;
                }
            }
        }
        return suggestions;
    }

    private static Phrase period(Cohort cohort) {
        return Phrase.of("slip.days", new Phrase.DayMonth(cohort.vaccinationPeriod().firstDay()),
                new Phrase.DayMonth(cohort.vaccinationPeriod().lastDay()));
    }

    // ---------------------------------------------------------------------------------------- interval stretches

    /**
     * A longer interval from a date, groups kept: an interval policy for the short brand from the first day it runs
     * short, for second doses due from then on, a week longer at a time up to the brand's allowed maximum, with every
     * named group of the plan exempt (they keep the interval they were promised, as the exam students and teachers
     * of August 2021). Offered where it removes or reduces the shortage.
     */
    private static List<Suggestion> intervalPolicies(SlipImpact impact, double before, double after) {
        List<Suggestion> suggestions = new ArrayList<>();
        Plan base = impact.planAfter();
        Map<String, LocalDate> firstShort = new TreeMap<>();
        impact.lines().stream().filter(l -> l.peopleLosingDose() > 0).forEach(l -> firstShort.merge(l.brand(),
                l.day(), (a, b) -> a.isBefore(b) ? a : b));
        List<GroupInterval> groupsKept = base.cohorts().stream().flatMap(c -> c.groups().stream())
                .map(CohortGroup::name).distinct().map(GroupInterval::exempt).toList();
        for (Map.Entry<String, LocalDate> entry : firstShort.entrySet()) {
            String name = entry.getKey();
            VaccineBrand brand = base.brand(name).orElseThrow();
            if (!brand.needsSecondDose()) {
                continue;
            }
            LocalDate from = entry.getValue();
            int inForce = base.intervalDays(brand, from.minusDays(brand.interval().days()), null);
            Suggestion best = null;
            for (int days = inForce + 7; days <= brand.interval().maximumDays() + 6; days += 7) {
                int longer = Math.min(days, brand.interval().maximumDays());
                if (longer <= inForce) {
                    break;
                }
                IntervalPolicy policy = new IntervalPolicy(uniquePolicyId(base, name, from), Set.of(name), from,
                        IntervalBasis.SECOND_DOSE_DUE, longer, groupsKept, "");
                List<IntervalPolicy> policies = new ArrayList<>(base.intervalPolicies());
                policies.add(policy);
                Plan candidate = base.withIntervalPolicies(policies);
                double stillShort = Math.max(0, Schedule.peopleShort(candidate) - before);
                if (stillShort >= after - before - 0.5) {
                    if (longer == brand.interval().maximumDays()) {
                        break;
                    }
                    continue;
                }
                long still = Math.round(stillShort);
                List<SecondDoseMove> moves = secondDoseMoves(impact.scheduleBefore(), Schedule.of(candidate));
                long movedPeople = moves.stream().mapToLong(SecondDoseMove::people).sum();
                Map<String, Long> byRegion = new TreeMap<>();
                Map<String, LocalDate[]> span = new HashMap<>();
                for (SecondDoseMove move : moves) {
                    byRegion.merge(move.region(), move.people(), Long::sum);
                    LocalDate[] days2 = span.computeIfAbsent(move.region(), k -> new LocalDate[] {
                        move.secondDoseBefore(), move.secondDoseBefore()});
                    days2[0] = move.secondDoseBefore().isBefore(days2[0]) ? move.secondDoseBefore() : days2[0];
                    days2[1] = move.secondDoseBefore().isAfter(days2[1]) ? move.secondDoseBefore() : days2[1];
                }
                List<RegionChange> regions = new ArrayList<>();
                byRegion.forEach((region, people) -> regions.add(new RegionChange(region, null, name, name,
                        span.get(region)[0], span.get(region)[1], people, null, 0)));
                Object kept = groupsKept.isEmpty() ? "" : Phrase.of("slip.interval.kept", groupsKept.stream()
                        .map(GroupInterval::group).collect(Collectors.joining(", ")));
                Suggestion suggestion = new Suggestion(Suggestion.Kind.INTERVAL_POLICY, Phrase.of(
                        "slip.interval.title", name, longer, new Phrase.DayMonth(from)), List.of(Phrase.of(
                        "slip.interval.change", name, inForce, longer, from, brand.interval().maximumDays(), kept)),
                        new Effect(movedPeople, still, longer - inForce, 0, still), candidate, regions);
                if (best == null || still < best.effect().peopleStillShort()) {
                    best = suggestion;
                }
                if (still == 0 || longer == brand.interval().maximumDays()) {
                    break;
                }
            }
            if (best != null) {
                suggestions.add(best);
            }
        }
        return suggestions;
    }

    private static String uniquePolicyId(Plan plan, String brand, LocalDate from) {
        String id = brand.toLowerCase(Locale.ROOT).replace(' ', '-') + "-from-" + from;
        Set<String> taken = plan.intervalPolicies().stream().map(IntervalPolicy::id).collect(Collectors.toSet());
        String candidate = id;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = id + "-" + n;
        }
        return candidate;
    }

    // ------------------------------------------------------------------------------------------ second doses moved

    /**
     * People whose second dose differs between what they were told and what now holds, per cohort and region. People
     * keep their first-dose day where the new plan still has appointments on it (those who keep their brand first);
     * the rest are matched in the order of their first-dose appointments, so a group keeps its place in the queue.
     */
    public static List<SecondDoseMove> secondDoseMoves(Schedule told, Schedule now) {
        Map<String, List<SecondDoseGroup>> toldGroups = byCohortAndRegion(told.secondDoses());
        Map<String, List<SecondDoseGroup>> nowGroups = byCohortAndRegion(now.secondDoses());
        List<SecondDoseMove> moves = new ArrayList<>();
        for (Map.Entry<String, List<SecondDoseGroup>> entry : toldGroups.entrySet()) {
            List<SecondDoseGroup> was = entry.getValue();
            List<SecondDoseGroup> is = nowGroups.getOrDefault(entry.getKey(), List.of());
            long[] wasLeft = was.stream().mapToLong(SecondDoseGroup::people).toArray();
            long[] isLeft = is.stream().mapToLong(SecondDoseGroup::people).toArray();
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < was.size(); i++) {
                    for (int j = 0; j < is.size() && wasLeft[i] > 0; j++) {
                        boolean sameDay = was.get(i).firstDoseDay().equals(is.get(j).firstDoseDay());
                        boolean sameBrand = was.get(i).brand().equals(is.get(j).brand());
                        if (isLeft[j] > 0 && sameDay && (pass == 1 || sameBrand)) {
                            long people = Math.min(wasLeft[i], isLeft[j]);
                            record(moves, was.get(i), is.get(j), people);
                            wasLeft[i] -= people;
                            isLeft[j] -= people;
                        }
                    }
                }
            }
            // Groups are rounded one by one: a shortfall of at most a person a group is rounding, not people left
            // without a first dose.
            long unmatched = Arrays.stream(wasLeft).sum() - Arrays.stream(isLeft).sum();
            boolean rounding = unmatched <= was.size();
            int j = 0;
            for (int i = 0; i < was.size(); i++) {
                while (wasLeft[i] > 0) {
                    while (j < is.size() && isLeft[j] == 0) {
                        j++;
                    }
                    if (j == is.size() && rounding) {
                        break;
                    }
                    long people = j < is.size() ? Math.min(wasLeft[i], isLeft[j]) : wasLeft[i];
                    record(moves, was.get(i), j < is.size() ? is.get(j) : null, people);
                    wasLeft[i] -= people;
                    if (j < is.size()) {
                        isLeft[j] -= people;
                    }
                }
            }
        }
        return moves;
    }

    private static void record(List<SecondDoseMove> moves, SecondDoseGroup was, SecondDoseGroup is, long people) {
        if (is != null && was.secondDoseDay().equals(is.secondDoseDay()) && was.brand().equals(is.brand())) {
            return;
        }
        add(moves, new SecondDoseMove(was.cohortId(), was.group(), was.region(), people, was.brand(),
                was.firstDoseDay(),
                was.secondDoseDay(), is == null ? null : is.brand(), is == null ? null : is.firstDoseDay(),
                is == null ? null : is.secondDoseDay()));
    }

    private static void add(List<SecondDoseMove> moves, SecondDoseMove move) {
        if (!moves.isEmpty()) {
            SecondDoseMove last = moves.get(moves.size() - 1);
            if (last.cohortId().equals(move.cohortId()) && Objects.equals(last.group(), move.group())
                    && last.region().equals(move.region())
                    && last.brandBefore().equals(move.brandBefore())
                    && last.firstDoseBefore().equals(move.firstDoseBefore())
                    && last.secondDoseBefore().equals(move.secondDoseBefore())
                    && Objects.equals(last.brandAfter(), move.brandAfter())
                    && Objects.equals(last.firstDoseAfter(), move.firstDoseAfter())
                    && Objects.equals(last.secondDoseAfter(), move.secondDoseAfter())) {
                moves.set(moves.size() - 1, new SecondDoseMove(last.cohortId(), last.group(), last.region(),
                        last.people() + move.people(), last.brandBefore(), last.firstDoseBefore(),
                        last.secondDoseBefore(), last.brandAfter(), last.firstDoseAfter(), last.secondDoseAfter()));
                return;
            }
        }
        moves.add(move);
    }

    private static Map<String, List<SecondDoseGroup>> byCohortAndRegion(List<SecondDoseGroup> groups) {
        Map<String, List<SecondDoseGroup>> byKey = new LinkedHashMap<>();
        for (SecondDoseGroup group : groups) {
            if (group.people() > 0) {
                byKey.computeIfAbsent(group.cohortId() + "\u0000" + group.group() + "\u0000" + group.region(),
                        k -> new ArrayList<>()).add(group);
            }
        }
        byKey.values().forEach(list -> list.sort(Comparator.comparing(SecondDoseGroup::firstDoseDay)
                .thenComparing(SecondDoseGroup::brand)));
        return byKey;
    }
}
