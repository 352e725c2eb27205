package org.cohortplanner.ui.timeline;

import java.util.List;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.planning.Problem;

/**
 * One cohort on the timeline.
 *
 * @param depth           0 for a cohort of its own, 1 for a part of a split, 2 for a part of a part, …
 * @param replacedByParts true for a split parent: it books nobody, its parts (the rows below it) do
 * @param problems        every problem the validator finds on this cohort
 */
public record TimelineRow(String cohortId, String name, int depth, boolean replacedByParts, CohortStatus status,
                          TimelineBar window, TimelineBar vaccination, List<Problem> problems) {
    public TimelineRow {
        problems = List.copyOf(problems);
    }

    /** A split parent's window is history: moving it would move nobody's booking night. */
    public boolean windowMovable() {
        return !replacedByParts;
    }
}
