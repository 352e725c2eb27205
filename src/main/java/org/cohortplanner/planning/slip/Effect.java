package org.cohortplanner.planning.slip;

/**
 * What a suggestion does to people.
 *
 * @param peopleMoved      people who get another brand, or whose second dose moves
 * @param peoplePostponed  people whose first dose comes later than booked: those of a cohort whose period moves,
 *                         and those the suggestion still leaves without a dose on their day (they must be
 *                         booked again)
 * @param daysAdded        days a vaccination period or a dose interval grows by
 * @param brandChanges     (cohort, brand) pairs changed
 * @param peopleStillShort of the postponed, those still without a dose on their day
 */
public record Effect(long peopleMoved, long peoplePostponed, int daysAdded, int brandChanges, long peopleStillShort) {
}
