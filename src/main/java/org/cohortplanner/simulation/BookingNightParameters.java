package org.cohortplanner.simulation;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.QueueOrder;

/**
 * Everything one booking night depends on. Immutable; the {@code withX} methods make the variants a planner
 * compares (more capacity, a waiting room, another multiplier).
 *
 * @param windowName        what the window is called (the cohort's name)
 * @param opens             when the window opens, in the plan's zone (labels only; the model counts minutes)
 * @param windowMinutes     how long the window stays open
 * @param people            people who try: eligible × uptake
 * @param accessMultiplier  mean devices (or helpers) a person tries from at each attempt, at least 1: 1 + Poisson(m − 1)
 * @param arrivals          when first attempts are made
 * @param serviceTime       how long a session holds a slot
 * @param slots             concurrent session slots at the opening
 * @param slotChanges       later capacity changes, in minutes after the opening
 * @param waitingRoom       true: people queue and are let in at most {@code admittedPerMinute} a minute while slots
 *                          are free; false: sessions beyond free slots fail at once
 * @param admittedPerMinute waiting-room admission limit (people per calendar minute of the window)
 * @param queueOrder        FIFO, or RANDOM (each admission picks uniformly among those waiting)
 * @param patience          how long people stay in the waiting room
 * @param retryProbability  chance that a person (not a device) tries again after a failed attempt; the rest tire
 * @param retryDelayMinutes mean (exponential) time before they come back; 0 = at once
 * @param bookingLimit      appointments the window can take; when they are booked, booking is suspended and the
 *                          rest are turned away ({@link BookingLimit#UNLIMITED} for none)
 * @param stepSeconds       time step of the fast model (the event-list reference ignores it)
 * @param overload          how the system breaks beyond its capacity ({@link Overload#NONE}: it does not)
 */
