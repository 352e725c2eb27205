package org.cohortplanner.planning.slip;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.schedule.ScheduleRow;

/**
 * Ways to remove the shortage a slip causes, ranked by people postponed, then by the number of regions where people
 * change brand or day, then by the number of changes, then by people moved:
 * <ul>
 *   <li>regional remedies ({@link RegionalRemedies}): a brand swap limited to the regions and days that need it,
 *       with doses of the short brand moved between regions where that saves regions, and transfers alone;</li>
 *   <li>brand swaps ({@link BrandSwaps}): another brand with spare stock for the cohorts on the days they are
 *       short, chosen by {@link SwapOptimiser} (the best combination, and each brand alone), respecting the brand's
 *       minimum age and the sites that can give it; the second dose is of the brand given first;</li>
 *   <li>period shifts ({@link PeriodShifts}): moving a short cohort's vaccination period later by whole weeks, each
 *       number of weeks up to four that reduces the shortage, stopping at the first that removes it, for the three
 *       cohorts losing the most people;</li>
 *   <li>interval stretches ({@link IntervalStretches}): stretching a brand's dose-2 interval by whole weeks up to
 *       its allowed maximum.</li>
 * </ul>
 * Every suggestion is checked by building the schedule of the plan it leads to; its effect comes from there. Each
 * way has a class of its own; this one ranks what they find, applies a suggestion and lists the dose-2 moves
 * ({@link SecondDoseMoves}).
 */
public final class SlipSuggestions {
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
        suggestions.addAll(BrandSwaps.of(impact, before, after));
        suggestions.addAll(PeriodShifts.of(impact, before, after));
        suggestions.addAll(IntervalStretches.of(impact, before, after));
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

    /** The brand's minimum age holds for the cohort's youngest, and some site can give it. */
    static boolean mayBeGiven(Plan plan, Cohort cohort, VaccineBrand brand) {
        int year = cohort.vaccinationPeriod().firstDay().getYear();
        if (cohort.birthYears().youngestAgeIn(year) < brand.minimumAge()) {
            return false;
        }
        return plan.sites().stream().anyMatch(site -> site.gives(brand.name()) && site.dosesPerDay() > 0
                && (brand.siteKinds().isEmpty() || brand.siteKinds().contains(site.kind())));
    }

    /**
     * People whose second dose differs between what they were told and what now holds, per cohort and region. People
     * keep their first-dose day where the new plan still has appointments on it (those who keep their brand first);
     * the rest are matched in the order of their first-dose appointments, so a group keeps its place in the queue.
     */
    public static List<SecondDoseMove> secondDoseMoves(Schedule told, Schedule now) {
        return SecondDoseMoves.between(told, now);
    }
}
