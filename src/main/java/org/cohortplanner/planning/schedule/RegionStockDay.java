package org.cohortplanner.planning.schedule;

import java.time.LocalDate;

/**
 * One brand in one region on one day: what reached the region, what it sent and received, what it gave and what is
 * left. The region × day view and the regional stock chart draw these; summed over regions they give
 * {@link BrandDay}.
 *
 * @param allotted       doses of deliveries allotted to the region that became usable on this day
 * @param transferredIn  doses of transfers from other regions that became usable here on this day
 * @param transferredOut doses this region shipped to others on this day (never more than its free stock)
 * @param due            appointments for the brand in the region on this day, first and second doses
 * @param given          doses given in the region
 * @param stock          doses on hand and not held for anyone at the end of the day
 * @param reserved       doses held for second doses already owed at the end of the day
 * @param capacity       doses the region's open site groups that can give the brand could give
 * @param peopleShort    people in the region who get no dose of this brand on their appointment day
 * @param dosesShort     doses lacking for them (held second doses included when the plan reserves them)
 */
public record RegionStockDay(
        LocalDate day,
        String region,
        String brand,
        long allotted,
        long transferredIn,
        long transferredOut,
        long due,
        long given,
        long stock,
        long reserved,
        long capacity,
        long peopleShort,
        long dosesShort) {

    public boolean isShort() {
        return peopleShort > 0;
    }
}
