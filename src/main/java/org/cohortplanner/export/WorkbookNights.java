package org.cohortplanner.export;

import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * The booking nights of the Simulation sheet: one per booking window, with the plan's supply as the appointment
 * limit and a fixed seed, so the same plan exports the same figures from the console and the command line.
 */
public final class WorkbookNights {
    /** The seed of every exported night. */
    public static final long SEED = 2021;

    private WorkbookNights() {
    }

    /**
     * Simulates one night per booking window, in opening order.
     *
     * @throws org.cohortplanner.work.CancelledException when {@code cancel} is set meanwhile
     */
    public static List<BookingNightResult> simulate(Plan plan, Cancellation cancel) {
        BookingNights nights = BookingNights.standard();
        BookingNightSimulator simulator = new BookingNightSimulator();
        List<BookingNightResult> results = new ArrayList<>();
        for (Cohort window : nights.windows(plan)) {
            results.add(simulator.run(nights.parameters(plan, window), SEED, Progress.none(), cancel));
        }
        return results;
    }
}
