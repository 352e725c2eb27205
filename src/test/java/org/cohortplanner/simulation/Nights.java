package org.cohortplanner.simulation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.cohortplanner.domain.QueueOrder;

/** Small nights for tests, and replication statistics. */
final class Nights {
    static final LocalDateTime OPENS = LocalDateTime.of(2021, 7, 19, 20, 0);

    private Nights() {
    }

    /**
     * A stationary queue: Poisson arrivals at {@code perMinute} for {@code minutes}, exponential sessions, a waiting
     * room that admits without a quota, one session per person, no retries; the step is a fiftieth of the mean time
     * between session ends at full load.
     */
    static BookingNightParameters stationary(int slots, double perMinute, double meanService, Patience patience,
                                             double minutes) {
        double step = Math.min(BookingNightParameters.MAX_STEP_SECONDS, meanService * 60 / slots / 50);
        return new BookingNightParameters("stationary", OPENS, minutes, Math.round(perMinute * minutes), 1,
                ArrivalProfile.uniform(), ServiceTime.exponential(meanService), slots, List.of(), true,
                Integer.MAX_VALUE, QueueOrder.FIFO, patience, 0, 0, BookingLimit.UNLIMITED, step);
    }

    /** The same stationary queue at the step the model chooses itself from the session time. */
    static BookingNightParameters stationaryAtDefaultStep(int slots, double perMinute, double meanService,
                                                          Patience patience, double minutes) {
        ServiceTime service = ServiceTime.exponential(meanService);
        return new BookingNightParameters("stationary", OPENS, minutes, Math.round(perMinute * minutes), 1,
                ArrivalProfile.uniform(), service, slots, List.of(), true, Integer.MAX_VALUE, QueueOrder.FIFO,
                patience, 0, 0, BookingLimit.UNLIMITED, BookingNightParameters.defaultStepSeconds(service));
    }

    /** A short burst night with a waiting room, retries and two capacity levels. */
    static BookingNightParameters busyNight() {
        return new BookingNightParameters("busy", OPENS, 240, 20_000, 2.5, ArrivalProfile.burst(0.6, 20),
                ServiceTime.exponential(4), 200, List.of(new SlotChange(90, 400)), true, 120, QueueOrder.FIFO,
                Patience.exponential(45), 0.6, 15, BookingLimit.UNLIMITED, 5);
    }

    /** Mean and standard error of a figure over independent replications (seeds 1…n). */
    record Replicated(double mean, double standardError, int n) {
        boolean agreesWith(double expected, double standardErrors, double allowance) {
            return Math.abs(mean - expected) <= standardErrors * standardError + allowance;
        }

        @Override
        public String toString() {
            return String.format("%.5f ± %.5f (n=%d)", mean, standardError, n);
        }
    }

    static List<BookingNightResult> nights(BookingNightModel model, BookingNightParameters parameters, int n) {
        List<BookingNightResult> results = new ArrayList<>();
        for (int seed = 1; seed <= n; seed++) {
            results.add(model.run(parameters, seed));
        }
        return results;
    }

    static Replicated replicate(List<BookingNightResult> nights, ToDoubleFunction<BookingNightResult> figure) {
        List<Double> values = nights.stream().map(figure::applyAsDouble).toList();
        int n = values.size();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1);
        return new Replicated(mean, Math.sqrt(variance / n), n);
    }

    static long abandonments(BookingNightResult result) {
        return result.perMinute().stream().mapToLong(BookingNightResult.MinuteFigures::abandonments).sum();
    }

    static long failures(BookingNightResult result) {
        return result.perMinute().stream().mapToLong(BookingNightResult.MinuteFigures::failures).sum();
    }

    /** Share of all arrivals who had to wait: those who waited and got through, and everyone who gave up waiting. */
    static double waitingShare(BookingNightResult result) {
        double waitedAndThrough = result.waits().shareWaited() * result.gotThrough();
        return (waitedAndThrough + abandonments(result)) / result.people();
    }
}
