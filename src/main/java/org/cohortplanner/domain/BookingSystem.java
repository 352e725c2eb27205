package org.cohortplanner.domain;

import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;

/**
 * The web booking system citizens use: how many people an hour it serves, on how many concurrent sessions, how
 * long a booking session takes, planned capacity changes, and its waiting room.
 *
 * @param accessMultiplier sessions each person who tries brings (several devices, relatives booking for them):
 *                         about 6.7 on 19 July 2021
 * @param overload         how it breaks beyond its capacity ({@link Overload#NONE}: it does not)
 * @param night            when people try, session and patience shapes, the model's time step
 */
public record BookingSystem(
        double peoplePerHour,
        int concurrentSessions,
        double sessionMinutes,
        double accessMultiplier,
        List<CapacityChange> capacityChanges,
        WaitingRoom waitingRoom,
        Overload overload,
        NightAssumptions night) {

    public BookingSystem {
        Require.positive(peoplePerHour, "people per hour");
        if (concurrentSessions < 1) {
            throw new IllegalArgumentException("concurrent sessions must be at least 1, got " + concurrentSessions);
        }
        Require.positive(sessionMinutes, "session minutes");
        if (!Double.isFinite(accessMultiplier) || accessMultiplier < 1) {
            throw new IllegalArgumentException("access multiplier must be at least 1, got " + accessMultiplier);
        }
        Require.noNulls(capacityChanges, "capacity changes");
        capacityChanges = capacityChanges.stream().sorted(Comparator.comparing(CapacityChange::at)).toList();
        Require.present(waitingRoom, "waiting room");
        overload = overload == null ? Overload.NONE : overload;
        night = night == null ? NightAssumptions.FORMAT_2_READING : night;
    }

    /** A system whose nights are read as plans of formatVersion 2 were ({@link NightAssumptions#FORMAT_2_READING}). */
    public BookingSystem(double peoplePerHour, int concurrentSessions, double sessionMinutes, double accessMultiplier,
                         List<CapacityChange> capacityChanges, WaitingRoom waitingRoom, Overload overload) {
        this(peoplePerHour, concurrentSessions, sessionMinutes, accessMultiplier, capacityChanges, waitingRoom,
                overload, null);
    }

    /** A system that does not break under load. */
    public BookingSystem(double peoplePerHour, int concurrentSessions, double sessionMinutes, double accessMultiplier,
                         List<CapacityChange> capacityChanges, WaitingRoom waitingRoom) {
        this(peoplePerHour, concurrentSessions, sessionMinutes, accessMultiplier, capacityChanges, waitingRoom,
                Overload.NONE, null);
    }

    /** People per hour in force at {@code time}: the last capacity change at or before it, else the base figure. */
    public double peoplePerHourAt(LocalDateTime time) {
        double result = peoplePerHour;
        for (CapacityChange change : capacityChanges) {
            if (!change.at().isAfter(time)) {
                result = change.peoplePerHour();
            }
        }
        return result;
    }

    /** Concurrent sessions in force at {@code time}. */
    public int concurrentSessionsAt(LocalDateTime time) {
        int result = concurrentSessions;
        for (CapacityChange change : capacityChanges) {
            if (!change.at().isAfter(time)) {
                result = change.concurrentSessions();
            }
        }
        return result;
    }

    public BookingSystem withCapacityChanges(List<CapacityChange> newChanges) {
        return new BookingSystem(peoplePerHour, concurrentSessions, sessionMinutes, accessMultiplier, newChanges,
                waitingRoom, overload, night);
    }

    public BookingSystem withWaitingRoom(WaitingRoom newWaitingRoom) {
        return new BookingSystem(peoplePerHour, concurrentSessions, sessionMinutes, accessMultiplier, capacityChanges,
                newWaitingRoom, overload, night);
    }

    public BookingSystem withOverload(Overload newOverload) {
        return new BookingSystem(peoplePerHour, concurrentSessions, sessionMinutes, accessMultiplier, capacityChanges,
                waitingRoom, newOverload, night);
    }

    public BookingSystem withNight(NightAssumptions newNight) {
        return new BookingSystem(peoplePerHour, concurrentSessions, sessionMinutes, accessMultiplier, capacityChanges,
                waitingRoom, overload, newNight);
    }

    public BookingSystem withAccessMultiplier(double newMultiplier) {
        return new BookingSystem(peoplePerHour, concurrentSessions, sessionMinutes, newMultiplier, capacityChanges,
                waitingRoom, overload, night);
    }
}