public record BookingNightParameters(
        String windowName,
        LocalDateTime opens,
        double windowMinutes,
        long people,
        double accessMultiplier,
        ArrivalProfile arrivals,
        ServiceTime serviceTime,
        int slots,
        List<SlotChange> slotChanges,
        boolean waitingRoom,
        int admittedPerMinute,
        QueueOrder queueOrder,
        Patience patience,
        double retryProbability,
        double retryDelayMinutes,
        long bookingLimit,
        double stepSeconds,
        Overload overload) {

    /** Longest step the fast model takes: short against the waits planners look at (minutes). */
    public static final double MAX_STEP_SECONDS = 10;

    public BookingNightParameters {
        windowName = windowName == null || windowName.isBlank() ? "window" : windowName.strip();
        if (opens == null) {
            throw new IllegalArgumentException("opening time of " + windowName + " is missing");
        }
        if (!Double.isFinite(windowMinutes) || windowMinutes <= 0) {
            throw new IllegalArgumentException("window " + windowName + " must stay open for some time, got "
                    + windowMinutes + " minutes");
        }
        if (people < 0) {
            throw new IllegalArgumentException("people who try in " + windowName + " must be 0 or more, got " + people);
        }
        if (!Double.isFinite(accessMultiplier) || accessMultiplier < 1) {
            throw new IllegalArgumentException("access multiplier must be at least 1, got " + accessMultiplier);
        }
        require(arrivals != null, "arrival profile is missing");
        require(serviceTime != null, "session time is missing");
        require(slots >= 1, "the booking system needs at least 1 session slot, got " + slots);
        slotChanges = List.copyOf(slotChanges == null ? List.of() : slotChanges).stream()
                .sorted(Comparator.comparingDouble(SlotChange::atMinute)).toList();
        require(!waitingRoom || admittedPerMinute >= 1,
                "a waiting room must admit at least 1 person a minute, got " + admittedPerMinute);
        require(admittedPerMinute >= 0, "admitted per minute must be 0 or more, got " + admittedPerMinute);
        queueOrder = queueOrder == null ? QueueOrder.FIFO : queueOrder;
        require(patience != null, "patience is missing");
        require(Double.isFinite(retryProbability) && retryProbability >= 0 && retryProbability <= 1,
                "retry probability must be between 0 and 1, got " + retryProbability);
        require(Double.isFinite(retryDelayMinutes) && retryDelayMinutes >= 0,
                "retry delay must be 0 minutes or more, got " + retryDelayMinutes);
        require(bookingLimit >= 0, "booking limit must be 0 or more, got " + bookingLimit);
        require(Double.isFinite(stepSeconds) && stepSeconds > 0 && stepSeconds <= MAX_STEP_SECONDS,
                "time step must be above 0 and at most " + MAX_STEP_SECONDS + " s, got " + stepSeconds);
        require(stepSeconds <= serviceTime.meanMinutes() * 60 / 4,
                "time step of " + stepSeconds + " s is too long for sessions of " + serviceTime.meanMinutes()
                        + " min (at most a quarter of a session)");
        overload = overload == null ? Overload.NONE : overload;
    }

    /** A night on a system that does not break under load. */
    public BookingNightParameters(String windowName, LocalDateTime opens, double windowMinutes, long people,
                                  double accessMultiplier, ArrivalProfile arrivals, ServiceTime serviceTime,
                                  int slots, List<SlotChange> slotChanges, boolean waitingRoom,
                                  int admittedPerMinute, QueueOrder queueOrder, Patience patience,
                                  double retryProbability, double retryDelayMinutes, long bookingLimit,
                                  double stepSeconds) {
        this(windowName, opens, windowMinutes, people, accessMultiplier, arrivals, serviceTime, slots, slotChanges,
                waitingRoom, admittedPerMinute, queueOrder, patience, retryProbability, retryDelayMinutes,
                bookingLimit, stepSeconds, Overload.NONE);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A step short enough against the session time (1/30 of it), at most {@link #MAX_STEP_SECONDS}. */
    public static double defaultStepSeconds(ServiceTime serviceTime) {
        return Math.min(MAX_STEP_SECONDS, serviceTime.meanMinutes() * 60 / 30);
    }

    /** Slots in force at {@code minute} after the opening. */
    public int slotsAt(double minute) {
        int result = slots;
        for (SlotChange change : slotChanges) {
            if (change.atMinute() <= minute) {
                result = change.slots();
            }
        }
        return result;
    }

    /** Sessions an hour the system completes at full load at {@code minute}: slots × 60 / mean session minutes. */
    public double sessionsPerHourAt(double minute) {
        return slotsAt(minute) * 60 / serviceTime.meanMinutes();
    }

    /**
     * Connections the system holds with {@code slotsNow} session slots: the plan's concurrent requests grow and
     * shrink with the servers, in proportion to the slots (extra servers bring their own connections).
     */
    public long connectionsAt(int slotsNow) {
        return Math.max(1, Math.round(overload.concurrentRequests() * (double) slotsNow / slots));
    }

    public boolean hasBookingLimit() {
        return bookingLimit < people;
    }

    public BookingNightParameters withWindow(String newName, LocalDateTime newOpens, double newMinutes) {
        return new BookingNightParameters(newName, newOpens, newMinutes, people, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    public BookingNightParameters withPeople(long newPeople) {
        return new BookingNightParameters(windowName, opens, windowMinutes, newPeople, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    public BookingNightParameters withAccessMultiplier(double newMultiplier) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, newMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    public BookingNightParameters withArrivals(ArrivalProfile newArrivals) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, newArrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    public BookingNightParameters withServiceTime(ServiceTime newServiceTime) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                newServiceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit,
                Math.min(stepSeconds, defaultStepSeconds(newServiceTime)), overload);
    }

    public BookingNightParameters withCapacity(int newSlots, List<SlotChange> newChanges) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                serviceTime, newSlots, newChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    /**
     * Every slot figure (at the opening and after each change) multiplied by {@code factor}: more servers, so the
     * connections they hold grow by the same factor.
     */
    public BookingNightParameters withCapacityScaled(double factor) {
        List<SlotChange> scaled = slotChanges.stream()
                .map(c -> new SlotChange(c.atMinute(), Math.max(1, (int) Math.round(c.slots() * factor)))).toList();
        Overload scaledOverload = overload.enabled()
                ? new Overload(Math.max(1, Math.round(overload.concurrentRequests() * factor)),
                        overload.timeoutSeconds(), overload.restartMinutes())
                : overload;
        return withCapacity(Math.max(1, (int) Math.round(slots * factor)), scaled).withOverload(scaledOverload);
    }

    public BookingNightParameters withWaitingRoom(boolean enabled, int newAdmittedPerMinute, QueueOrder newOrder) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, enabled, newAdmittedPerMinute, newOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    public BookingNightParameters withPatience(Patience newPatience) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, newPatience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    public BookingNightParameters withRetries(double newProbability, double newDelayMinutes) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                newProbability, newDelayMinutes, bookingLimit, stepSeconds, overload);
    }

    public BookingNightParameters withBookingLimit(long newLimit) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, newLimit, stepSeconds, overload);
    }

    public BookingNightParameters withStepSeconds(double newStepSeconds) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, newStepSeconds, overload);
    }

    public BookingNightParameters withOverload(Overload newOverload) {
        return new BookingNightParameters(windowName, opens, windowMinutes, people, accessMultiplier, arrivals,
                serviceTime, slots, slotChanges, waitingRoom, admittedPerMinute, queueOrder, patience,
                retryProbability, retryDelayMinutes, bookingLimit, stepSeconds, newOverload);
    }
}
