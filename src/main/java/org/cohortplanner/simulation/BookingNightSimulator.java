package org.cohortplanner.simulation;

import java.util.Arrays;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.QueueOrder;

/**
 * The fast booking-night model: time steps of a few seconds over counts of people and sessions, never one object per
 * person. In each step, in this order: sessions end (binomially for exponential session times, from a ring of
 * scheduled ends for log-normal ones) and completed booking sessions book an appointment until the window's limit
 * is reached; people who gave up earlier come back; new first attempts arrive (the arrival profile's share of the
 * people not yet arrived, drawn binomially); then either the waiting room loses the impatient and lets people in
 * while slots are free and the minute's admission quota lasts, or — without a waiting room — arriving people grab
 * free slots for all the sessions they bring, in arrival order, and the sessions that find none fail (holding a
 * connection until they time out, when the plan gives the system an {@link Overload}). When the sessions under way
 * and the requests being held exceed the system's connections it crashes: the sessions under way are lost, their
 * people failed this attempt (they come back as persistence says) and for the restart time nobody gets a slot.
 * <p>
 * The model is the one {@link EventListBookingNightSimulator} runs event by event; within a step, events that the
 * reference orders in continuous time happen in the fixed order above, which is what the time step costs (waits are
 * counted in whole steps, and arrivals never find a slot freed later in the same step).
 */
public final class BookingNightSimulator implements BookingNightModel {

    /** Sessions admitted together up to this many get their own drawn log-normal length; more are spread evenly. */
    private static final int SAMPLED_SESSIONS = 64;

    @Override
    public BookingNightResult run(BookingNightParameters parameters, long seed, ProgressListener progress,
                                  CancellationToken cancellation) {
        return new Night(parameters, seed, progress, cancellation).run();
    }

    private static final class Night {
        private final BookingNightParameters p;
        private final long seed;
        private final ProgressListener progress;
        private final CancellationToken cancellation;
        private final Sampler random;
        private final NightRecorder recorder;
        private final double dt;
        private final int steps;
        private final double windowSeconds;
        private final double extraDevices;
        private final double retryReturnChance;

        private final boolean exponentialService;
        private final double endChance;
        private final long[] ringBooking;
        private final long[] ringDuplicate;
        private final double[] serviceCdf;
        private long busyBooking;
        private long busyDuplicate;

        private final Overload overload;
        private final long[] heldRing;
        private final int holdSteps;
        private long held;
        private double downUntilSeconds = Double.NEGATIVE_INFINITY;

        private final CohortQueue cohorts = new CohortQueue();
        private long queued;
        private final double abandonChance;
        private final int patienceSteps;
        private int quotaMinute = -1;
        private long quotaLeft;

        private long retryPool;
        private double retryFirstSum;
        private double retryFirstSquares;
        private long idleAtStart;
        private long freedInStep;

        private long notArrived;
        private double arrivedShare;
        private int slotsNow;
        private int nextChange;

        private long sessions;
        private long gotThrough;
        private long booked;
        private long gaveUp;
        private long turnedAway;
        private double suspendedAtMinute = Double.NaN;

