package org.cohortplanner.simulation;

/** Something that can run a booking night: the fast model, or the event-list reference used to check it. */
public interface BookingNightModel {

    /**
     * Runs one night. The same parameters and seed give the same result.
     *
     * @throws SimulationCancelledException when {@code cancellation} is cancelled during the run
     */
    BookingNightResult run(BookingNightParameters parameters, long seed, ProgressListener progress,
                           CancellationToken cancellation);

    default BookingNightResult run(BookingNightParameters parameters, long seed) {
        return run(parameters, seed, ProgressListener.NONE, CancellationToken.never());
    }
}
