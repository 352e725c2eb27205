package org.cohortplanner.planning.slip;

import java.time.LocalDate;

/**
 * What a suggestion does in one region, for the screens and {@code slip} to explain: for a brand swap, the people of a
 * cohort who get {@code brandAfter} instead of {@code brandBefore} on the days from {@code firstDay} to
 * {@code lastDay}; for a transfer, the doses of {@code brandAfter} that {@code fromRegion} sends to {@code region};
 * for a later period or a longer interval, the people of the region whose dose moves.
 *
 * @param cohortId    the cohort concerned; null for a transfer
 * @param brandBefore the brand people had; null when the brand does not change
 * @param fromRegion  the sending region of a transfer; null otherwise
 * @param doses       doses moved by a transfer; 0 otherwise
 */
public record RegionChange(
        String region,
        String cohortId,
        String brandBefore,
        String brandAfter,
        LocalDate firstDay,
        LocalDate lastDay,
        long people,
        String fromRegion,
        long doses) {
}
