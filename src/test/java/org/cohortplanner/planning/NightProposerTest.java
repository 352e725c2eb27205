package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.Holiday;
import org.junit.jupiter.api.Test;

class NightProposerTest {

    private static BookingWindow night(int month, int day) {
        LocalDateTime opens = LocalDateTime.of(2021, month, day, 20, 0);
        return new BookingWindow(opens, opens.plusHours(22));
    }

    @Test
    void proposesConsecutiveNightsAtTheSameTimes() {
        List<BookingWindow> nights = new NightProposer(List.of()).consecutiveNights(night(7, 19), 3);
        assertEquals(List.of(night(7, 19), night(7, 20), night(7, 21)), nights);
    }

    @Test
    void passesOverNightsThatOpenOnAHoliday() {
        NightProposer proposer = new NightProposer(Plans2021.HOLIDAYS);
        List<BookingWindow> nights = proposer.consecutiveNights(night(8, 13), 4);
        assertEquals(List.of(night(8, 13), night(8, 14), night(8, 17), night(8, 18)), nights);
        assertArrayEquals(new long[] {0, 1, 4, 5}, proposer.shiftsInDays(night(8, 13), 4));
    }

    @Test
    void movesTheFirstNightOffAHolidayToo() {
        NightProposer proposer = new NightProposer(List.of(new Holiday(LocalDate.of(2021, 9, 21), "Chuseok")));
        assertEquals(List.of(night(9, 22), night(9, 23)), proposer.consecutiveNights(night(9, 21), 2));
    }

    @Test
    void keepsTheLengthOfAWindowThatRunsSeveralDays() {
        BookingWindow catchUp = new BookingWindow(LocalDateTime.of(2021, 7, 21, 20, 0),
                LocalDateTime.of(2021, 7, 24, 18, 0));
        BookingWindow second = new NightProposer(List.of()).consecutiveNights(catchUp, 2).get(1);
        assertEquals(LocalDateTime.of(2021, 7, 22, 20, 0), second.opens());
        assertEquals(catchUp.length(), second.length());
    }
}
