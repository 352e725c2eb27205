package org.cohortplanner.simulation;

/**
 * Closed forms for stationary queues, used to check the booking-night model and as a fast estimate in the console.
 * Rates are per minute and times in minutes. Every formula is computed in a way that stays finite for the sizes of
 * a national booking system (tens of thousands of slots), where the textbook sums overflow.
 */
public final class QueueingFormulas {

    private QueueingFormulas() {
    }

    /** Waiting probability, mean wait and abandonment share of a stationary queue. */
    public record QueueFigures(double waitingProbability, double meanWaitMinutes, double abandonmentShare) {
    }

    /**
     * Erlang B: the share of arrivals that find every one of {@code servers} slots busy when there is no queue, with
     * {@code offeredLoad} = arrival rate × mean service time. By the recursion B(k) = a·B(k−1) / (k + a·B(k−1)),
     * which never overflows.
     */
    public static double erlangB(int servers, double offeredLoad) {
        requireServers(servers);
        requireLoad(offeredLoad);
        double blocking = 1;
        for (int k = 1; k <= servers; k++) {
            blocking = offeredLoad * blocking / (k + offeredLoad * blocking);
        }
        return blocking;
    }

    /**
     * Erlang C: the probability that an arrival has to wait in an M/M/c queue, from Erlang B as
     * C = c·B / (c − a·(1 − B)); 1 when the load is at or above the number of servers (the queue grows without end).
     */
    public static double erlangC(int servers, double offeredLoad) {
        requireServers(servers);
        requireLoad(offeredLoad);
        if (offeredLoad >= servers) {
            return 1;
        }
        double b = erlangB(servers, offeredLoad);
        return servers * b / (servers - offeredLoad * (1 - b));
    }

    /** M/M/c (Erlang C): waiting probability and mean wait; infinite wait when the queue is unstable. */
    public static QueueFigures mmc(int servers, double arrivalsPerMinute, double meanServiceMinutes) {
        requireRate(arrivalsPerMinute, meanServiceMinutes);
        double load = arrivalsPerMinute * meanServiceMinutes;
        double waiting = erlangC(servers, load);
        double meanWait = load >= servers ? Double.POSITIVE_INFINITY
                : waiting * meanServiceMinutes / (servers - load);
        return new QueueFigures(waiting, meanWait, 0);
    }

    /**
     * Erlang A (M/M/c+M): Poisson arrivals, exponential service on {@code servers} slots, exponential patience with
     * mean {@code meanPatienceMinutes}. Solved as the birth–death chain it is: the state probabilities are built in
     * logarithms around their largest term and summed until the tail is below 1e-16 of it, which is stable for any
     * size and also covers loads above the number of servers (abandonment keeps the queue finite).
     * Waiting probability is P(all slots busy) seen by an arrival (PASTA); abandonment share = E[queue] / (patience ×
     * arrival rate); mean wait is over all arrivals, those who give up included (Little's law on the queue).
     */
    public static QueueFigures erlangA(int servers, double arrivalsPerMinute, double meanServiceMinutes,
                                       double meanPatienceMinutes) {
        requireServers(servers);
        requireRate(arrivalsPerMinute, meanServiceMinutes);
        if (!(meanPatienceMinutes > 0)) {
            throw new IllegalArgumentException("mean patience must be positive, got " + meanPatienceMinutes);
        }
        if (arrivalsPerMinute == 0) {
            return new QueueFigures(0, 0, 0);
        }
        double serviceRate = 1 / meanServiceMinutes;
        double abandonRate = Double.isInfinite(meanPatienceMinutes) ? 0 : 1 / meanPatienceMinutes;
        if (abandonRate == 0) {
            return mmc(servers, arrivalsPerMinute, meanServiceMinutes);
        }
        // log p(n) relative to p(0): log p(n) = log p(n-1) + log λ − log(min(n,c)·μ + max(0,n−c)·θ).
        // First pass finds the largest term, second pass sums relative to it.
        double logLambda = Math.log(arrivalsPerMinute);
        double logTerm = 0;
        double maxLog = 0;
        int n = 0;
        while (n <= servers + 10 || logTerm >= maxLog - 40) {
            n++;
            logTerm += logLambda - Math.log(deathRate(n, servers, serviceRate, abandonRate));
            maxLog = Math.max(maxLog, logTerm);
        }
        int last = n;
        double total = Math.exp(-maxLog);
        double busy = 0;
        double queue = 0;
        logTerm = 0;
        for (n = 1; n <= last; n++) {
            logTerm += logLambda - Math.log(deathRate(n, servers, serviceRate, abandonRate));
            double p = Math.exp(logTerm - maxLog);
            total += p;
            if (n >= servers) {
                busy += p;
            }
            if (n > servers) {
                queue += (n - servers) * p;
            }
        }
        double waiting = busy / total;
        double meanQueue = queue / total;
        double abandonment = meanQueue * abandonRate / arrivalsPerMinute;
        return new QueueFigures(waiting, meanQueue / arrivalsPerMinute, abandonment);
    }

    private static double deathRate(int n, int servers, double serviceRate, double abandonRate) {
        return Math.min(n, servers) * serviceRate + Math.max(0, n - servers) * abandonRate;
    }

    /**
     * The wait a waiting room shows a person at {@code position} when it lets {@code admittedPerMinute} people in a
     * minute: position / admission rate (Little's law).
     */
    public static double shownWaitMinutes(long position, double admittedPerMinute) {
        if (position <= 0) {
            return 0;
        }
        return admittedPerMinute <= 0 ? Double.POSITIVE_INFINITY : position / admittedPerMinute;
    }

    private static void requireServers(int servers) {
        if (servers < 1) {
            throw new IllegalArgumentException("at least 1 server needed, got " + servers);
        }
    }

    private static void requireLoad(double load) {
        if (!Double.isFinite(load) || load < 0) {
            throw new IllegalArgumentException("offered load must be 0 or more, got " + load);
        }
    }

    private static void requireRate(double arrivalsPerMinute, double meanServiceMinutes) {
        if (!Double.isFinite(arrivalsPerMinute) || arrivalsPerMinute < 0) {
            throw new IllegalArgumentException("arrival rate must be 0 or more, got " + arrivalsPerMinute);
        }
        if (!Double.isFinite(meanServiceMinutes) || meanServiceMinutes <= 0) {
            throw new IllegalArgumentException("mean service time must be positive, got " + meanServiceMinutes);
        }
    }
}
