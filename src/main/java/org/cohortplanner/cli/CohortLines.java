package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.planning.SplitNotPossibleException;
import org.cohortplanner.planning.SplitPart;

/** Prints cohorts and split parts one per line, in columns, for the split and merge commands. */
final class CohortLines {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CohortLines() {
    }

    /** The cohort named {@code name} (or, failing that, with that id); refuses a name two cohorts share. */
    static Cohort find(Plan plan, String name, String option) {
        List<Cohort> named = plan.cohorts().stream().filter(c -> c.name().equals(name)).toList();
        if (named.size() > 1) {
            throw new SplitNotPossibleException(named.size() + " cohorts are named '" + name + "' (ids "
                    + String.join(", ", named.stream().map(Cohort::id).toList()) + "); give " + option
                    + " one of those ids instead");
        }
        if (named.size() == 1) {
            return named.get(0);
        }
        return plan.cohort(name).orElseThrow(() -> new SplitNotPossibleException("the plan has no cohort named '"
                + name + "'; its cohorts are " + String.join(", ", plan.cohorts().stream()
                        .map(c -> "'" + c.name() + "'").toList())));
    }

    static void printParts(PrintWriter out, List<SplitPart> parts) {
        int nameWidth = Math.max(4, parts.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        int whoWidth = Math.max(10, parts.stream().mapToInt(p -> p.whoBooks().length()).max().orElse(0));
        out.printf("  %-" + nameWidth + "s  %-" + whoWidth + "s  %10s  %-35s  %s%n", "name", "born", "people",
                "booking window", "vaccination");
        for (SplitPart part : parts) {
            out.printf("  %-" + nameWidth + "s  %-" + whoWidth + "s  %10d  %-35s  %s%n", part.name(), part.whoBooks(),
                    part.people(), window(part.window()), period(part.vaccinationPeriod()));
        }
    }

    static void printCohort(PrintWriter out, Cohort cohort) {
        printParts(out, List.of(asPart(cohort)));
    }

    static void printCohorts(PrintWriter out, List<Cohort> cohorts) {
        printParts(out, cohorts.stream().map(CohortLines::asPart).toList());
    }

    static String window(BookingWindow window) {
        return TIME.format(window.opens()) + " → " + TIME.format(window.closes());
    }

    static String period(VaccinationPeriod period) {
        return period.firstDay() + " – " + period.lastDay();
    }

    private static SplitPart asPart(Cohort cohort) {
        return new SplitPart(cohort.id(), cohort.name(), cohort.birthYears(), cohort.birthDayDigits(),
                cohort.eligible(), cohort.window(), cohort.vaccinationPeriod());
    }
}
