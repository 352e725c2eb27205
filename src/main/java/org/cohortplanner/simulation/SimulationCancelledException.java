package org.cohortplanner.simulation;

/** A run was cancelled through its {@link CancellationToken}; it leaves no partial result. */
public final class SimulationCancelledException extends RuntimeException {
    public SimulationCancelledException() {
        super("simulation cancelled");
    }
}
