package org.cohortplanner.backend;

import java.time.Instant;

/** The booking night counts in minutes since the epoch: the waiting room's rate and the live counts are per minute. */
final class NightMinutes {
    private NightMinutes() {
    }

    /** The minute an instant falls in. */
    static long of(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    /** The instant a minute begins. */
    static Instant start(long minute) {
        return Instant.ofEpochSecond(minute * 60);
    }

    /** Seconds until the next minute begins (at least 1): when a queued or refused person should ask again. */
    static long secondsToNext(Instant now) {
        return Math.max(1, 60 - Math.floorMod(now.getEpochSecond(), 60));
    }
}
