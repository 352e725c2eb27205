package org.cohortplanner.backend;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts at a chosen moment and runs on, optionally faster than real time: "it is 19 July 2021, 20:05
 * in Seoul" for a rehearsal of a booking night, or sixty minutes of the night in every real minute for a load run.
 */
public final class RunningClock extends Clock {
    private final double speed;
    private volatile Instant start;
    private volatile long startNanos;

    public RunningClock(Instant start, double speed) {
        if (!(speed > 0) || !Double.isFinite(speed)) {
            throw new IllegalArgumentException("clock speed must be more than 0, got " + speed);
        }
        this.start = start;
        this.speed = speed;
        this.startNanos = System.nanoTime();
    }

    /** Sets the clock back to {@code instant}, from which it runs on (a load run starts the night when its clients do). */
    public void restartAt(Instant instant) {
        startNanos = System.nanoTime();
        start = instant;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the backend asks for instants only");
    }

    @Override
    public Instant instant() {
        long nanos = startNanos;
        Instant from = start;
        return from.plusNanos(Math.round((System.nanoTime() - nanos) * speed));
    }
}
