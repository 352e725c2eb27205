package org.cohortplanner.planning.slip;

/**
 * A solution of a {@link SwapProblem}.
 *
 * @param people    [option][day]: people of the option's cohort given the option's brand instead on that day
 * @param uncovered people still without a first dose
 * @param changes   options used: each is one brand change for one cohort
 */
public record SwapPlan(double[][] people, double uncovered, int changes) {

    public double peopleMoved(int option) {
        return SwapArithmetic.sum(people[option]);
    }

    public double peopleMoved() {
        return SwapArithmetic.sum(people);
    }
}
