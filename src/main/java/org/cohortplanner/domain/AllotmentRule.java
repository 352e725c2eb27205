package org.cohortplanner.domain;

/** How a delivery's doses are shared out between the regions. */
public enum AllotmentRule {
    /** In proportion to each region's booked or expected appointments for the delivery's brand (the default). */
    APPOINTMENTS,
    /** In proportion to each region's population. */
    POPULATION,
    /** As entered by the supply officer or imported from the delivery sheet, doses per region. */
    EXPLICIT
}
