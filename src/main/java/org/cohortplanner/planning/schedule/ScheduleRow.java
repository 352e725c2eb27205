package org.cohortplanner.planning.schedule;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One line of the daily schedule: the appointments of one cohort in one region for one brand and dose on one day.
 *
 * @param day          the vaccination day
 * @param region       the region of the site groups that give the doses
 * @param cohortId     the cohort the people belong to
 * @param brand        the brand given
 * @param dose         1 for first doses, 2 for second doses
 * @param appointments people booked (dose 1) or due (dose 2) on this day
 * @param capacity     doses the region's open site groups that can give this brand can give on this day (shared by
 *                     every cohort and dose on the same day, so it repeats on their rows)
 * @param stock        doses of this brand on hand in the region and not held for anyone at the end of the day
 *                     (it repeats on every row of the region, brand and day)
 * @param shortage     of the appointments, people who get no dose on this day for want of doses or capacity; each
 *                     of them misses one dose, so this is also the doses short
 * @param reserved     doses of this brand held in the region at the end of the day for second doses already owed
 *                     (0 when the plan does not reserve second doses)
 */
public record ScheduleRow(
        LocalDate day,
        String region,
        String cohortId,
        String brand,
        int dose,
        long appointments,
        long capacity,
        long stock,
        long shortage,
        long reserved) {

    public ScheduleRow {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(cohortId, "cohort id");
        Objects.requireNonNull(brand, "brand");
        if (dose < 1) {
            throw new IllegalArgumentException("dose must be 1 or more, got " + dose);
        }
        if (appointments < 0 || capacity < 0 || stock < 0 || shortage < 0 || reserved < 0) {
            throw new IllegalArgumentException("schedule figures must not be negative: " + day + " " + region + " "
                    + cohortId + " " + brand + " dose " + dose);
        }
        if (shortage > appointments) {
            throw new IllegalArgumentException("shortage " + shortage + " exceeds the " + appointments
                    + " appointments of " + cohortId + " on " + day + " in " + region);
        }
    }

    /** A row without a reserve figure, for plans that do not hold second doses. */
    public ScheduleRow(LocalDate day, String region, String cohortId, String brand, int dose, long appointments,
            long capacity, long stock, long shortage) {
        this(day, region, cohortId, brand, dose, appointments, capacity, stock, shortage, 0);
    }

    /** People who get their dose on this day as booked. */
    public long served() {
        return appointments - shortage;
    }

    public boolean isShort() {
        return shortage > 0;
    }
}
