package org.cohortplanner.planning.slip;

import java.util.List;
import java.util.Objects;

/**
 * Which cohorts could be given which other brands on the days they are short, as a linear problem. Indices are
 * positions in the caller's lists of cohorts, brands and days.
 *
 * @param shortPeople  [cohort][day]: people left without a first dose
 * @param options      the (cohort, brand) pairs allowed: the brand may be given to the cohort's ages and is
 *                     not the brand it is short of
 * @param headroom     [brand][day]: doses of the brand on hand at the end of the day that nobody needs later, so
 *                     that whatever the swaps take by that day must stay within it
 * @param capacity     [brand][day]: people the sites that give the brand could still take on that day
 * @param dosesAtFirst [brand]: doses a first dose takes from stock on its day (2 when the second is held)
 * @param laterDoseAfter [brand]: days after the first dose when one more dose leaves the stock, or -1 when it was
 *                     already taken with the first (held) or there is no second dose
 */
public record SwapProblem(
        double[][] shortPeople,
        List<Option> options,
        double[][] headroom,
        double[][] capacity,
        int[] dosesAtFirst,
        int[] laterDoseAfter) {

    /** Cohort {@code cohort} may be given brand {@code brand}. */
    public record Option(int cohort, int brand) {
    }

    public SwapProblem {
        Objects.requireNonNull(shortPeople, "short people");
        options = List.copyOf(options);
        Objects.requireNonNull(headroom, "headroom");
        Objects.requireNonNull(capacity, "capacity");
    }

    public int days() {
        return shortPeople.length == 0 ? 0 : shortPeople[0].length;
    }

    public int cohorts() {
        return shortPeople.length;
    }

    public int brands() {
        return headroom.length;
    }

    /** Doses of its brand that {@code people} given a first dose on {@code day} have taken by {@code until}. */
    double dosesTaken(int brand, int day, int until) {
        return SwapArithmetic.dosesTaken(dosesAtFirst, laterDoseAfter, brand, day, until);
    }
}
