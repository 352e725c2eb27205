package org.cohortplanner.simulation;

/**
 * What a booking night depends on that a plan does not say: how first attempts spread over the window, the shape
 * of session lengths and of patience. The defaults are estimates: most people try in the first hour after the
 * opening — 80 % of first attempts in a burst decaying over 60 minutes, the rest evenly until the close — which on
 * the as-run sample's 53–54 night makes the waiting room show about 38 minutes at its longest queue (about 35 were
 * shown on 19 July 2021); session lengths and patience are taken as exponential, the case the Erlang formulas check.
 */
public record NightAssumptions(ArrivalProfile arrivals, ServiceTime.Kind serviceKind, double serviceSpread,
                               Patience.Kind patienceKind) {

    public static final NightAssumptions DEFAULT =
            new NightAssumptions(ArrivalProfile.burst(0.8, 60), ServiceTime.Kind.EXPONENTIAL, 1.0,
                    Patience.Kind.EXPONENTIAL);

    public NightAssumptions {
        if (arrivals == null || serviceKind == null || patienceKind == null) {
            throw new IllegalArgumentException("arrival profile, session time kind and patience kind are required");
        }
        if (!Double.isFinite(serviceSpread) || serviceSpread <= 0) {
            throw new IllegalArgumentException("session time spread must be positive, got " + serviceSpread);
        }
    }

    public NightAssumptions withArrivals(ArrivalProfile newArrivals) {
        return new NightAssumptions(newArrivals, serviceKind, serviceSpread, patienceKind);
    }

    ServiceTime serviceTime(double meanMinutes) {
        return serviceKind == ServiceTime.Kind.EXPONENTIAL ? ServiceTime.exponential(meanMinutes)
                : ServiceTime.logNormal(meanMinutes, serviceSpread);
    }

    Patience patience(double meanMinutes) {
        return switch (patienceKind) {
            case EXPONENTIAL -> Patience.exponential(meanMinutes);
            case FIXED -> Patience.fixed(meanMinutes);
            case NONE -> Patience.unlimited();
        };
    }
}
