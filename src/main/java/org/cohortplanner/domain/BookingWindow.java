package org.cohortplanner.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * When a cohort may book, as wall-clock times in the plan's zone. A window that closes before it opens is
 * representable so that an editor and the plan validator can report it; {@link #isOrdered()} tells.
 */
public record BookingWindow(LocalDateTime opens, LocalDateTime closes) {
    public BookingWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
    }

    public boolean isOrdered() {
        return closes.isAfter(opens);
    }

    public Duration length() {
        return Duration.between(opens, closes);
    }

    public boolean overlaps(BookingWindow other) {
        return opens.isBefore(other.closes) && other.opens.isBefore(closes);
    }

    public boolean isOpenAt(LocalDateTime time) {
        return !time.isBefore(opens) && time.isBefore(closes);
    }

    public BookingWindow shiftedBy(Duration shift) {
        return new BookingWindow(opens.plus(shift), closes.plus(shift));
    }
}