        Night(BookingNightParameters parameters, long seed, ProgressListener progress,
              CancellationToken cancellation) {
            this.p = parameters;
            this.seed = seed;
            this.progress = progress;
            this.cancellation = cancellation;
            this.random = new Sampler(seed);
            this.recorder = new NightRecorder(parameters);
            this.dt = parameters.stepSeconds();
            this.windowSeconds = parameters.windowMinutes() * 60;
            this.steps = (int) Math.ceil(windowSeconds / dt);
            this.extraDevices = parameters.accessMultiplier() - 1;
            this.retryReturnChance = parameters.retryDelayMinutes() == 0 ? 1
                    : -Math.expm1(-dt / (parameters.retryDelayMinutes() * 60));
            ServiceTime service = parameters.serviceTime();
            double meanSeconds = service.meanMinutes() * 60;
            this.exponentialService = service.kind() == ServiceTime.Kind.EXPONENTIAL;
            // dt / mean (not 1 − e^(−dt/mean)): the number of steps a session lasts is then geometric with mean
            // exactly mean / dt, so the step does not lengthen sessions.
            this.endChance = dt / meanSeconds;
            if (exponentialService) {
                ringBooking = null;
                ringDuplicate = null;
                serviceCdf = null;
            } else {
                serviceCdf = logNormalStepCdf(service, dt);
                ringBooking = new long[serviceCdf.length + 1];
                ringDuplicate = new long[serviceCdf.length + 1];
            }
            Patience patience = parameters.patience();
            this.abandonChance = patience.kind() == Patience.Kind.EXPONENTIAL
                    ? -Math.expm1(-dt / (patience.meanMinutes() * 60)) : 0;
            this.patienceSteps = patience.kind() == Patience.Kind.FIXED
                    ? (int) Math.max(1, Math.round(patience.meanMinutes() * 60 / dt)) : Integer.MAX_VALUE;
            this.notArrived = parameters.people();
            this.slotsNow = parameters.slots();
            this.overload = parameters.overload();
            this.holdSteps = overload.enabled() ? (int) Math.round(overload.timeoutSeconds() / dt) : 0;
            this.heldRing = new long[holdSteps + 1];
        }

        /** P(session ends within k steps of its start), k = 1…; the last entry is 1 (longer sessions end then). */
        private static double[] logNormalStepCdf(ServiceTime service, double dt) {
            double mu = service.logMuSeconds();
            double sigma = service.logSigma();
            double horizon = Math.exp(mu + 5 * sigma);
            int bins = (int) Math.max(2, Math.ceil(horizon / dt) + 1);
            double[] cdf = new double[bins];
            for (int k = 1; k < bins; k++) {
                double upper = (k + 0.5) * dt;
                cdf[k - 1] = Distributions.normalCdf((Math.log(upper) - mu) / sigma);
            }
            cdf[bins - 1] = 1;
            return cdf;
        }

        BookingNightResult run() {
            if (p.bookingLimit() == 0 && p.people() > 0) {
                suspendedAtMinute = 0;
                turnedAway = p.people();
                notArrived = 0;
                recorder.snapshotThrough(recorder.minutes() - 1, 0, 0);
                return finish();
            }
            int stride = Math.max(1, steps / 200);
            for (int step = 0; step < steps; step++) {
                if (step % stride == 0) {
                    cancellation.throwIfCancelled();
                    progress.progress(step / (double) steps);
                }
                double start = step * dt;
                double end = Math.min((step + 1) * dt, windowSeconds);
                int minute = recorder.minuteOf(start);
                applyCapacityChanges(start);
                releaseHeld(step);
                boolean down = start < downUntilSeconds;
                idleAtStart = down ? 0 : Math.max(0, slotsNow - busyBooking - busyDuplicate);
                if (endSessions(step, minute, end)) {
                    recorder.snapshotThrough(recorder.minutes() - 1, 0, 0);
                    return finish();
                }
                long returning = random.binomial(retryPool, retryReturnChance);
                double returningShare = retryPool == 0 ? 0 : returning / (double) retryPool;
                double returningFirstSum = retryFirstSum * returningShare;
                double returningSquares = retryFirstSquares * returningShare;
                retryPool -= returning;
                retryFirstSum -= returningFirstSum;
                retryFirstSquares -= returningSquares;
                if (retryPool == 0) {
                    retryFirstSum = 0;
                    retryFirstSquares = 0;
                }
                long arriving = firstAttempts(end);
                long people = arriving + returning;
                // Each person tries from 1 + Poisson(m − 1) devices: a sum of such counts is people + Poisson(people (m − 1)).
                long arrivingSessions = people + random.poisson(people * extraDevices);
                sessions += arrivingSessions;
                recorder.arrivals(minute, arrivingSessions);
                recorder.events(arrivingSessions + returning);
                if (p.waitingRoom()) {
                    loseImpatient(step, minute);
                    if (people > 0) {
                        // Newcomers and people coming back join as two groups, so that each group's first
                        // attempts are a single spread rather than a mixture.
                        cohorts.push(step, arriving, arriving * (double) step, arriving * (double) step * step);
                        cohorts.push(step, returning, returningFirstSum, returningSquares);
                        queued += people;
                    }
                    if (!down) {
                        admit(step, minute, start);
                    }
                } else {
                    grabSlots(step, minute, arriving, returning, returningFirstSum, returningSquares,
                            arrivingSessions, down);
                }
                if (overload.enabled() && !down
                        && busyBooking + busyDuplicate + held > p.connectionsAt(slotsNow)) {
                    crash(step, minute, end);
                }
                if (end >= windowSeconds || recorder.minuteOf(end) > minute) {
                    recorder.snapshotThrough(minute, queued, busyBooking + busyDuplicate);
                }
            }
            close();
            progress.progress(1);
            return finish();
        }

