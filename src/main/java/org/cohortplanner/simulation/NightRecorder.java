package org.cohortplanner.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects what happens in a night, minute by minute and person by person, for both the fast model and the
 * event-list reference, so that the two report exactly the same figures in the same way.
 * Waits go into a histogram of one-second bins (percentiles to the second); the mean and maximum are exact.
 */
final class NightRecorder {
    private static final long[] POSITIONS = {1_000, 10_000, 100_000, 1_000_000};

    /** Seven-point Gauss–Hermite rule for a standard normal variable: nodes and weights. */
    private static final double[] HERMITE_NODES =
            {-3.750439717725742, -2.366759410734541, -1.154405394739968, 0, 1.154405394739968, 2.366759410734541,
                3.750439717725742};
    private static final double[] HERMITE_WEIGHTS =
            {0.000548268855972, 0.030757123967586, 0.240123178605013, 0.457142857142857, 0.240123178605013,
                0.030757123967586, 0.000548268855972};

    private final BookingNightParameters parameters;
    private final int minutes;
    private final long[] arrivals;
    private final long[] queue;
    private final long[] active;
    private final long[] admitted;
    private final long[] bookings;
    private final long[] abandonments;
    private final long[] failures;
    /** One-second bins, grown as longer waits come (most nights' waits are far shorter than their windows). */
    private double[] waitHistogram = new double[1024];
    private final int longestWaitBin;
    private int usedBins;
    private double waitWeight;
    private double waitSum;
    private double waitedWeight;
    private double maxWaitSeconds;
    private long events;
    private int snapshotsTaken;
    private final List<BookingNightResult.Outage> outages = new ArrayList<>();

    NightRecorder(BookingNightParameters parameters) {
        this.parameters = parameters;
        this.minutes = (int) Math.ceil(parameters.windowMinutes());
        arrivals = new long[minutes];
        queue = new long[minutes];
        active = new long[minutes];
        admitted = new long[minutes];
        bookings = new long[minutes];
        abandonments = new long[minutes];
        failures = new long[minutes];
        longestWaitBin = (int) Math.ceil(parameters.windowMinutes() * 60) + 1;
    }

    /** The system crashed at {@code fromSeconds} and is down until {@code toSeconds}. */
    void outage(double fromSeconds, double toSeconds) {
        outages.add(new BookingNightResult.Outage(fromSeconds / 60,
                Math.min(parameters.windowMinutes(), toSeconds / 60)));
    }

    int minutes() {
        return minutes;
    }

    int minuteOf(double seconds) {
        return Math.max(0, Math.min(minutes - 1, (int) (seconds / 60)));
    }

    void events(long count) {
        events += count;
    }

    void arrivals(int minute, long sessions) {
        arrivals[minute] += sessions;
    }

    void admitted(int minute, long people) {
        admitted[minute] += people;
    }

    void bookings(int minute, long people) {
        bookings[minute] += people;
    }

    void abandonments(int minute, long people) {
        abandonments[minute] += people;
    }

    void failures(int minute, long sessions) {
        failures[minute] += sessions;
    }

    /** {@code people} got through after waiting {@code seconds} since their first attempt. */
    void waited(double people, double seconds) {
        if (people <= 0) {
            return;
        }
        double wait = Math.max(0, seconds);
        int bin = Math.min(longestWaitBin, (int) wait);
        if (bin >= waitHistogram.length) {
            waitHistogram = Arrays.copyOf(waitHistogram,
                    (int) Math.min(longestWaitBin + 1L, Math.max(2L * waitHistogram.length, bin + 1L)));
        }
        waitHistogram[bin] += people;
        usedBins = Math.max(usedBins, bin + 1);
        waitWeight += people;
        waitSum += people * wait;
        if (wait > 0) {
            waitedWeight += people;
            maxWaitSeconds = Math.max(maxWaitSeconds, wait);
        }
    }

