package org.cohortplanner.planning.schedule;

import java.time.LocalDate;

/**
 * People of one cohort in one region who get no dose of a brand on their appointment day.
 *
 * @param forWantOfDoses    of {@code people}, those left out because the brand's stock ran out
 * @param forWantOfCapacity of {@code people}, those left out because the region's sites were full or closed
 * @param doses             doses it would take to serve them, held second doses included
 */
public record Shortage(
        LocalDate day,
        String region,
        String cohortId,
        String brand,
        int dose,
        long people,
        long forWantOfDoses,
        long forWantOfCapacity,
        long doses) {
}
