package org.cohortplanner.domain;

import java.time.LocalDateTime;

/**
 * From {@code at} on (plan zone), the booking system serves this many people per hour on this many concurrent
 * sessions — e.g. the cloud servers added around 22:00 on 19 July 2021.
 */
public record CapacityChange(LocalDateTime at, double peoplePerHour, int concurrentSessions, String note) {
    public CapacityChange {
        Require.present(at, "time of capacity change");
        Require.positive(peoplePerHour, "people per hour of capacity change at " + at);
        if (concurrentSessions < 1) {
            throw new IllegalArgumentException("concurrent sessions of capacity change at " + at
                    + " must be at least 1, got " + concurrentSessions);
        }
        note = note == null ? "" : note;
    }
}
