package org.cohortplanner.ui.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightResult.MinuteFigures;

/**
 * The points the Simulation screen's charts draw, without the toolkit: a night lasts days, but what a planner looks
 * at is the first hours, so a chart runs until the queue has gone and half the bookings are made (or booking was
 * suspended), and a few hundred points are plenty for a chart a few hundred pixels wide.
 */
final class NightCharts {
    /** At most this many points per series. */
    static final int MAX_POINTS = 400;

    /** A point: hours after the opening, and the value. */
    record Point(double hours, double value) {
    }

    private NightCharts() {
    }

    /** Minutes after the opening the charts show for {@code nights}, the same for all so that they share axes. */
    static int horizonMinutes(List<BookingNightResult> nights) {
        int horizon = 60;
        int longest = 1;
        for (BookingNightResult night : nights) {
            List<MinuteFigures> minutes = night.perMinute();
            longest = Math.max(longest, minutes.size());
            long peak = night.peakQueue();
            long peakFailures = minutes.stream().mapToLong(MinuteFigures::failures).max().orElse(0);
            int lastQueue = 0;
            for (MinuteFigures minute : minutes) {
                // Without a waiting room the crowd shows as refused sessions rather than as a queue.
                if (minute.queue() > peak / 100 || minute.failures() > peakFailures / 100) {
                    lastQueue = minute.minute();
                }
            }
            double interesting = Math.max(lastQueue, Double.isNaN(night.minutesTo50()) ? 0 : night.minutesTo50());
            if (night.suspended()) {
                interesting = Math.max(interesting, night.suspendedAtMinute());
            }
            horizon = Math.max(horizon, (int) Math.ceil(interesting * 1.25));
        }
        return Math.min(horizon, longest);
    }

    /** The figure at the end of each shown step (a level such as the queue: the largest in the step). */
    /**
     * How far the bookings curve runs: at least {@code horizon}, and on to the minute the results table names as the
     * one by which 99 % had booked (with a little room after it), so that the curve shows the tail the table reports;
     * never past the night's last minute.
     */
    static int bookingsHorizonMinutes(BookingNightResult night, int horizon) {
        double to99 = night.minutesTo99();
        int tail = Double.isNaN(to99) ? horizon : (int) Math.ceil(to99 * 1.05) + 1;
        return Math.max(horizon, Math.min(tail, Math.max(horizon, night.perMinute().size())));
    }

    static List<Point> level(BookingNightResult night, int horizonMinutes, ToLongFunction<MinuteFigures> figure) {
        List<MinuteFigures> minutes = night.perMinute();
        int end = Math.min(horizonMinutes, minutes.size());
        int step = step(horizonMinutes);
        List<Point> points = new ArrayList<>();
        for (int first = 0; first < end; first += step) {
            long largest = 0;
            for (int m = first; m < Math.min(end, first + step); m++) {
                largest = Math.max(largest, figure.applyAsLong(minutes.get(m)));
            }
            points.add(new Point(first / 60.0, largest));
        }
        return points;
    }

    /** A running total (such as bookings) at the end of each shown step. */
    static List<Point> cumulative(BookingNightResult night, int horizonMinutes, ToLongFunction<MinuteFigures> figure) {
        List<MinuteFigures> minutes = night.perMinute();
        int end = Math.min(horizonMinutes, minutes.size());
        int step = step(horizonMinutes);
        List<Point> points = new ArrayList<>();
        points.add(new Point(0, 0));
        long total = 0;
        for (int m = 0; m < end; m++) {
            total += figure.applyAsLong(minutes.get(m));
            if ((m + 1) % step == 0 || m == end - 1) {
                points.add(new Point((m + 1) / 60.0, total));
            }
        }
        return points;
    }

    /** Running totals of several nights added up by the time after each one's own opening. */
    static List<Point> cumulativeOverNights(List<BookingNightResult> nights, int horizonMinutes,
                                            ToLongFunction<MinuteFigures> figure) {
        List<List<Point>> each = nights.stream().map(night -> cumulative(night, horizonMinutes, figure)).toList();
        List<Point> longest = each.stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        List<Point> sum = new ArrayList<>();
        for (int i = 0; i < longest.size(); i++) {
            double total = 0;
            for (List<Point> one : each) {
                // A night shorter than the others keeps its final total.
                total += one.get(Math.min(i, one.size() - 1)).value();
            }
            sum.add(new Point(longest.get(i).hours(), total));
        }
        return sum;
    }

    /** The night whose p95 wait is the longest: the one a scenario's queue chart shows. */
    static BookingNightResult worstNight(List<BookingNightResult> nights) {
        BookingNightResult worst = nights.get(0);
        for (BookingNightResult night : nights) {
            if (night.waits().p95Minutes() > worst.waits().p95Minutes()) {
                worst = night;
            }
        }
        return worst;
    }

    private static int step(int horizonMinutes) {
        return Math.max(1, (int) Math.ceil(horizonMinutes / (double) MAX_POINTS));
    }
}
