package org.cohortplanner.planning.slip;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * People of one cohort, named group and region whose second dose moves: what they were told and what now holds.
 * People are matched in the order of their first-dose appointments, so a group keeps its place in the queue.
 *
 * @param group           the cohort's named group, or null for people in no named group
 * @param secondDoseAfter null when they now get no first dose on their day, and so no second-dose day yet
 */
public record SecondDoseMove(
        String cohortId,
        String group,
        String region,
        long people,
        String brandBefore,
        LocalDate firstDoseBefore,
        LocalDate secondDoseBefore,
        String brandAfter,
        LocalDate firstDoseAfter,
        LocalDate secondDoseAfter) {

    /** People in no named group. */
    public SecondDoseMove(String cohortId, String region, long people, String brandBefore, LocalDate firstDoseBefore,
            LocalDate secondDoseBefore, String brandAfter, LocalDate firstDoseAfter, LocalDate secondDoseAfter) {
        this(cohortId, null, region, people, brandBefore, firstDoseBefore, secondDoseBefore, brandAfter,
                firstDoseAfter, secondDoseAfter);
    }

    /** Days the second dose moves (later is positive), or null when there is no second-dose day now. */
    public Long daysMoved() {
        return secondDoseAfter == null ? null
                : ChronoUnit.DAYS.between(secondDoseBefore, secondDoseAfter);
    }
}
