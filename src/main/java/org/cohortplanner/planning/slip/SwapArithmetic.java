package org.cohortplanner.planning.slip;

import java.util.List;
import org.cohortplanner.domain.VaccineBrand;

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

    /** [brand]: doses a first dose takes from stock on its day: two when the plan holds the second. */
    static int[] dosesAtFirst(List<VaccineBrand> brands, boolean reserve) {
        int[] doses = new int[brands.size()];
        for (int b = 0; b < brands.size(); b++) {
            doses[b] = reserve && brands.get(b).needsSecondDose() ? 2 : 1;
        }
        return doses;
    }

    /** [brand]: days after a first dose that its second takes a dose from stock; -1 when held or none. */
    static int[] laterDoseAfter(List<VaccineBrand> brands, boolean reserve) {
        int[] days = new int[brands.size()];
        for (int b = 0; b < brands.size(); b++) {
            VaccineBrand brand = brands.get(b);
            days[b] = !reserve && brand.needsSecondDose() ? brand.interval().days() : -1;
        }
        return days;
    }
}
