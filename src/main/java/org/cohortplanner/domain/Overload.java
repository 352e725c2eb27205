package org.cohortplanner.domain;

/**
 * How the booking system breaks beyond its capacity. A request that finds every session slot busy is not refused
 * at once: it holds a connection until it times out and then fails (the late answer people saw in 2021). When the
 * sessions under way and the requests being held together exceed the connections the system was built for, it
 * crashes: every session under way is lost, and for the restart time every request fails at once; then it serves
 * again with the capacity in force.
 *
 * @param concurrentRequests connections the system holds at most (sessions plus requests timing out) with the plan's concurrent
 *                           sessions, growing in proportion with them at a capacity change; 0 = it never
 *                           crashes and refused requests fail at once (the behaviour of plans of format 1)
 * @param timeoutSeconds     how long a refused request holds its connection before it fails
 * @param restartMinutes     how long the system serves nobody after a crash
 */
public record Overload(long concurrentRequests, double timeoutSeconds, double restartMinutes) {

    /** No overload behaviour: the system serves its slots whatever the load. */
    public static final Overload NONE = new Overload(0, 0, 0);

    public Overload {
        Require.nonNegative(concurrentRequests, "concurrent requests");
        Require.nonNegative(timeoutSeconds, "timeout seconds");
        Require.nonNegative(restartMinutes, "restart minutes");
    }

    public boolean enabled() {
        return concurrentRequests > 0;
    }
}
