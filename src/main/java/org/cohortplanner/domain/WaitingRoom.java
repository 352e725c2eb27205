package org.cohortplanner.domain;

/**
 * A virtual queue in front of the booking system.
 *
 * @param enabled              false: no waiting room, arrivals beyond capacity fail and people retry
 * @param admittedPerMinute    new sessions let in per minute at most
 * @param order                FIFO, or shuffled at the opening
 * @param patienceMinutes      mean time a person waits in the queue before giving up
 * @param retryProbability     share of those who give up (or fail) who come back later
 * @param retryDelayMinutes    mean time before they come back
 */
public record WaitingRoom(
        boolean enabled,
        int admittedPerMinute,
        QueueOrder order,
        double patienceMinutes,
        double retryProbability,
        double retryDelayMinutes) {

    public WaitingRoom {
        Require.nonNegative(admittedPerMinute, "admitted per minute");
        if (enabled && admittedPerMinute == 0) {
            throw new IllegalArgumentException("a waiting room that admits 0 people per minute never lets anyone in");
        }
        Require.present(order, "queue order");
        Require.positive(patienceMinutes, "patience minutes");
        Require.share(retryProbability, "retry probability");
        Require.nonNegative(retryDelayMinutes, "retry delay minutes");
    }

    public static WaitingRoom none(double patienceMinutes, double retryProbability, double retryDelayMinutes) {
        return new WaitingRoom(false, 0, QueueOrder.FIFO, patienceMinutes, retryProbability, retryDelayMinutes);
    }

    public WaitingRoom withEnabled(boolean newEnabled, int newAdmittedPerMinute) {
        return new WaitingRoom(newEnabled, newAdmittedPerMinute, order, patienceMinutes, retryProbability,
                retryDelayMinutes);
    }
}
