package org.cohortplanner.planning.slip;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.Schedule;

/**
 * Moving a short cohort's vaccination period later by whole weeks, each number of weeks up to four that reduces the
 * shortage, stopping at the first that removes it, for the cohorts losing the most people.
 */
final class PeriodShifts {
    private static final int MAX_WEEKS_LATER = 4;
    /** Cohorts whose period a later-period suggestion moves: those losing the most people. */
    static final int MOST_COHORTS_MOVED = 3;

    private PeriodShifts() {
    }

    /** For each of the cohorts losing the most people, the later periods that reduce the shortage. */
    static List<Suggestion> of(SlipImpact impact, double before, double after) {
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
                        SlipSuggestions.changedPeople(impact.scheduleAfter(), Schedule.of(candidate), cohortId, null,
                                null)));
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
}
