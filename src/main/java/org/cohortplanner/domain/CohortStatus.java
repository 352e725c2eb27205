package org.cohortplanner.domain;

public enum CohortStatus {
    PLANNED, OPEN, SUSPENDED, CLOSED
}
