package org.cohortplanner.simulation;

/**
 * When the people of a window make their first attempt: a share arrives in a burst right at the opening that decays
 * exponentially (most of it within a few decay times), the rest uniformly until the window closes. A burst share of 0
 * is a constant arrival rate, which is what the stationary closed forms assume.
 *
 * @param burstShare         share of first attempts in the opening burst, 0–1
 * @param burstDecayMinutes  mean delay of a burst arrival after the opening
 */
public record ArrivalProfile(double burstShare, double burstDecayMinutes) {

    public ArrivalProfile {
        if (!Double.isFinite(burstShare) || burstShare < 0 || burstShare > 1) {
            throw new IllegalArgumentException("burst share must be between 0 and 1, got " + burstShare);
        }
        if (!Double.isFinite(burstDecayMinutes) || burstDecayMinutes <= 0) {
            throw new IllegalArgumentException("burst decay minutes must be positive, got " + burstDecayMinutes);
        }
    }

    /** A constant arrival rate over the whole window. */
    public static ArrivalProfile uniform() {
        return new ArrivalProfile(0, 1);
    }

    public static ArrivalProfile burst(double share, double decayMinutes) {
        return new ArrivalProfile(share, decayMinutes);
    }

    public boolean isUniform() {
        return burstShare == 0;
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
        double uniformPart = minute / windowMinutes;
        if (burstShare == 0) {
            return uniformPart;
        }
        double burstPart = -Math.expm1(-minute / burstDecayMinutes) / -Math.expm1(-windowMinutes / burstDecayMinutes);
        return burstShare * burstPart + (1 - burstShare) * uniformPart;
    }

    /**
     * The minute of one first attempt, from two independent uniform numbers: the first picks burst or tail, the
     * second places the attempt (inverting the truncated exponential or the uniform distribution exactly).
     */
    public double sampleMinute(double pick, double place, double windowMinutes) {
        if (pick < burstShare) {
            return -burstDecayMinutes * Math.log1p(place * Math.expm1(-windowMinutes / burstDecayMinutes));
        }
        return place * windowMinutes;
    }
}
