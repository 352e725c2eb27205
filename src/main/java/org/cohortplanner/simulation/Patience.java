package org.cohortplanner.simulation;

/**
 * How long a person stays in the waiting room before giving up.
 *
 * @param kind        exponential (the Erlang A assumption), fixed (everyone gives up after the same time), or none
 * @param meanMinutes mean patience (the fixed time for {@link Kind#FIXED}); ignored for {@link Kind#NONE}
 */
public record Patience(Kind kind, double meanMinutes) {

    public enum Kind {
        EXPONENTIAL, FIXED, NONE
    }

    public Patience {
        if (kind == null) {
            throw new IllegalArgumentException("patience kind is missing");
        }
        if (kind != Kind.NONE && (!Double.isFinite(meanMinutes) || meanMinutes <= 0)) {
            throw new IllegalArgumentException("patience minutes must be positive, got " + meanMinutes);
        }
    }

    public static Patience exponential(double meanMinutes) {
        return new Patience(Kind.EXPONENTIAL, meanMinutes);
    }

    public static Patience fixed(double minutes) {
        return new Patience(Kind.FIXED, minutes);
    }

    /** People wait as long as it takes (until the window closes). */
    public static Patience unlimited() {
        return new Patience(Kind.NONE, Double.POSITIVE_INFINITY);
    }
}
