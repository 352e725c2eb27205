package org.cohortplanner.simulation;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * What one booking night looks like. Counts are people unless they say sessions; times are minutes after the
 * opening; a time that never came (nobody booked, no suspension) is NaN.
 *
 * @param perMinute           one row per minute of the window
 * @param people              people who tried (eligible × uptake)
 * @param sessions            sessions that reached the booking system or its waiting room, retries included
 * @param gotThrough          people who got a session slot (their booking session started)
 * @param booked              people who booked an appointment
 * @param gaveUp              people who gave up for good (patience ran out or a failure, and they did not come back)
 * @param stillTryingAtClose  people still waiting, or due to come back, when the window closed
 * @param turnedAway          people refused because booking was suspended (the window's appointments were gone)
 * @param waits               waiting time from a person's first attempt until they got through, over those who did
 * @param minutesTo50         time until half of the eventual bookers had booked
 * @param suspended           whether booking was suspended because the window's appointments were booked
 * @param suspendedAtMinute   when it was suspended
 * @param events              arrivals, admissions, session ends, abandonments, failures and returns processed
 * @param positionEstimates   at the minute of the longest queue: the wait shown at some queue positions and the wait
 *                            that came true
 * @param outages             when the booking system was down after a crash (see {@code Overload})
 */
public record BookingNightResult(
        BookingNightParameters parameters,
        long seed,
        List<MinuteFigures> perMinute,
        long people,
        long sessions,
        long gotThrough,
        long booked,
        long gaveUp,
        long stillTryingAtClose,
        long turnedAway,
        WaitSummary waits,
        double minutesTo50,
        double minutesTo90,
        double minutesTo99,
        boolean suspended,
        double suspendedAtMinute,
        long events,
        List<PositionEstimate> positionEstimates,
        List<Outage> outages) {

    public BookingNightResult {
        perMinute = List.copyOf(perMinute);
        positionEstimates = List.copyOf(positionEstimates);
        outages = List.copyOf(outages == null ? List.of() : outages);
    }

    /** A night on which the booking system never crashed. */
    public BookingNightResult(BookingNightParameters parameters, long seed, List<MinuteFigures> perMinute,
                              long people, long sessions, long gotThrough, long booked, long gaveUp,
                              long stillTryingAtClose, long turnedAway, WaitSummary waits, double minutesTo50,
                              double minutesTo90, double minutesTo99, boolean suspended, double suspendedAtMinute,
                              long events, List<PositionEstimate> positionEstimates) {
        this(parameters, seed, perMinute, people, sessions, gotThrough, booked, gaveUp, stillTryingAtClose,
                turnedAway, waits, minutesTo50, minutesTo90, minutesTo99, suspended, suspendedAtMinute, events,
                positionEstimates, List.of());
    }

    /**
     * The booking system crashed at {@code fromMinute} after the opening and served again from {@code toMinute}
     * (capped at the close).
     */
    public record Outage(double fromMinute, double toMinute) {
    }

    /**
     * One minute of the night.
     *
     * @param arrivals     sessions arriving (first attempts and returns)
     * @param queue        people in the waiting room at the end of the minute
     * @param active       sessions holding a slot at the end of the minute
     * @param admitted     people who got a slot
     * @param bookings     appointments booked
     * @param abandonments people who gave up waiting
     * @param failures     sessions refused because every slot was busy (no waiting room)
     */
    public record MinuteFigures(int minute, long arrivals, long queue, long active, long admitted, long bookings,
                                long abandonments, long failures) {
    }

    /** Waits in minutes from first attempt to getting through, over people who got through. */
    public record WaitSummary(double shareWaited, double meanMinutes, double p50Minutes, double p95Minutes,
                              double maxMinutes) {
    }

    /**
     * @param atMinute       the minute the person looked at the screen
     * @param position       people ahead of them
     * @param shownMinutes   what the waiting room showed: position / admissions per minute of the last 5 minutes
     * @param actualMinutes  how long until that many people had been let in (NaN: not before the close)
     */
    public record PositionEstimate(int atMinute, long position, double shownMinutes, double actualMinutes) {
    }

    /** People who never got a session slot, for whatever reason. */
    public long neverGotThrough() {
        return people - gotThrough;
    }

    public Optional<LocalDateTime> suspendedAt() {
        return suspended ? Optional.of(parameters.opens().plusSeconds(Math.round(suspendedAtMinute * 60)))
                : Optional.empty();
    }

    public long peakQueue() {
        return perMinute.stream().mapToLong(MinuteFigures::queue).max().orElse(0);
    }

    public long peakActive() {
        return perMinute.stream().mapToLong(MinuteFigures::active).max().orElse(0);
    }

    /**
     * The wait the waiting room would show at {@code minute} to a person with {@code position} people ahead: position
     * divided by the people let in per minute over the five minutes up to then.
     */
    public double shownWaitMinutes(int minute, long position) {
        int last = Math.min(minute, perMinute.size() - 1);
        int first = Math.max(0, last - 4);
        long admitted = 0;
        for (int m = first; m <= last; m++) {
            admitted += perMinute.get(m).admitted();
        }
        return QueueingFormulas.shownWaitMinutes(position, admitted / (double) (last - first + 1));
    }
}
