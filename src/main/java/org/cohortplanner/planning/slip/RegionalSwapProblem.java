package org.cohortplanner.planning.slip;

import java.util.List;
import java.util.Objects;

/**
 * A slip's shortage region by region, as a linear problem: which people of which cohort in which region could be given
 * another brand on which days, and which doses of the short brands could move between regions, so that nobody is
 * left without a first dose. Unlike {@link SwapProblem} a swap may also take people who would have had the short
 * brand: the doses it frees in their region can then be sent to a region that lacks them (the July 2021 Seoul-area
 * swap). Indices are positions in the caller's lists of cohorts, regions, brands and days.
 *
 * @param rows          the (cohort, region) pairs with people of a short brand, each with its short brand
 * @param booked        [row][day]: people of the row booked on the day for its short brand
 * @param shortPeople   [row][day]: of them, people left without a first dose for want of doses
 * @param options       the (row, brand) pairs allowed: the brand may be given to the cohort's ages in the region
 * @param headroom      [region][brand][day]: free doses at the end of the day in the region
 * @param capacity      [region][brand][day]: people the region's sites that give the brand could still take
 * @param dosesAtFirst  [brand]: doses a first dose takes from stock on its day (2 when the second is held)
 * @param laterDoseAfter [brand]: days after the first dose when one more dose leaves the stock, or -1
 * @param transferable  [brand]: whether doses of the brand may be moved between regions
 * @param shipDay       the day suggested transfers leave the sending region
 * @param transferDays  days a transfer takes until the doses can be given in the receiving region
 */
public record RegionalSwapProblem(
        List<Row> rows,
        double[][] booked,
        double[][] shortPeople,
        List<Option> options,
        double[][][] headroom,
        double[][][] capacity,
        int[] dosesAtFirst,
        int[] laterDoseAfter,
        boolean[] transferable,
        int shipDay,
        int transferDays) {

    /** People of cohort {@code cohort} in region {@code region} booked for {@code brand}, which is short. */
    public record Row(int cohort, int region, int brand) {
    }

    /**
     * People of row {@code row} may be given brand {@code brand} instead, at most the share {@code reach} of them:
     * those at site groups that can give it (the others, such as the Moderna-only clinics, keep their brand).
     */
    public record Option(int row, int brand, double reach) {
        public Option(int row, int brand) {
            this(row, brand, 1);
        }
    }

    public RegionalSwapProblem {
        rows = List.copyOf(rows);
        options = List.copyOf(options);
        Objects.requireNonNull(booked, "booked");
        Objects.requireNonNull(shortPeople, "short people");
        Objects.requireNonNull(headroom, "headroom");
        Objects.requireNonNull(capacity, "capacity");
    }

    public int regions() {
        return headroom.length;
    }

    public int brands() {
        return regions() == 0 ? 0 : headroom[0].length;
    }

    public int days() {
        return regions() == 0 || brands() == 0 ? 0 : headroom[0][0].length;
    }

    /** The same problem without transfers: swaps only within each region's own stock. */
    public RegionalSwapProblem withoutTransfers() {
        return new RegionalSwapProblem(rows, booked, shortPeople, options, headroom, capacity, dosesAtFirst,
                laterDoseAfter, new boolean[transferable.length], shipDay, transferDays);
    }

    /** Doses of its brand that a first dose given on {@code day} has taken from stock by {@code until}. */
    double dosesTaken(int brand, int day, int until) {
        return SwapArithmetic.dosesTaken(dosesAtFirst, laterDoseAfter, brand, day, until);
    }
}
