package org.cohortplanner.simulation;

/** Told how far a run has got, from 0 to 1; called from the thread that runs the simulation. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = done -> { };

    void progress(double done);
}