    /**
     * {@code people} got through at {@code nowSeconds} whose waits have this mean and standard deviation (people who
     * came back, whose first attempts are spread out): taken as log-normal — waits are positive and skewed to the
     * right — and spread over the seven Gauss–Hermite points of its logarithm, which keep its mean and variance; cut
     * to the possible range 0…now.
     */
    void waitedAround(double people, double meanSeconds, double sdSeconds, double nowSeconds) {
        if (sdSeconds < 1e-6 || meanSeconds <= 0) {
            waited(people, meanSeconds);
            return;
        }
        double sigma = Math.sqrt(Math.log1p(sdSeconds * sdSeconds / (meanSeconds * meanSeconds)));
        double mu = Math.log(meanSeconds) - sigma * sigma / 2;
        for (int k = 0; k < HERMITE_NODES.length; k++) {
            double wait = Math.min(nowSeconds, Math.exp(mu + sigma * HERMITE_NODES[k]));
            waited(people * HERMITE_WEIGHTS[k], wait);
        }
    }

    /** State at the end of every minute up to and including {@code minute} not yet recorded. */
    void snapshotThrough(int minute, long queueNow, long activeNow) {
        int last = Math.min(minute, minutes - 1);
        while (snapshotsTaken <= last) {
            queue[snapshotsTaken] = queueNow;
            active[snapshotsTaken] = activeNow;
            snapshotsTaken++;
        }
    }

    BookingNightResult finish(long seed, long people, long sessions, long gotThrough, long booked, long gaveUp,
                              long stillTrying, long turnedAway, double suspendedAtMinute) {
        List<BookingNightResult.MinuteFigures> rows = new ArrayList<>(minutes);
        for (int m = 0; m < minutes; m++) {
            rows.add(new BookingNightResult.MinuteFigures(m, arrivals[m], queue[m], active[m], admitted[m],
                    bookings[m], abandonments[m], failures[m]));
        }
        BookingNightResult.WaitSummary waits = new BookingNightResult.WaitSummary(
                waitWeight == 0 ? 0 : waitedWeight / waitWeight,
                waitWeight == 0 ? 0 : waitSum / waitWeight / 60,
                percentileMinutes(0.50), percentileMinutes(0.95), maxWaitSeconds / 60);
        boolean suspended = !Double.isNaN(suspendedAtMinute);
        BookingNightResult draft = new BookingNightResult(parameters, seed, rows, people, sessions, gotThrough, booked,
                gaveUp, stillTrying, turnedAway, waits, bookedShareMinute(0.50, booked),
                bookedShareMinute(0.90, booked), bookedShareMinute(0.99, booked), suspended, suspendedAtMinute,
                events, List.of());
        return new BookingNightResult(parameters, seed, rows, people, sessions, gotThrough, booked, gaveUp,
                stillTrying, turnedAway, waits, draft.minutesTo50(), draft.minutesTo90(), draft.minutesTo99(),
                suspended, suspendedAtMinute, events, positionEstimates(draft), outages);
    }

    private double percentileMinutes(double share) {
        if (waitWeight == 0) {
            return 0;
        }
        double target = share * waitWeight;
        double cumulative = 0;
        for (int bin = 0; bin < usedBins; bin++) {
            cumulative += waitHistogram[bin];
            if (cumulative >= target - 1e-9 * waitWeight) {
                return Math.min(bin, maxWaitSeconds) / 60;
            }
        }
        return maxWaitSeconds / 60;
    }

    private double bookedShareMinute(double share, long booked) {
        if (booked == 0) {
            return Double.NaN;
        }
        double target = share * booked;
        long cumulative = 0;
        for (int m = 0; m < minutes; m++) {
            cumulative += bookings[m];
            if (cumulative >= target) {
                return m + 1;
            }
        }
        return minutes;
    }

    private List<BookingNightResult.PositionEstimate> positionEstimates(BookingNightResult draft) {
        int peakMinute = 0;
        for (int m = 1; m < minutes; m++) {
            if (queue[m] > queue[peakMinute]) {
                peakMinute = m;
            }
        }
        long peak = queue[peakMinute];
        if (peak == 0) {
            return List.of();
        }
        List<Long> positions = new ArrayList<>();
        for (long position : POSITIONS) {
            if (position < peak) {
                positions.add(position);
            }
        }
        positions.add(peak);
        List<BookingNightResult.PositionEstimate> estimates = new ArrayList<>();
        for (long position : positions) {
            double actual = Double.NaN;
            long let = 0;
            for (int m = peakMinute + 1; m < minutes; m++) {
                let += admitted[m];
                if (let >= position) {
                    actual = m - peakMinute;
                    break;
                }
            }
            estimates.add(new BookingNightResult.PositionEstimate(peakMinute, position,
                    draft.shownWaitMinutes(peakMinute, position), actual));
        }
        return estimates;
    }
}
