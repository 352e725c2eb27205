package org.cohortplanner.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The days on which a cohort gets its first doses, inclusive. A period ending before it starts is representable
 * so that the validator can report it; {@link #isOrdered()} tells.
 */
public record VaccinationPeriod(LocalDate firstDay, LocalDate lastDay) {
    public VaccinationPeriod {
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(lastDay, "lastDay");
    }

    public boolean isOrdered() {
        return !lastDay.isBefore(firstDay);
    }

    /** Number of days, counting both ends; 0 when the period is not ordered. */
    public long days() {
        return isOrdered() ? ChronoUnit.DAYS.between(firstDay, lastDay) + 1 : 0;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }

    public Stream<LocalDate> dates() {
        return isOrdered() ? firstDay.datesUntil(lastDay.plusDays(1)) : Stream.empty();
    }

    public VaccinationPeriod shiftedBy(long days) {
        return new VaccinationPeriod(firstDay.plusDays(days), lastDay.plusDays(days));
    }
}
