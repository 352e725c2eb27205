package org.cohortplanner.domain;

import java.util.List;

/**
 * What a booking night depends on beyond the booking system's capacity: when people make their first attempt, the
 * shape of session lengths and of patience, and the time step of the fast model. Every one is the plan's (its
 * description names the source, a fit, or "estimate"); nothing of it is built into the model.
 *
 * @param burstShare          share of first attempts in an opening burst, 0–1; the rest come evenly until the close
 * @param burstDecayMinutes   mean delay of a burst attempt after the opening (an exponential)
 * @param quarterHourShares   instead of the burst (when not empty): the share of first attempts made in each quarter
 *                            hour from the opening, adding up to at most 1; what is left comes evenly over the rest
 *                            of the window after the table
 * @param sessionKind         session lengths: exponential (the Erlang assumption) or log-normal
 * @param sessionSpread       coefficient of variation of log-normal session lengths (ignored for exponential)
 * @param patienceKind        patience in the waiting room: exponential (Erlang A), fixed, or none (wait to the close)
 * @param stepSeconds         time step of the fast model; 0 = chosen from the session time
 */
public record NightAssumptions(
        double burstShare,
        double burstDecayMinutes,
        List<Double> quarterHourShares,
        SessionKind sessionKind,
        double sessionSpread,
        PatienceKind patienceKind,
        double stepSeconds) {

    /** Longest quarter-hour table: a window of 31 days. */
    public static final int QUARTER_HOURS = 31 * 24 * 4;
    /** Longest time step the fast model takes. */
    public static final double MAX_STEP_SECONDS = 10;

    /**
     * How plans of formatVersion 1 and 2 (which could not say) are read: the assumptions the model of those versions
     * made — 80 % of first attempts in a burst decaying over 60 minutes, exponential sessions and patience, the
     * step chosen from the session time. They are a reading of old files, not a calibration.
     */
    public static final NightAssumptions FORMAT_2_READING =
            new NightAssumptions(0.8, 60, List.of(), SessionKind.EXPONENTIAL, 1.0, PatienceKind.EXPONENTIAL, 0);

    public enum SessionKind {
        EXPONENTIAL, LOG_NORMAL
    }

    public enum PatienceKind {
        EXPONENTIAL, FIXED, NONE
    }

    public NightAssumptions {
        Require.share(burstShare, "arrival burst share");
        Require.positive(burstDecayMinutes, "arrival burst decay minutes");
        Require.noNulls(quarterHourShares, "quarter-hour shares");
        quarterHourShares = List.copyOf(quarterHourShares);
        if (quarterHourShares.size() > QUARTER_HOURS) {
            throw new IllegalArgumentException("the arrival table has " + quarterHourShares.size()
                    + " quarter hours; it holds at most " + QUARTER_HOURS);
        }
        double total = 0;
        for (double share : quarterHourShares) {
            total += Require.share(share, "quarter-hour share");
        }
        if (total > 1 + 1e-9) {
            throw new IllegalArgumentException("the quarter-hour shares of first attempts add up to " + total
                    + "; they must add up to at most 1");
        }
        Require.present(sessionKind, "session time kind");
        Require.positive(sessionSpread, "session time spread");
        Require.present(patienceKind, "patience kind");
        Require.nonNegative(stepSeconds, "step seconds");
        if (stepSeconds > MAX_STEP_SECONDS) {
            throw new IllegalArgumentException("step seconds must be at most " + MAX_STEP_SECONDS + ", got "
                    + stepSeconds);
        }
    }

    public boolean hasArrivalTable() {
        return !quarterHourShares.isEmpty();
    }

    public NightAssumptions withBurst(double newShare, double newDecayMinutes) {
        return new NightAssumptions(newShare, newDecayMinutes, List.of(), sessionKind, sessionSpread, patienceKind,
                stepSeconds);
    }

    public NightAssumptions withQuarterHourShares(List<Double> newShares) {
        return new NightAssumptions(burstShare, burstDecayMinutes, newShares, sessionKind, sessionSpread,
                patienceKind, stepSeconds);
    }

    public NightAssumptions withSessions(SessionKind newKind, double newSpread) {
        return new NightAssumptions(burstShare, burstDecayMinutes, quarterHourShares, newKind, newSpread,
                patienceKind, stepSeconds);
    }

    public NightAssumptions withPatienceKind(PatienceKind newKind) {
        return new NightAssumptions(burstShare, burstDecayMinutes, quarterHourShares, sessionKind, sessionSpread,
                newKind, stepSeconds);
    }

    public NightAssumptions withStepSeconds(double newStepSeconds) {
        return new NightAssumptions(burstShare, burstDecayMinutes, quarterHourShares, sessionKind, sessionSpread,
                patienceKind, newStepSeconds);
    }
}
