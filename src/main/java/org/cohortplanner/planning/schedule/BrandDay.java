package org.cohortplanner.planning.schedule;

import java.time.LocalDate;

/**
 * One brand on one day, nationwide: what arrived, what was due and given, what is left. The stock chart of the
 * supply screen draws these.
 *
 * @param arrived       doses delivered on this day (by expected arrival)
 * @param due           appointments for this brand on this day, first and second doses
 * @param given         doses given
 * @param stock         doses on hand and not held for anyone at the end of the day
 * @param reserved      doses held for second doses already owed at the end of the day
 * @param capacity      doses the open site groups that can give this brand could give on this day
 * @param peopleShort   people who get no dose of this brand on their appointment day
 * @param dosesShort    doses lacking on this day: each first dose that could not be given counts with its held
 *                      second dose when the plan reserves them; shortfalls of capacity alone count none
 */
public record BrandDay(
        LocalDate day,
        String brand,
        long arrived,
        long due,
        long given,
        long stock,
        long reserved,
        long capacity,
        long peopleShort,
        long dosesShort) {

    public boolean isShort() {
        return peopleShort > 0;
    }
}
