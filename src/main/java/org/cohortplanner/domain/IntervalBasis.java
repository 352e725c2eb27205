package org.cohortplanner.domain;

/** Which doses an interval policy covers, counted from its date. */
public enum IntervalBasis {
    /** Second doses due on or after the date (by the interval in force before the policy): people already booked. */
    SECOND_DOSE_DUE,
    /** Second doses of first doses given on or after the date. */
    FIRST_DOSE_GIVEN
}
