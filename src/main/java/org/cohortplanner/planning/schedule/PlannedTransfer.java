package org.cohortplanner.planning.schedule;

import java.time.LocalDate;

/**
 * A transfer as the schedule carries it out: the doses recorded and those actually sent, which are fewer when the
 * sending region's free stock on the shipping day is smaller (no region gives doses it does not have).
 */
public record PlannedTransfer(
        String transferId,
        String brand,
        String fromRegion,
        String toRegion,
        LocalDate shipped,
        LocalDate usableFrom,
        long dosesRecorded,
        long dosesSent) {

    public boolean isShortOfStock() {
        return dosesSent < dosesRecorded;
    }
}
