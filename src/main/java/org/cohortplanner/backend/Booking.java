package org.cohortplanner.backend;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's appointments: first dose on {@code day} at a site group and, for a course of two doses, the second
 * on {@code secondDay} at {@code secondSiteGroup} (null for a one-dose course), with the doses held for them. The
 * person is known only by the keyed hash of their verified id; {@code cancelledAt} is null while the booking stands.
 * {@code group} is the named group of the cohort the person booked as (exam students, school teachers), whose interval
 * policy exceptions set their second dose; null for people in none.
 */
public record Booking(long number, Instant bookedAt, String cohortId, LocalDate birthDate, String region,
                      String siteGroup, LocalDate day, String brand, int dosesReserved, String personHash,
                      String secondSiteGroup, LocalDate secondDay, Instant cancelledAt, String group) {
}
