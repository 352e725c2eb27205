package org.cohortplanner.domain;

/**
 * Plan-wide rules.
 *
 * @param reserveSecondDose hold each booked person's second dose in stock from the day they book (VacMe's way),
 *                          rather than drawing it from whatever is on hand when it is due
 * @param noShowRate        share of appointments not kept, about 2 %
 */
public record PlanSettings(boolean reserveSecondDose, double noShowRate) {
    public static final PlanSettings DEFAULT = new PlanSettings(true, 0.02);

    public PlanSettings {
        Require.share(noShowRate, "no-show rate");
    }
}
