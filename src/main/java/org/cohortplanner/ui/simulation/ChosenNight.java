package org.cohortplanner.ui.simulation;

import java.time.ZoneId;
import java.util.Optional;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.BookingNightParameters;

/** The window the Simulation screen works on and the nights its form makes, as the screen's parts read them. */
interface ChosenNight {
    /** The cohort of the chosen window, if one is chosen and still in the plan. */
    Optional<Cohort> cohort();

    /** The chosen window's night as the form sets it; throws IllegalArgumentException naming a value it cannot take. */
    BookingNightParameters parameters();

    /** The night of {@code cohort} in {@code plan} with the form's settings. */
    BookingNightParameters parameters(Plan plan, Cohort cohort);

    /** The seed the form sets for a run. */
    long seed();

    /** The plan's zone, in which every time of the screen is shown. */
    ZoneId zone();
}
