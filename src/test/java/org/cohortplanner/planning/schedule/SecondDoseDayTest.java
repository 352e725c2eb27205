package org.cohortplanner.planning.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.cohortplanner.domain.DoseInterval;
import org.junit.jupiter.api.Test;

class SecondDoseDayTest {
    private static final LocalDate MONDAY = LocalDate.of(2021, 7, 26);

    @Test
    void secondDoseFallsOnTheIntervalWhenTheSiteIsOpen() {
        assertEquals(Optional.of(MONDAY.plusDays(28)),
                SecondDoseDay.of(MONDAY, new DoseInterval(28, 28, 42), day -> true));
    }

    @Test
    void aClosedDayMovesTheSecondDoseLaterWithinTheMaximum() {
        LocalDate sunday = MONDAY.minusDays(1);
        assertEquals(Optional.of(sunday.plusDays(29)), SecondDoseDay.of(sunday, new DoseInterval(28, 28, 42),
                day -> day.getDayOfWeek() != DayOfWeek.SUNDAY));
    }

    @Test
    void whenLaterDaysAreNotAllowedTheSecondDoseMovesEarlierWithinTheMinimum() {
        LocalDate sunday = MONDAY.minusDays(1);
        Set<DayOfWeek> closed = Set.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertEquals(Optional.of(sunday.plusDays(27)), SecondDoseDay.of(sunday, new DoseInterval(28, 26, 29),
                day -> !closed.contains(day.getDayOfWeek())));
    }

    @Test
    void noOpenDayWithinTheAllowedIntervalGivesNoSecondDoseDay() {
        assertTrue(SecondDoseDay.of(MONDAY, DoseInterval.fixed(21), day -> !day.equals(MONDAY.plusDays(21)))
                .isEmpty());
    }

    @Test
    void holidaysCountAsClosed() {
        LocalDate holiday = MONDAY.plusDays(21);
        assertEquals(Optional.of(MONDAY.plusDays(22)),
                SecondDoseDay.of(MONDAY, new DoseInterval(21, 21, 42), day -> !day.equals(holiday)));
    }
}
