package org.cohortplanner.planning.slip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.Schedule;

/** Stretching a brand's dose-2 interval by whole weeks up to its allowed maximum, named groups kept. */
final class IntervalStretches {

    private IntervalStretches() {
    }

    /**
     * A longer interval from a date, groups kept: an interval policy for the short brand from the first day it runs
     * short, for second doses due from then on, a week longer at a time up to the brand's allowed maximum, with every
     * named group of the plan exempt (they keep the interval they were promised, as the exam students and teachers
     * of August 2021). Offered where it removes or reduces the shortage.
     */
    static List<Suggestion> of(SlipImpact impact, double before, double after) {
        List<Suggestion> suggestions = new ArrayList<>();
        Plan base = impact.planAfter();
        Map<String, LocalDate> firstShort = new TreeMap<>();
        impact.lines().stream().filter(l -> l.peopleLosingDose() > 0).forEach(l -> firstShort.merge(l.brand(),
                l.day(), (a, b) -> a.isBefore(b) ? a : b));
        List<GroupInterval> groupsKept = base.cohorts().stream().flatMap(c -> c.groups().stream())
                .map(CohortGroup::name).distinct().map(GroupInterval::exempt).toList();
        for (Map.Entry<String, LocalDate> entry : firstShort.entrySet()) {
            VaccineBrand brand = base.brand(entry.getKey()).orElseThrow();
            if (!brand.needsSecondDose()) {
                continue;
            }
            Suggestion best = best(impact, brand, entry.getValue(), groupsKept, before, after);
            if (best != null) {
                suggestions.add(best);
            }
        }
        return suggestions;
    }

    /** The week longer that leaves the fewest people short for {@code brand} from {@code from}; null for none. */
    private static Suggestion best(SlipImpact impact, VaccineBrand brand, LocalDate from,
            List<GroupInterval> groupsKept, double before, double after) {
        Plan base = impact.planAfter();
        String name = brand.name();
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
            Suggestion suggestion = suggestion(impact, candidate, brand, from, inForce, longer, groupsKept, still);
            if (best == null || still < best.effect().peopleStillShort()) {
                best = suggestion;
            }
            if (still == 0 || longer == brand.interval().maximumDays()) {
                break;
            }
        }
        return best;
    }

    private static Suggestion suggestion(SlipImpact impact, Plan candidate, VaccineBrand brand, LocalDate from,
            int inForce, int longer, List<GroupInterval> groupsKept, long still) {
        String name = brand.name();
        List<SecondDoseMove> moves = SecondDoseMoves.between(impact.scheduleBefore(), Schedule.of(candidate));
        long movedPeople = moves.stream().mapToLong(SecondDoseMove::people).sum();
        Object kept = groupsKept.isEmpty() ? "" : Phrase.of("slip.interval.kept", groupsKept.stream()
                .map(GroupInterval::group).collect(Collectors.joining(", ")));
        return new Suggestion(Suggestion.Kind.INTERVAL_POLICY, Phrase.of(
                "slip.interval.title", name, longer, new Phrase.DayMonth(from)), List.of(Phrase.of(
                "slip.interval.change", name, inForce, longer, from, brand.interval().maximumDays(), kept)),
                new Effect(movedPeople, still, longer - inForce, 0, still), candidate, regions(moves, name));
    }

    /** Per region, the people whose second dose of {@code brand} moves and the span of their old days. */
    private static List<RegionChange> regions(List<SecondDoseMove> moves, String brand) {
        Map<String, Long> byRegion = new TreeMap<>();
        Map<String, LocalDate[]> span = new HashMap<>();
        for (SecondDoseMove move : moves) {
            byRegion.merge(move.region(), move.people(), Long::sum);
            LocalDate[] days = span.computeIfAbsent(move.region(), k -> new LocalDate[] {
                move.secondDoseBefore(), move.secondDoseBefore()});
            days[0] = move.secondDoseBefore().isBefore(days[0]) ? move.secondDoseBefore() : days[0];
            days[1] = move.secondDoseBefore().isAfter(days[1]) ? move.secondDoseBefore() : days[1];
        }
        List<RegionChange> regions = new ArrayList<>();
        byRegion.forEach((region, people) -> regions.add(new RegionChange(region, null, brand, brand,
                span.get(region)[0], span.get(region)[1], people, null, 0)));
        return regions;
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
}
