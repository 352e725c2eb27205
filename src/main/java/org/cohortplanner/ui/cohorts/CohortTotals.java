package org.cohortplanner.ui.cohorts;

import java.util.Collection;
import java.util.Set;

/**
 * The totals row under the cohort table, over the rows it shows. A split parent is replaced by its parts, so only the
 * cohorts that book ({@code CohortFamilies.bookingCohorts}) are counted: the parent's people are counted once, through
 * its parts. A suspended or closed cohort still books (or booked) its people, so it counts.
 *
 * @param bookingCohorts   the shown cohorts that book
 * @param eligible         their eligible people
 * @param expectedBookings their eligible people times their uptake, summed and rounded
 * @param filtered         true when the filter hides some rows, so that these are the totals of the rows shown
 */
public record CohortTotals(int bookingCohorts, long eligible, long expectedBookings, boolean filtered) {
    static final CohortTotals NONE = new CohortTotals(0, 0, 0, false);

    /** The totals of {@code rows}, counting only those whose id is in {@code booking}. */
    static CohortTotals of(Collection<CohortRow> rows, Set<String> booking, boolean filtered) {
        int count = 0;
        long eligible = 0;
        double expected = 0;
        for (CohortRow row : rows) {
            if (booking.contains(row.id())) {
                count++;
                eligible += row.eligible();
                expected += row.eligible() * row.uptake();
            }
        }
        return new CohortTotals(count, eligible, Math.round(expected), filtered);
    }
}
