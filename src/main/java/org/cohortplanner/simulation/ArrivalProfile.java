package org.cohortplanner.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.cohortplanner.domain.NightAssumptions;

/**
 * When the people of a window make their first attempt. Either a share arrives in a burst right at the opening that
 * decays exponentially (most of it within a few decay times) and the rest uniformly until the window closes — a
 * burst share of 0 is a constant arrival rate, which is what the stationary closed forms assume — or a table gives
 * the share of first attempts in each quarter hour from the opening, and what the table leaves arrives evenly over
 * the rest of the window after it (over the whole window when the table reaches the close).
 */
public final class ArrivalProfile {
    /** Minutes in one row of an arrival table. */
    public static final double QUARTER_HOUR = 15;

    private final double burstShare;
    private final double burstDecayMinutes;
    private final double[] quarterHourShares;
    /** prefix[k] = shares of quarters 0…k−1. */
    private final double[] prefix;

    /**
     * @param burstShare         share of first attempts in the opening burst, 0–1
     * @param burstDecayMinutes  mean delay of a burst arrival after the opening
     */
    public ArrivalProfile(double burstShare, double burstDecayMinutes) {
        this(burstShare, burstDecayMinutes, new double[0]);
    }

    private ArrivalProfile(double burstShare, double burstDecayMinutes, double[] quarterHourShares) {
        if (!Double.isFinite(burstShare) || burstShare < 0 || burstShare > 1) {
            throw new IllegalArgumentException("burst share must be between 0 and 1, got " + burstShare);
        }
        if (!Double.isFinite(burstDecayMinutes) || burstDecayMinutes <= 0) {
            throw new IllegalArgumentException("burst decay minutes must be positive, got " + burstDecayMinutes);
        }
        this.burstShare = burstShare;
        this.burstDecayMinutes = burstDecayMinutes;
        this.quarterHourShares = quarterHourShares.clone();
        this.prefix = new double[quarterHourShares.length + 1];
        for (int k = 0; k < quarterHourShares.length; k++) {
            double share = quarterHourShares[k];
            if (!Double.isFinite(share) || share < 0) {
                throw new IllegalArgumentException("a quarter-hour share must be 0 or more, got " + share);
            }
            prefix[k + 1] = prefix[k] + share;
        }
        if (prefix[quarterHourShares.length] > 1 + 1e-9) {
            throw new IllegalArgumentException("quarter-hour shares add up to more than 1: "
                    + prefix[quarterHourShares.length]);
        }
    }

    /** A constant arrival rate over the whole window. */
    public static ArrivalProfile uniform() {
        return new ArrivalProfile(0, 1);
    }

    public static ArrivalProfile burst(double share, double decayMinutes) {
        return new ArrivalProfile(share, decayMinutes);
    }

