package org.cohortplanner.ui.timeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class TimeAxisTest {
    private static final LocalDateTime NIGHT = LocalDateTime.of(2021, 7, 19, 18, 0);

    @Test
    void timesAndPixelsConvertBothWays() {
        TimeAxis axis = new TimeAxis(NIGHT, 60);

        assertEquals(120, axis.x(NIGHT.plusHours(2)), 1e-9);
        assertEquals(-30, axis.x(NIGHT.minusMinutes(30)), 1e-9);
        assertEquals(NIGHT.plusMinutes(90), axis.timeAt(90));
        assertEquals(NIGHT.plusHours(10), axis.end(600));
        assertEquals(30, axis.width(Duration.ofMinutes(30)), 1e-9);
    }

    @Test
    void fittingPutsBothEndsAtTheEdges() {
        LocalDateTime from = LocalDateTime.of(2021, 7, 11, 0, 0);
        LocalDateTime to = LocalDateTime.of(2021, 10, 3, 0, 0);
        TimeAxis axis = TimeAxis.fitting(from, to, 1000);

        assertEquals(0, axis.x(from), 1e-9);
        assertEquals(1000, axis.x(to), 1e-6);
        assertEquals(1000.0 / (84 * 24), axis.hourWidth(), 1e-12);
    }

    @Test
    void zoomingKeepsTheTimeUnderTheMouseInPlace() {
        TimeAxis axis = new TimeAxis(NIGHT, 10);
        LocalDateTime underMouse = axis.timeAt(250);

        TimeAxis zoomedIn = axis.zoomedAt(250, 2, 1, 120);
        TimeAxis zoomedOut = axis.zoomedAt(250, 0.5, 1, 120);

        assertEquals(20, zoomedIn.hourWidth(), 1e-9);
        assertEquals(250, zoomedIn.x(underMouse), 0.01);
        assertEquals(5, zoomedOut.hourWidth(), 1e-9);
        assertEquals(250, zoomedOut.x(underMouse), 0.01);
    }

    @Test
    void zoomStopsAtItsLimits() {
        TimeAxis axis = new TimeAxis(NIGHT, 100);

        assertEquals(120, axis.zoomedAt(0, 4, 1, 120).hourWidth(), 1e-9);
        assertEquals(1, axis.zoomedAt(0, 0.001, 1, 120).hourWidth(), 1e-9);
        assertEquals(NIGHT, axis.zoomedAt(0, 4, 1, 120).start());
    }

    @Test
    void scrollingMovesTheStartByThePixelsGiven() {
        TimeAxis axis = new TimeAxis(NIGHT, 30);

        assertEquals(NIGHT.plusHours(2), axis.scrolledBy(60).start());
        assertEquals(NIGHT.minusMinutes(30), axis.scrolledBy(-15).start());
    }

    @Test
    void anAxisWithoutWidthIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new TimeAxis(NIGHT, 0));
        assertThrows(IllegalArgumentException.class, () -> TimeAxis.fitting(NIGHT, NIGHT, 100));
    }
}