        /** Requests refused {@code holdSteps} ago time out now and free their connections. */
        private void releaseHeld(int step) {
            int slot = step % heldRing.length;
            held -= heldRing[slot];
            heldRing[slot] = 0;
        }

        /**
         * The system crashes at the end of this step: sessions under way are lost (their people failed this attempt
         * and come back as persistence says, their wait counted again from now), held requests fail, and nobody
         * gets a slot until the restart is over.
         */
        private void crash(int step, int minute, double endSeconds) {
            long lost = busyBooking;
            gotThrough -= lost;
            recorder.failures(minute, busyBooking + busyDuplicate);
            recorder.events(busyBooking + busyDuplicate);
            busyBooking = 0;
            busyDuplicate = 0;
            if (!exponentialService) {
                Arrays.fill(ringBooking, 0);
                Arrays.fill(ringDuplicate, 0);
            }
            held = 0;
            Arrays.fill(heldRing, 0);
            if (lost > 0) {
                comeBackLater(lost, lost * (double) step, lost * (double) step * step, p.retryProbability());
            }
            downUntilSeconds = endSeconds + overload.restartMinutes() * 60;
            recorder.outage(endSeconds, downUntilSeconds);
        }

        private void applyCapacityChanges(double startSeconds) {
            while (nextChange < p.slotChanges().size()
                    && p.slotChanges().get(nextChange).atMinute() * 60 <= startSeconds) {
                slotsNow = p.slotChanges().get(nextChange).slots();
                nextChange++;
            }
        }

        /** Ends the sessions due in this step; true when booking was suspended (the night is over). */
        private boolean endSessions(int step, int minute, double endSeconds) {
            long endedBooking;
            long endedDuplicate;
            if (exponentialService) {
                endedBooking = random.binomial(busyBooking, endChance);
                endedDuplicate = random.binomial(busyDuplicate, endChance);
            } else {
                int slot = step % ringBooking.length;
                endedBooking = Math.min(busyBooking, ringBooking[slot]);
                endedDuplicate = Math.min(busyDuplicate, ringDuplicate[slot]);
                ringBooking[slot] = 0;
                ringDuplicate[slot] = 0;
            }
            busyBooking -= endedBooking;
            busyDuplicate -= endedDuplicate;
            freedInStep = endedBooking + endedDuplicate;
            recorder.events(endedBooking + endedDuplicate);
            long bookings = Math.min(endedBooking, p.bookingLimit() - booked);
            booked += bookings;
            recorder.bookings(minute, bookings);
            if (booked >= p.bookingLimit() && booked + gaveUp < p.people()) {
                suspendedAtMinute = endSeconds / 60;
                turnedAway = p.people() - booked - gaveUp;
                queued = 0;
                retryPool = 0;
                notArrived = 0;
                busyBooking = 0;
                busyDuplicate = 0;
                return true;
            }
            return false;
        }

