package org.cohortplanner.domain;

/** How a vaccine works; planners group brands this way (mRNA brands go to vaccination centres first). */
public enum Platform {
    MRNA, VECTOR, PROTEIN, INACTIVATED
}
