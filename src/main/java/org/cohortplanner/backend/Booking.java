package org.cohortplanner.backend;

import java.time.Instant;
import java.time.LocalDate;

/** One person's appointment: first dose on {@code day} at a site group, with the doses held for them. */
public record Booking(long number, Instant bookedAt, String cohortId, LocalDate birthDate, String region,
                      String siteGroup, LocalDate day, String brand, int dosesReserved) {
}