        private long firstAttempts(double endSeconds) {
            if (notArrived == 0) {
                return 0;
            }
            double share = p.arrivals().cumulative(endSeconds / 60, p.windowMinutes());
            double chance = arrivedShare >= 1 ? 1 : (share - arrivedShare) / (1 - arrivedShare);
            arrivedShare = share;
            long arriving = random.binomial(notArrived, chance);
            notArrived -= arriving;
            return arriving;
        }

        private void loseImpatient(int step, int minute) {
            if (queued == 0) {
                return;
            }
            long leaving;
            double[] leavingFirst;
            if (abandonChance > 0) {
                leaving = random.binomial(queued, abandonChance);
                leavingFirst = cohorts.thin(leaving / (double) queued);
            } else if (patienceSteps != Integer.MAX_VALUE) {
                double[] expired = cohorts.expire(step - patienceSteps);
                leaving = Math.min(queued, Math.round(expired[0]));
                leavingFirst = new double[] {expired[1], expired[2]};
            } else {
                return;
            }
            if (leaving == 0) {
                return;
            }
            queued -= leaving;
            if (queued == 0) {
                cohorts.clear();
            }
            recorder.abandonments(minute, leaving);
            recorder.events(leaving);
            comeBackLater(leaving, leavingFirst[0], leavingFirst[1], p.retryProbability());
        }

        private void comeBackLater(long people, double firstSum, double firstSquares, double chance) {
            long back = random.binomial(people, chance);
            gaveUp += people - back;
            retryPool += back;
            retryFirstSum += firstSum * back / people;
            retryFirstSquares += firstSquares * back / people;
        }

        private void admit(int step, int minute, double startSeconds) {
            if (queued == 0) {
                return;
            }
            long free = slotsNow - busyBooking - busyDuplicate;
            if (free <= 0) {
                return;
            }
            int quotaNow = (int) (startSeconds / 60);
            if (quotaNow != quotaMinute) {
                quotaMinute = quotaNow;
                quotaLeft = p.admittedPerMinute();
            }
            long admitted = Math.min(queued, Math.min(free, quotaLeft));
            if (admitted <= 0) {
                return;
            }
            if (p.queueOrder() == QueueOrder.FIFO) {
                cohorts.takeOldest(admitted, step, dt, recorder);
            } else {
                cohorts.takeRandom(admitted / (double) queued, step, dt, recorder);
            }
            queued -= admitted;
            quotaLeft -= admitted;
            if (queued == 0) {
                cohorts.clear();
            }
            gotThrough += admitted;
            recorder.admitted(minute, admitted);
            recorder.events(admitted);
            startSessions(step, admitted, 0);
        }