    /** Shares of first attempts per quarter hour from the opening (the burst figures are kept for the form). */
    public static ArrivalProfile table(List<Double> shares) {
        return new ArrivalProfile(0, 1, shares.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** The plan's profile: its quarter-hour table when it has one, else its burst. */
    public static ArrivalProfile of(NightAssumptions night) {
        return night.hasArrivalTable() ? table(night.quarterHourShares())
                : burst(night.burstShare(), night.burstDecayMinutes());
    }

    public double burstShare() {
        return burstShare;
    }

    public double burstDecayMinutes() {
        return burstDecayMinutes;
    }

    public boolean hasTable() {
        return quarterHourShares.length > 0;
    }

    public List<Double> quarterHourShares() {
        return Arrays.stream(quarterHourShares).boxed().toList();
    }

    public boolean isUniform() {
        return !hasTable() && burstShare == 0;
    }

    /**
     * Share of first attempts made by {@code minute} after the opening in a window of {@code windowMinutes}: the burst
     * is an exponential truncated at the close, so every first attempt falls inside the window.
     */
    public double cumulative(double minute, double windowMinutes) {
        if (minute <= 0) {
            return 0;
        }
        if (minute >= windowMinutes) {
            return 1;
        }
        if (hasTable()) {
            return tableCumulative(minute, windowMinutes);
        }
        double uniformPart = minute / windowMinutes;
        if (burstShare == 0) {
            return uniformPart;
        }
        double burstPart = -Math.expm1(-minute / burstDecayMinutes) / -Math.expm1(-windowMinutes / burstDecayMinutes);
        return burstShare * burstPart + (1 - burstShare) * uniformPart;
    }

    /**
     * {@link #cumulative} for one window, with what does not change over the night worked out once (the fast model
     * asks every step).
     */
    DoubleUnaryOperator cumulativeOver(double windowMinutes) {
        if (hasTable() || burstShare == 0) {
            return minute -> cumulative(minute, windowMinutes);
        }
        double burstTotal = -Math.expm1(-windowMinutes / burstDecayMinutes);
        double share = burstShare;
        double decay = burstDecayMinutes;
        return minute -> {
            if (minute <= 0) {
                return 0;
            }
            if (minute >= windowMinutes) {
                return 1;
            }
            return share * (-Math.expm1(-minute / decay) / burstTotal) + (1 - share) * (minute / windowMinutes);
        };
    }

    /** Quarters of the table inside the window (the last one possibly cut by the close). */
    private double tableEnd(double windowMinutes) {
        return Math.min(windowMinutes, quarterHourShares.length * QUARTER_HOUR);
    }

    /** Table share inside the first {@code minute} minutes (up to the table's end or the close). */
    private double tableShareBy(double minute) {
        int k = (int) Math.min(quarterHourShares.length, Math.floor(minute / QUARTER_HOUR));
        double share = prefix[k];
        if (k < quarterHourShares.length) {
            share += quarterHourShares[k] * (minute - k * QUARTER_HOUR) / QUARTER_HOUR;
        }
        return share;
    }

    private double tableCumulative(double minute, double windowMinutes) {
        double end = tableEnd(windowMinutes);
        double inTable = tableShareBy(end);
        double rest = 1 - inTable;
        if (end >= windowMinutes) {
            return tableShareBy(minute) + rest * minute / windowMinutes;
        }
        if (minute <= end) {
            return tableShareBy(minute);
        }
        return inTable + rest * (minute - end) / (windowMinutes - end);
    }

    /**
     * The minute of one first attempt, from two independent uniform numbers: the first picks burst or tail, the
     * second places the attempt (inverting the truncated exponential or the uniform distribution exactly); with a
     * table the first picks the quarter hour (or the rest) and the second places the attempt evenly inside it.
     */
    public double sampleMinute(double pick, double place, double windowMinutes) {
        if (hasTable()) {
            return sampleFromTable(pick, place, windowMinutes);
        }
        if (pick < burstShare) {
            return -burstDecayMinutes * Math.log1p(place * Math.expm1(-windowMinutes / burstDecayMinutes));
        }
        return place * windowMinutes;
    }

    private double sampleFromTable(double pick, double place, double windowMinutes) {
        double end = tableEnd(windowMinutes);
        double inTable = tableShareBy(end);
        if (pick >= inTable) {
            return end >= windowMinutes ? place * windowMinutes : end + place * (windowMinutes - end);
        }
        int k = Arrays.binarySearch(prefix, pick);
        int quarter = k >= 0 ? k : -k - 2;
        while (quarter + 1 < prefix.length && prefix[quarter + 1] <= pick) {
            quarter++;
        }
        double start = quarter * QUARTER_HOUR;
        return start + place * (Math.min(start + QUARTER_HOUR, end) - start);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ArrivalProfile that && burstShare == that.burstShare
                && burstDecayMinutes == that.burstDecayMinutes
                && Arrays.equals(quarterHourShares, that.quarterHourShares);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Double.hashCode(burstShare) + Double.hashCode(burstDecayMinutes))
                + Arrays.hashCode(quarterHourShares);
    }

    @Override
    public String toString() {
        return hasTable() ? "ArrivalProfile[quarterHourShares=" + quarterHourShares() + "]"
                : "ArrivalProfile[burstShare=" + burstShare + ", burstDecayMinutes=" + burstDecayMinutes + "]";
    }
}
