package org.cohortplanner.planning.slip;

/** Sums the national and the regional swap problems and their solutions share. */
final class SwapArithmetic {
    private SwapArithmetic() {
    }

    /**
     * Doses of its brand that a first dose given on {@code day} has taken from stock by {@code until}: those taken on
     * the day (two when the second is held), and one more once the second dose falls due.
     */
    static double dosesTaken(int[] dosesAtFirst, int[] laterDoseAfter, int brand, int day, int until) {
        if (day > until) {
            return 0;
        }
        double doses = dosesAtFirst[brand];
        if (laterDoseAfter[brand] >= 0 && day + laterDoseAfter[brand] <= until) {
            doses += 1;
        }
        return doses;
    }

    /** People moved by one option over its days. */
    static double sum(double[] byDay) {
        double total = 0;
        for (double day : byDay) {
            total += day;
        }
        return total;
    }

    /** People moved by every option. */
    static double sum(double[][] byOptionAndDay) {
        double total = 0;
        for (double[] option : byOptionAndDay) {
            total += sum(option);
        }
        return total;
    }
}
