package org.cohortplanner.backend;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** A clock a test moves by hand: "it is 19 July 2021, 20:05 in Seoul", then "a minute later". */
final class MutableClock extends Clock {
    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private volatile Instant now;

    MutableClock(LocalDateTime seoulTime) {
        this.now = seoulTime.atZone(SEOUL).toInstant();
    }

    void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return SEOUL;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the backend asks for instants only");
    }

    @Override
    public Instant instant() {
        return now;
    }
}
