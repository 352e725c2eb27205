package org.cohortplanner.simulation;

/**
 * How long one booking session holds a slot of the booking system.
 *
 * @param kind        exponential (memoryless; what the Erlang formulas assume) or log-normal (a realistic right tail)
 * @param meanMinutes mean session length
 * @param spread      coefficient of variation (standard deviation / mean) of the log-normal; ignored for exponential
 */
public record ServiceTime(Kind kind, double meanMinutes, double spread) {

    public enum Kind {
        EXPONENTIAL, LOG_NORMAL
    }

    public ServiceTime {
        if (kind == null) {
            throw new IllegalArgumentException("service time kind is missing");
        }
        if (!Double.isFinite(meanMinutes) || meanMinutes <= 0) {
            throw new IllegalArgumentException("mean session minutes must be positive, got " + meanMinutes);
        }
        if (!Double.isFinite(spread) || spread < 0) {
            throw new IllegalArgumentException("session time spread must be zero or more, got " + spread);
        }
        if (kind == Kind.LOG_NORMAL && spread == 0) {
            throw new IllegalArgumentException("a log-normal session time needs a spread above 0");
        }
    }

    public static ServiceTime exponential(double meanMinutes) {
        return new ServiceTime(Kind.EXPONENTIAL, meanMinutes, 1.0);
    }

    public static ServiceTime logNormal(double meanMinutes, double spread) {
        return new ServiceTime(Kind.LOG_NORMAL, meanMinutes, spread);
    }

    /** Standard deviation of the logarithm of the session length (log-normal only). */
    double logSigma() {
        return Math.sqrt(Math.log1p(spread * spread));
    }

    /** Mean of the logarithm of the session length in seconds (log-normal only), chosen so the mean is exact. */
    double logMuSeconds() {
        double sigma = logSigma();
        return Math.log(meanMinutes * 60) - sigma * sigma / 2;
    }
}
