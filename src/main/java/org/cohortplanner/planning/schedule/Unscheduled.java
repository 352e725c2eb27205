package org.cohortplanner.planning.schedule;

/**
 * People the schedule does not account for, so that nobody disappears from it silently: for {@code dose} 1, the
 * cohort's expected bookers minus its first-dose appointments (people who get no appointment at all, e.g. when the
 * vaccination period has no day in it, or who are lost to rounding); for {@code dose} 2, the first doses of a
 * two-dose brand minus its second-dose appointments. Negative when the schedule has more appointments than people.
 *
 * @param brand null for dose 1 (all brands of the cohort)
 */
public record Unscheduled(String cohortId, String cohortName, String brand, int dose, long people) {
}