        /**
         * No waiting room. Slots idle at the start of the step go to the first people arriving, each taking one for
         * every session they bring. Slots freed during the step and the remaining arrivals come in random order, and
         * a person gets through when a slot has been freed since the person before: in a random interleaving of F
         * freed slots and n arrivals that happens to n·F / (n + F) of them on average (all of the slots when arrivals
         * far outnumber them, every person when slots do), each taking the slots freed since, up to their sessions.
         * Freed slots nobody took stay idle for the next step. Sessions that find no slot fail; while the system is
         * down after a crash, every session does.
         */
        private void grabSlots(int step, int minute, long arriving, long returning, double returningFirstSum,
                               double returningSquares, long arrivingSessions, boolean down) {
            long people = arriving + returning;
            if (people == 0) {
                return;
            }
            long free = down ? 0 : Math.max(0, slotsNow - busyBooking - busyDuplicate);
            long idle = Math.min(idleAtStart, free);
            long freed = free - idle;
            long through;
            long accepted;
            if (arrivingSessions <= idle) {
                through = people;
                accepted = arrivingSessions;
            } else {
                long onIdle = Math.min(people, (long) Math.ceil(idle / p.accessMultiplier()));
                long rest = people - onIdle;
                long onFreed = rest + freed == 0 ? 0
                        : Math.min(Math.min(rest, freed), random.roundRandomly(rest * (double) freed / (rest + freed)));
                through = onIdle + onFreed;
                accepted = Math.min(arrivingSessions, idle
                        + Math.min(freed, random.roundRandomly(onFreed * p.accessMultiplier())));
                accepted = Math.max(accepted, through);
            }
            long failed = arrivingSessions - accepted;
            if (!down && holdSteps > 0) {
                // A refused request is answered late: it holds a connection until it times out.
                heldRing[(step + holdSteps) % heldRing.length] += failed;
                held += failed;
            }
            long throughFirst = Math.min(arriving, random.roundRandomly(through * (double) arriving / people));
            long throughReturning = Math.min(returning, through - throughFirst);
            throughFirst = through - throughReturning;
            double now = step * dt;
            recorder.waited(throughFirst, 0);
            if (throughReturning > 0) {
                double mean = returningFirstSum / returning;
                double variance = Math.max(0, returningSquares / returning - mean * mean);
                recorder.waitedAround(throughReturning, (step - mean) * dt, Math.sqrt(variance) * dt, now);
            }
            gotThrough += through;
            recorder.admitted(minute, through);
            recorder.failures(minute, failed);
            recorder.events(failed);
            startSessions(step, through, accepted - through);
            long notThrough = people - through;
            if (notThrough > 0) {
                double returningLeft = returning == 0 ? 0 : (returning - throughReturning) / (double) returning;
                long firstLeft = arriving - throughFirst;
                comeBackLater(notThrough, firstLeft * (double) step + returningFirstSum * returningLeft,
                        firstLeft * (double) step * step + returningSquares * returningLeft, p.retryProbability());
            }
        }

        private void startSessions(int step, long booking, long duplicate) {
            busyBooking += booking;
            busyDuplicate += duplicate;
            if (!exponentialService) {
                schedule(ringBooking, step, booking);
                schedule(ringDuplicate, step, duplicate);
            }
        }

        /**
         * Puts the ends of {@code n} log-normal sessions started in {@code step} into the ring: each drawn for a
         * few, else spread over the steps in proportion to the distribution with one random offset (systematic
         * sampling: unbiased, and the counts add up to exactly n).
         */
        private void schedule(long[] ring, int step, long n) {
            if (n <= 0) {
                return;
            }
            int size = ring.length;
            if (n <= SAMPLED_SESSIONS) {
                ServiceTime service = p.serviceTime();
                double mu = service.logMuSeconds();
                double sigma = service.logSigma();
                for (long i = 0; i < n; i++) {
                    double seconds = Math.exp(mu + sigma * random.gaussian());
                    int k = (int) Math.max(1, Math.min(serviceCdf.length, Math.round(seconds / dt)));
                    ring[(step + k) % size]++;
                }
                return;
            }
            double offset = random.uniform();
            long previous = 0;
            for (int k = 1; k <= serviceCdf.length; k++) {
                long upTo = (long) Math.floor(n * serviceCdf[k - 1] + offset);
                upTo = Math.min(n, upTo);
                if (upTo > previous) {
                    ring[(step + k) % size] += upTo - previous;
                    previous = upTo;
                }
            }
            if (previous < n) {
                ring[(step + serviceCdf.length) % size] += n - previous;
            }
        }

        /** The window closes: booking sessions under way finish, the rest are still trying. */
        private void close() {
            int last = recorder.minutes() - 1;
            long finishing = busyBooking;
            long bookings = Math.min(finishing, p.bookingLimit() - booked);
            booked += bookings;
            recorder.bookings(last, bookings);
            if (finishing > bookings) {
                turnedAway += finishing - bookings;
                suspendedAtMinute = p.windowMinutes();
            }
            recorder.snapshotThrough(last, queued, busyBooking + busyDuplicate);
        }

        private BookingNightResult finish() {
            long stillTrying = queued + retryPool + notArrived;
            return recorder.finish(seed, p.people(), sessions, gotThrough, booked, gaveUp, stillTrying, turnedAway,
                    suspendedAtMinute);
        }
    }
}
