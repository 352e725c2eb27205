package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The dose-2 guard: a cohort whose booking window opens while the second doses of the people it books are not
 * covered by the deliveries and the site capacity of the plan.
 *
 * @param peopleUncovered people who would not get their second dose on its day
 * @param firstShortDay   the first day a second dose of the cohort is short
 */
public record SecondDoseWarning(
        String cohortId,
        String cohortName,
        LocalDateTime windowOpens,
        String brand,
        long peopleUncovered,
        LocalDate firstShortDay) {

    public String message() {
        return "window of " + cohortName + " opens " + windowOpens + " but " + peopleUncovered + " second doses of "
                + brand + " from " + firstShortDay + " are not covered by deliveries and capacity";
    }
}
