package org.cohortplanner.ui.timeline;

import java.time.LocalDateTime;
import java.util.List;
import org.cohortplanner.planning.Problem;

/**
 * One bar of a cohort's row: its booking window, or its vaccination period (from the first day's midnight to the
 * midnight after the last day).
 *
 * @param problems the validator's problems about what this bar shows, in the validator's order
 */
public record TimelineBar(String cohortId, Kind kind, LocalDateTime start, LocalDateTime end, List<Problem> problems) {

    /** What a bar shows. */
    public enum Kind { BOOKING_WINDOW, VACCINATION_PERIOD }

    public TimelineBar {
        problems = List.copyOf(problems);
    }

    /** The earlier end: a window closing before it opens is still drawn, between its two times. */
    public LocalDateTime from() {
        return start.isAfter(end) ? end : start;
    }

    public LocalDateTime to() {
        return start.isAfter(end) ? start : end;
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
