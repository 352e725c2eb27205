package org.cohortplanner.domain;

public enum SiteKind {
    /** Large mass-vaccination hub run by a city or province. */
    VACCINATION_CENTRE,
    /** A consigned GP or hospital clinic. */
    CLINIC
}
