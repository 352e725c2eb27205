package org.cohortplanner.planning.schedule;

import java.time.LocalDate;

/**
 * The shortage of one brand in one region over the campaign: the first and last day someone goes without, how many
 * people, how many of them for want of doses, and the doses lacking.
 */
public record RegionShortage(
        String region,
        String brand,
        LocalDate firstDay,
        LocalDate lastDay,
        long people,
        long forWantOfDoses,
        long doses) {
}
