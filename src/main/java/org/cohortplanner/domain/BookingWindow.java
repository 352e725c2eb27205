package org.cohortplanner.domain;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * When a cohort may book, as wall-clock times in the plan's zone. A window that closes before it opens is
 * representable so that an editor and the plan validator can report it; {@link #isOrdered()} tells.
 *
 * @param reservationCap first-dose bookings the planners allow the window at most, their own decision (KDCA capped
 *                       the 55–59 window of 12 July 2021 at the Moderna it counted on); null when the planners set
 *                       none and the dose budget alone limits the window
 */
public record BookingWindow(LocalDateTime opens, LocalDateTime closes, Long reservationCap) {
    public BookingWindow {
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (reservationCap != null) {
            Require.nonNegative(reservationCap, "reservation cap");
        }
    }

    /** A window without a reservation cap. */
    public BookingWindow(LocalDateTime opens, LocalDateTime closes) {
        this(opens, closes, null);
    }

    public BookingWindow withReservationCap(Long newCap) {
        return new BookingWindow(opens, closes, newCap);
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
        return new BookingWindow(opens.plus(shift), closes.plus(shift), reservationCap);
    }
}
