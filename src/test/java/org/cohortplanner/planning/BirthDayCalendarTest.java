package org.cohortplanner.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BirthDayCalendarTest {

    @Test
    void digitOneInAThirtyOneDayMonthIsTheFirstEleventhTwentyFirstAndThirtyFirst() {
        assertEquals(4, BirthDayCalendar.daysEndingIn(YearMonth.of(2021, 1), 1));
        assertEquals(3, BirthDayCalendar.daysEndingIn(YearMonth.of(2021, 4), 1));
    }

    @Test
    void digitNineInFebruaryHasTheTwentyNinthOnlyInALeapYear() {
        assertEquals(3, BirthDayCalendar.daysEndingIn(YearMonth.of(2000, 2), 9));
        assertEquals(3, BirthDayCalendar.daysEndingIn(YearMonth.of(1968, 2), 9));
        assertEquals(2, BirthDayCalendar.daysEndingIn(YearMonth.of(1900, 2), 9));
        assertEquals(2, BirthDayCalendar.daysEndingIn(YearMonth.of(1967, 2), 9));
    }

    @Test
    void digitZeroIsTheTenthTwentiethAndThirtiethButFebruaryHasNoThirtieth() {
        assertEquals(3, BirthDayCalendar.daysEndingIn(YearMonth.of(1971, 3), 0));
        assertEquals(2, BirthDayCalendar.daysEndingIn(YearMonth.of(1972, 2), 0));
    }

    @Test
    void aCommonYearHasFewerDaysEndingInZeroAndNineThanInOne() {
        int[] expected = {35, 43, 36, 36, 36, 36, 36, 36, 36, 35};
        for (int digit = 0; digit <= 9; digit++) {
            assertEquals(expected[digit], BirthDayCalendar.daysEndingIn(1967, digit), "digit " + digit);
        }
        assertEquals(36, BirthDayCalendar.daysEndingIn(1968, 9), "leap year digit 9");
    }

    @Test
    void countsAgreeWithWalkingEveryDayOfEveryYear() {
        for (int year = 1850; year <= 2200; year++) {
            int[] walked = new int[10];
            for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
                walked[day.getDayOfMonth() % 10]++;
            }
            int total = 0;
            for (int digit = 0; digit <= 9; digit++) {
                assertEquals(walked[digit], BirthDayCalendar.daysEndingIn(year, digit), year + " digit " + digit);
                total += BirthDayCalendar.daysEndingIn(year, digit);
            }
            assertEquals(BirthDayCalendar.daysIn(year), total, "days of " + year);
            assertEquals(BirthDayCalendar.daysIn(year),
                    BirthDayCalendar.daysEndingIn(year, BirthDayCalendar.ALL_DIGITS));
        }
    }

    @Test
    void countsASetOfDigitsAsTheSumOfItsDigits() {
        assertEquals(43 + 36, BirthDayCalendar.daysEndingIn(1967, Set.of(1, 2)));
    }

    @Test
    void refusesADigitOutsideZeroToNine() {
        assertThrows(IllegalArgumentException.class, () -> BirthDayCalendar.daysEndingIn(1967, 10));
        assertThrows(IllegalArgumentException.class, () -> BirthDayCalendar.daysEndingIn(YearMonth.of(1967, 1), -1));
    }
}
