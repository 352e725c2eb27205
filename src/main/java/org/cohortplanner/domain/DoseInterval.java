package org.cohortplanner.domain;

/**
 * Days from one dose to the next, with the earliest and latest day allowed (Pfizer: 21 days by label, 21–42
 * allowed; the August 2021 stretch to 6 weeks stayed within that maximum).
 */
public record DoseInterval(int days, int minimumDays, int maximumDays) {
    /** For single-dose brands. */
    public static final DoseInterval NONE = new DoseInterval(0, 0, 0);

    public DoseInterval {
        Require.nonNegative(days, "dose interval");
        Require.nonNegative(minimumDays, "minimum dose interval");
        Require.nonNegative(maximumDays, "maximum dose interval");
        if (minimumDays > days || days > maximumDays) {
            throw new IllegalArgumentException("dose interval of " + days + " days must lie within its allowed "
                    + minimumDays + "–" + maximumDays + " days");
        }
    }

    public static DoseInterval fixed(int days) {
        return new DoseInterval(days, days, days);
    }

    public boolean allows(int candidateDays) {
        return candidateDays >= minimumDays && candidateDays <= maximumDays;
    }

    public DoseInterval withDays(int newDays) {
        return new DoseInterval(newDays, minimumDays, maximumDays);
    }
}
