package org.cohortplanner.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrivalProfileTest {

    @Test
    void aQuarterHourTableGivesItsSharesAndSpreadsTheRestAfterIt() {
        ArrivalProfile table = ArrivalProfile.table(List.of(0.5, 0.2));
        assertEquals(0.25, table.cumulative(7.5, 120), 1e-12);
        assertEquals(0.5, table.cumulative(15, 120), 1e-12);
        assertEquals(0.7, table.cumulative(30, 120), 1e-12);
        // 0.3 left, evenly over minutes 30–120
        assertEquals(0.7 + 0.3 * 45 / 90, table.cumulative(75, 120), 1e-12);
        assertEquals(1, table.cumulative(120, 120), 1e-12);
    }

    @Test
    void aTableLongerThanTheWindowIsCutAtTheCloseAndTheRestSpreadOverTheWindow() {
        ArrivalProfile table = ArrivalProfile.table(List.of(0.4, 0.4, 0.2));
        // a 20-minute window holds all of the first quarter and a third of the second: 0.4 + 0.4 / 3
        double inside = 0.4 + 0.4 / 3;
        assertEquals(0.4 + (1 - inside) * 15 / 20, table.cumulative(15, 20), 1e-12);
    }

    @Test
    void samplingATableFollowsItsCumulativeShares() {
        ArrivalProfile table = ArrivalProfile.table(List.of(0.5, 0.2));
        Sampler random = new Sampler(7);
        int n = 200_000;
        int byQuarter = 0;
        int byHalfHour = 0;
        for (int i = 0; i < n; i++) {
            double minute = table.sampleMinute(random.uniform(), random.uniform(), 120);
            byQuarter += minute < 15 ? 1 : 0;
            byHalfHour += minute < 30 ? 1 : 0;
        }
        assertEquals(0.5, byQuarter / (double) n, 0.005);
        assertEquals(0.7, byHalfHour / (double) n, 0.005);
    }

    @Test
    void sharesAddingUpToMoreThanOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ArrivalProfile.table(List.of(0.7, 0.5)));
    }
}
