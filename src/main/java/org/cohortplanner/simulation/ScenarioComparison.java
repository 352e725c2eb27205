package org.cohortplanner.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.SplitNotPossibleException;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * Runs a baseline night and its variants with the same seed and puts them side by side: one row per scenario, with
 * every night's result kept so that charts can share their axes. A scenario may be several nights (a split): its
 * row adds up people and bookings and shows the worst night's waits.
 */
public final class ScenarioComparison {
    private final BookingNightModel model;

    public ScenarioComparison(BookingNightModel model) {
        this.model = model;
    }

    /** A named variant: one night, or the nights of a split. */
    public record Scenario(String name, List<BookingNightParameters> nights) {
        public Scenario {
            if (nights.isEmpty()) {
                throw new IllegalArgumentException("scenario " + name + " has no night");
            }
            nights = List.copyOf(nights);
        }

        public static Scenario of(String name, BookingNightParameters night) {
            return new Scenario(name, List.of(night));
        }
    }

    /** One scenario's line of the table. Waits and times are minutes; for several nights, those of the worst. */
    public record Row(String scenario, int nights, long people, long booked, long neverGotThrough,
                      double p50WaitMinutes, double p95WaitMinutes, double maxWaitMinutes, double minutesTo90,
                      boolean suspended, long turnedAway, long peakQueue, List<BookingNightResult> results) {
        public Row {
            results = List.copyOf(results);
        }
    }

    public List<Row> compare(List<Scenario> scenarios, long seed, Progress<?> progress,
                             Cancellation cancellation) {
        int total = scenarios.stream().mapToInt(s -> s.nights().size()).sum();
        int done = 0;
        List<Row> rows = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            List<BookingNightResult> results = new ArrayList<>();
            for (BookingNightParameters night : scenario.nights()) {
                results.add(model.run(night, seed, Progress.none(), cancellation));
                progress.report(++done / (double) total);
            }
            rows.add(row(scenario.name(), results));
        }
        return rows;
    }

    private static Row row(String name, List<BookingNightResult> results) {
        long people = 0;
        long booked = 0;
        long never = 0;
        long turnedAway = 0;
        long peakQueue = 0;
        double p50 = 0;
        double p95 = 0;
        double max = 0;
        double to90 = 0;
        boolean suspended = false;
        for (BookingNightResult result : results) {
            people += result.people();
            booked += result.booked();
            never += result.neverGotThrough();
            turnedAway += result.turnedAway();
            peakQueue = Math.max(peakQueue, result.peakQueue());
            p50 = Math.max(p50, result.waits().p50Minutes());
            p95 = Math.max(p95, result.waits().p95Minutes());
            max = Math.max(max, result.waits().maxMinutes());
            to90 = Math.max(to90, Double.isNaN(result.minutesTo90()) ? 0 : result.minutesTo90());
            suspended |= result.suspended();
        }
        return new Row(name, results.size(), people, booked, never, p50, p95, max, to90, suspended, turnedAway,
                peakQueue, results);
    }

    /**
     * The usual questions about a cohort's night: as planned; with twice the capacity; with a waiting room (if it
     * has none: admitting what the slots serve a minute, first come first served); split in two by birth year on
     * consecutive nights; and with {@code otherMultiplier} sessions per person.
     */
    public static List<Scenario> standardVariants(Plan plan, Cohort cohort, BookingNights nights,
                                                  double otherMultiplier) {
        BookingNightParameters base = nights.parameters(plan, cohort);
        List<Scenario> scenarios = new ArrayList<>();
        scenarios.add(Scenario.of("as planned", base));
        scenarios.add(Scenario.of("capacity ×2", base.withCapacityScaled(2)));
        if (base.waitingRoom()) {
            scenarios.add(Scenario.of("no waiting room", base.withWaitingRoom(false, 0, base.queueOrder())));
        } else {
            int perMinute = (int) Math.max(1, Math.round(base.slots() / base.serviceTime().meanMinutes()));
            scenarios.add(Scenario.of("waiting room " + perMinute + "/min",
                    base.withWaitingRoom(true, perMinute, QueueOrder.FIFO)));
        }
        halves(plan, cohort, nights).ifPresent(parts -> scenarios.add(new Scenario("split in 2 by birth year", parts)));
        scenarios.add(Scenario.of("multiplier " + otherMultiplier, base.withAccessMultiplier(otherMultiplier)));
        return scenarios;
    }

    private static Optional<List<BookingNightParameters>> halves(Plan plan, Cohort cohort, BookingNights nights) {
        if (cohort.birthYears().size() < 2) {
            return Optional.empty();
        }
        try {
            CohortSplitter splitter = new CohortSplitter();
            Plan split = splitter.sketch(plan, splitter.intoEqualParts(plan, cohort.id(), 2));
            return Optional.of(CohortFamilies.partsOf(split, cohort.id()).stream()
                    .map(part -> nights.parameters(split, part)).toList());
        } catch (SplitNotPossibleException notPossible) {
            return Optional.empty();
        }
    }
}
