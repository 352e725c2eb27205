package org.cohortplanner.planning.schedule;

import java.time.LocalDate;

/**
 * People of one cohort, named group and region who had their first dose of a brand on the same day, and so share
 * their second-dose day. The unit in which people are told when their second dose moves.
 *
 * @param group the cohort's named group the people belong to, or null for those in no named group
 */
public record SecondDoseGroup(
        String cohortId,
        String group,
        String region,
        String brand,
        LocalDate firstDoseDay,
        LocalDate secondDoseDay,
        long people) {
}
