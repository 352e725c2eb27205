package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.slip.IntervalPreview;
import org.cohortplanner.planning.slip.SecondDoseMove;

/** The words of the commands for interval policies, named groups and second doses that move. */
final class IntervalLines {
    private IntervalLines() {
    }

    /** {@code six-weeks: Moderna, Pfizer 42 days for second doses due from 2021-08-16; exam students exempt}. */
    static String policy(IntervalPolicy policy) {
        StringBuilder text = new StringBuilder(policy.id()).append(": ").append(String.join(", ", policy.brands()))
                .append(' ').append(policy.days()).append(" days for ")
                .append(policy.appliesTo() == IntervalBasis.SECOND_DOSE_DUE ? "second doses due from "
                        : "second doses of first doses given from ")
                .append(policy.from());
        for (GroupInterval exception : policy.exceptions()) {
            text.append("; ").append(exception.group()).append(exception.isExempt() ? " exempt"
                    : " " + exception.days() + " days");
        }
        return text.toString();
    }

    /** {@code school teachers: 12,000 people (estimate)} or {@code ...: 1.5 % of the cohort}. */
    static String group(Cohort cohort, CohortGroup group) {
        String size = group.isCount() ? count(group.people()) + " people"
                : String.format(Locale.ROOT, "%.1f %% of the cohort (%s people)", group.share() * 100,
                        count(group.peopleOf(cohort.eligible())));
        return group.name() + ": " + size + (group.estimate() ? " (estimate)" : "")
                + (group.note().isBlank() ? "" : " — " + group.note());
    }

    static String groupName(String group) {
        return group == null || group.isEmpty() ? "no named group" : group;
    }

    /** People whose second dose moves, by group, cohort, region and day, and the days whose dose-2 load changes. */
    static void printMoves(PrintWriter out, Plan plan, IntervalPreview preview, String indent) {
        out.println(indent + count(preview.peopleMoved()) + " people's second dose moves.");
        if (preview.moves().isEmpty()) {
            return;
        }
        out.println(indent + "By group:");
        preview.peopleByGroup().forEach((group, people) -> out.println(indent + "  " + groupName(group) + ": "
                + count(people)));
        out.println(indent + "By cohort and group:");
        Map<String, Long> byCohortGroup = new TreeMap<>();
        for (SecondDoseMove move : preview.moves()) {
            String cohort = plan.cohort(move.cohortId()).map(Cohort::name).orElse(move.cohortId());
            byCohortGroup.merge(cohort + ", " + groupName(move.group()), move.people(), Long::sum);
        }
        byCohortGroup.forEach((key, people) -> out.println(indent + "  " + key + ": " + count(people)));
        out.println(indent + "By region:");
        preview.peopleByRegion().forEach((region, people) -> out.println(indent + "  " + region + ": "
                + count(people)));
        out.println(indent + "By day (told → now):");
        List<IntervalPreview.DayMove> days = preview.peopleByDay();
        days.stream().limit(30).forEach(day -> out.println(indent + "  " + day.told() + " → "
                + (day.now() == null ? "no second-dose day yet" : day.now()) + ": " + count(day.people())));
        if (days.size() > 30) {
            out.println(indent + "  … " + (days.size() - 30) + " more days");
        }
        long freed = preview.days().stream().mapToLong(d -> Math.max(0, d.freed())).sum();
        long needed = preview.days().stream().mapToLong(d -> Math.max(0, -d.freed())).sum();
        out.println(indent + "Dose-2 appointments freed on the days told: " + count(freed) + "; needed on the new days: "
                + count(needed));
        preview.days().stream().filter(IntervalPreview.Dose2Day::beyondCapacity).forEach(day -> out.println(indent
                + "  WARNING " + day.day() + " " + day.brand() + ": " + count(day.dueAfter())
                + " second doses, beyond the sites' " + count(day.capacity())));
        out.println(indent + "People without a dose on their day: " + count(preview.peopleShortBefore()) + " → "
                + count(preview.peopleShortAfter()));
    }

    static String count(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
