package org.cohortplanner.planning;

import java.time.Year;
import java.time.YearMonth;
import java.util.Set;

/**
 * Calendar arithmetic behind the birth-day rotation: how many days of a year have a day of the month ending in a
 * given digit. Digit 1 takes the 1st, 11th, 21st and 31st, so it has more days than digit 0 (10th, 20th, 30th);
 * digit 9 takes 29 February only in leap years. Counting the real calendar keeps a rotation part from being sized
 * as "a tenth" of the year.
 */
public final class BirthDayCalendar {
    /** Every digit a birth day can end in. */
    public static final Set<Integer> ALL_DIGITS = Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);

    private BirthDayCalendar() {
    }

    /** Days of {@code year} whose day of the month ends in {@code digit}. */
    public static int daysEndingIn(int year, int digit) {
        requireDigit(digit);
        int days = 0;
        for (int month = 1; month <= 12; month++) {
            days += daysEndingIn(YearMonth.of(year, month), digit);
        }
        return days;
    }

    /** Days of {@code year} whose day of the month ends in one of {@code digits}. */
    public static int daysEndingIn(int year, Set<Integer> digits) {
        int days = 0;
        for (int digit : digits) {
            days += daysEndingIn(year, digit);
        }
        return days;
    }

    /** Days of the month whose day ends in {@code digit}: 1, 11, 21, 31 for digit 1 in a 31-day month. */
    public static int daysEndingIn(YearMonth month, int digit) {
        requireDigit(digit);
        int length = month.lengthOfMonth();
        int first = digit == 0 ? 10 : digit;
        return first > length ? 0 : (length - first) / 10 + 1;
    }

    public static int daysIn(int year) {
        return Year.of(year).length();
    }

    private static void requireDigit(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("a birth-day digit must be 0–9, got " + digit);
        }
    }
}
