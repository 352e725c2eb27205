package org.cohortplanner.ui.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.cohortplanner.simulation.BookingLimit;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightResult.MinuteFigures;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.ui.UiTestPlans;
import org.junit.jupiter.api.Test;

class NightChartsTest {
    private static final BookingNightParameters NIGHT = new BookingNights(BookingLimit.unlimited())
            .parameters(UiTestPlans.initial(), UiTestPlans.fiftyToFiftyFour());

    /**
     * A night of {@code minutes} minutes whose queue lasts {@code queueMinutes}, half booked halfway through the
     * queue, booking 10 people a minute.
     */
    private static BookingNightResult night(int minutes, int queueMinutes) {
        List<MinuteFigures> perMinute = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            perMinute.add(new MinuteFigures(m, 0, m < queueMinutes ? 1_000 : 0, 5, 10, 10, 0, 0));
        }
        return new BookingNightResult(NIGHT, 1, perMinute, 10L * minutes, 10L * minutes, 10L * minutes,
                10L * minutes, 0, 0, 0, new BookingNightResult.WaitSummary(0, 0, 0, 0, 0), queueMinutes / 2.0,
                minutes * 0.9, minutes * 0.99, false, Double.NaN, 0, List.of());
    }

    @Test
    void chartsRunUntilTheQueueHasGoneOrHalfTheBookingsAreMade() {
        assertEquals(249, NightCharts.horizonMinutes(List.of(night(7_000, 200))));
        assertEquals(7_499, NightCharts.horizonMinutes(List.of(night(20_000, 6_000), night(7_000, 200))),
                "a shared axis is as long as the night that needs most");
        assertEquals(7_000, NightCharts.horizonMinutes(List.of(night(7_000, 6_000))), "never past the close");
    }

    @Test
    void theBookingsCurveRunsOnToTheTailTheTableReports() {
        BookingNightResult longTail = night(7_000, 200);
        int horizon = NightCharts.horizonMinutes(List.of(longTail));
        int bookings = NightCharts.bookingsHorizonMinutes(longTail, horizon);
        assertTrue(bookings >= longTail.minutesTo99(), "the curve reaches the minute by which 99 % had booked: "
                + bookings + " against " + longTail.minutesTo99());
        assertEquals(7_000, bookings, "and stops at the night's last minute");
        BookingNightResult shortNight = night(100, 0);
        int shortHorizon = NightCharts.horizonMinutes(List.of(shortNight));
        assertTrue(shortHorizon < 99, "the queue's horizon alone would stop at " + shortHorizon);
        assertEquals(100, NightCharts.bookingsHorizonMinutes(shortNight, shortHorizon),
                "the curve goes on past it to the 99 % at minute 99, up to the night's last minute");
    }

    @Test
    void runningTotalsAddUpEveryMinuteShown() {
        List<NightCharts.Point> booked = NightCharts.cumulative(night(1_000, 0), 1_000, MinuteFigures::bookings);

        assertEquals(10_000, booked.get(booked.size() - 1).value());
        assertEquals(1_000 / 60.0, booked.get(booked.size() - 1).hours(), 1e-9);
        assertTrue(booked.size() <= NightCharts.MAX_POINTS + 2, "points: " + booked.size());
    }

    @Test
    void levelsKeepTheLargestFigureOfEachStep() {
        List<NightCharts.Point> queue = NightCharts.level(night(7_000, 1), 7_000, MinuteFigures::queue);

        assertEquals(1_000, queue.get(0).value());
        assertEquals(0, queue.get(1).value());
        assertTrue(queue.size() <= NightCharts.MAX_POINTS);
    }

    @Test
    void nightsOfASplitAddUpByTheTimeAfterEachOpening() {
        List<NightCharts.Point> both = NightCharts.cumulativeOverNights(List.of(night(100, 0), night(50, 0)), 100,
                MinuteFigures::bookings);

        assertEquals(1_500, both.get(both.size() - 1).value(), "the shorter night keeps its total");
    }
}
