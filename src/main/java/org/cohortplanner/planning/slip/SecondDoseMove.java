package org.cohortplanner.planning.slip;

import java.time.LocalDate;

/**
 * People of one cohort and region whose second dose moves: what they were told and what now holds. People are
 * matched in the order of their first-dose appointments, so a group keeps its place in the queue.
 *
 * @param secondDoseAfter null when they now get no first dose on their day, and so no second-dose day yet
 */
public record SecondDoseMove(
        String cohortId,
        String region,
        long people,
        String brandBefore,
        LocalDate firstDoseBefore,
        LocalDate secondDoseBefore,
        String brandAfter,
        LocalDate firstDoseAfter,
        LocalDate secondDoseAfter) {
}
