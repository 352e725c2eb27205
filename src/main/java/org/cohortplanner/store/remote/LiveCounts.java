package org.cohortplanner.store.remote;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What the booking backend has done so far on a booking night, for the console's live view next to the simulation's
 * prediction. Times are wall-clock times in the plan's zone.
 *
 * @param at          the backend's clock when it answered
 * @param planVersion the plan version the counts were taken under
 */
public record LiveCounts(LocalDateTime at, String zone, long planVersion, WaitingRoomNow waitingRoom,
                         List<CohortNow> cohorts, List<MinuteCounts> minutes) {
    public LiveCounts {
        cohorts = List.copyOf(cohorts);
        minutes = List.copyOf(minutes);
    }

    /** The waiting room at this moment: the rate it lets people in at and how many wait. */
    public record WaitingRoomNow(boolean enabled, int admittedPerMinute, long queueLength) {
    }

    /**
     * One booking window.
     *
     * @param limit      first-dose appointments the window's doses allow (the dose budget)
     * @param turnedAway told no: doses gone (suspended) or no site with room
     * @param busy       told to come back because the system was full (no waiting room)
     */
    public record CohortNow(String id, String name, LocalDateTime opens, LocalDateTime closes, boolean windowOpen,
                            long limit, long booked, long waiting, long turnedAway, long busy, boolean suspended) {
    }

    /** One minute of the night. */
    public record MinuteCounts(LocalDateTime minute, long arrived, long admitted, long booked, long turnedAway,
                               long busy, long queueLength) {
    }
}
