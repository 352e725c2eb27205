package org.cohortplanner.planning.slip;

/**
 * A solution of a {@link RegionalSwapProblem}.
 *
 * @param people    [option][day]: people of the option's row given the option's brand instead on that day
 * @param sent      [brand][from region][to region]: doses moved
 * @param uncovered people still without a first dose
 * @param regions   regions where somebody's brand changes
 */
public record RegionalSwapPlan(double[][] people, double[][][] sent, double uncovered, int regions) {

    public double peopleMoved(int option) {
        return SwapArithmetic.sum(people[option]);
    }

    public double peopleMoved() {
        return SwapArithmetic.sum(people);
    }
}
