package org.cohortplanner.planning;

/** How a cohort is split into parts. */
public enum SplitKind {
    /** Two parts: born before a boundary year, and born in or after it. */
    AT_BIRTH_YEAR,
    /** k parts by the last digit of the birth day (k = 10 is the daily rotation). */
    BY_BIRTH_DAY_DIGIT,
    /** k parts of contiguous birth years with nearly equal people. */
    EQUAL_PEOPLE
}
