package org.cohortplanner.simulation;

import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.cohortplanner.work.Progress;

/** Something that can run a booking night: the fast model, or the event-list reference used to check it. */
public interface BookingNightModel {

    /**
     * Runs one night. The same parameters and seed give the same result.
     *
     * @throws CancelledException when {@code cancellation} is cancelled during the run
     */
    BookingNightResult run(BookingNightParameters parameters, long seed, Progress<?> progress,
                           Cancellation cancellation);

    default BookingNightResult run(BookingNightParameters parameters, long seed) {
        return run(parameters, seed, Progress.none(), Cancellation.never());
    }
}
