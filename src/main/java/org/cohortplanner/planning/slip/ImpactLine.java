package org.cohortplanner.planning.slip;

import java.time.LocalDate;

/**
 * How many people of a cohort in a region go without their dose on a day, before and after a change of supply.
 */
public record ImpactLine(
        LocalDate day,
        String region,
        String cohortId,
        String brand,
        int dose,
        long peopleShortBefore,
        long peopleShortAfter) {

    /** People who lose their dose on this day through the change (negative when the change helps). */
    public long peopleLosingDose() {
        return peopleShortAfter - peopleShortBefore;
    }
}
