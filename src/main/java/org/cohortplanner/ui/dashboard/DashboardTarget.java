package org.cohortplanner.ui.dashboard;

/** The screen a dashboard tile opens; the shell maps each to its own screen. */
public enum DashboardTarget {
    COHORTS, TIMELINE, SUPPLY, SIMULATION, PROVINCES
}
