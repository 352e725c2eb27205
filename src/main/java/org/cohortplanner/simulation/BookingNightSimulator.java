package org.cohortplanner.simulation;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

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
 * The model is the one {@link EventListBookingNightSimulator} runs event by event. With a waiting room, the people
 * arriving and the sessions ending within a step are placed inside it in a random interleaving, so who waited and for
 * how long do not depend on the step; without one, arrivals meet the slots freed in the step in an averaged order.
 */
public final class BookingNightSimulator implements BookingNightModel {

    /** Sessions admitted together up to this many get their own drawn log-normal length; more are spread evenly. */
    private static final int SAMPLED_SESSIONS = 64;

    @Override
    public BookingNightResult run(BookingNightParameters parameters, long seed, Progress<?> progress,
                                  Cancellation cancellation) {
        return new Night(parameters, seed, progress, cancellation).run();
    }

    private static final class Night {
        private final BookingNightParameters p;
        private final long seed;
        private final Progress<?> progress;
        private final Cancellation cancellation;
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
        private double[] waitingOffsets = new double[64];
        private boolean[] waitingReturners = new boolean[64];

        private long retryPool;
        private double retryFirstSum;
        private double retryFirstSquares;
        private long idleAtStart;
        private long freedInStep;

        private long notArrived;
        private final DoubleUnaryOperator arrivalsBy;
        private double arrivedShare;
        private int slotsNow;
        private int nextChange;

        private long sessions;
        private long gotThrough;
        private long booked;
        private long gaveUp;
        private long turnedAway;
        private double suspendedAtMinute = Double.NaN;

        Night(BookingNightParameters parameters, long seed, Progress<?> progress,
              Cancellation cancellation) {
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
            this.arrivalsBy = parameters.arrivals().cumulativeOver(parameters.windowMinutes());
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
                    progress.report(step / (double) steps);
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
                    joinAndAdmit(step, minute, start, arriving, returning, returningFirstSum, returningSquares, down);
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
            progress.report(1);
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
            double share = arrivalsBy.applyAsDouble(endSeconds / 60);
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

        /** Admissions the waiting room still allows in this calendar minute. */
        private long quotaAt(double startSeconds) {
            int quotaNow = (int) (startSeconds / 60);
            if (quotaNow != quotaMinute) {
                quotaMinute = quotaNow;
                quotaLeft = p.admittedPerMinute();
            }
            return quotaLeft;
        }

        /**
         * The waiting room in one step, with arrivals and session ends placed inside it. Slots idle at the start of the
         * step go to the queue first (oldest first), then to the first people arriving; the people arriving and the
         * sessions ending during the step then come in random order (a uniform interleaving, each event at its
         * expected time within the step): an end lets in the oldest person waiting, an arrival gets in at once only
         * when a slot is idle, nobody waits ahead and the minute's quota lasts. So whether a person waited, and for
         * how long, no longer depends on the step, which only bounds how often the rest of the night is looked at.
         * When the queue ahead outlasts the step's session ends, or the system is down, nobody arriving can get in
         * and the interleaving is not walked.
         */
        private void joinAndAdmit(int step, int minute, double startSeconds, long arriving, long returning,
                                  double returningFirstSum, double returningSquares, boolean down) {
            long people = arriving + returning;
            long free = down ? 0 : Math.max(0, slotsNow - busyBooking - busyDuplicate);
            long idle = Math.min(idleAtStart, free);
            long freed = free - idle;
            long quota = down ? 0 : quotaAt(startSeconds);
            long atStart = Math.min(queued, Math.min(idle, quota));
            Join join = new Join(idle - atStart, quota - atStart, queued - atStart);
            if (join.oldLeft == 0 && people <= Math.min(join.idle, join.quota)) {
                // Enough idle slots for everyone arriving: nobody waits in this step.
                join.immediateFirst = arriving;
                join.returnersIn = returning;
                join.returnersOffsets = 0.5 * returning;
            } else if (people == 0 || join.quota == 0 || (join.oldLeft > 0 && join.oldLeft >= freed)) {
                join.oldByEnds = Math.min(join.oldLeft, Math.min(freed, join.quota));
                // The k-th of n uniform ends comes at k / (n + 1) of the step on average.
                join.oldOffsets = join.oldByEnds * (join.oldByEnds + 1) / (2.0 * (freed + 1));
                join.firstLeft = arriving;
                double at = step + 0.5;
                join.firstLeftSum = arriving * at;
                join.firstLeftSquares = arriving * (at * at + 1.0 / 12);
                join.returnersLeft = returning;
                join.leftOffsets = 0.5 * people;
            } else {
                interleave(join, step, arriving, returning, freed);
            }
            admit(join, step, minute, atStart, arriving, returning, returningFirstSum, returningSquares, down);
            keepWaiting(join, step, minute, returning, returningFirstSum, returningSquares);
        }

        /** The people arriving and the sessions ending during the step, in a uniform random interleaving. */
        private void interleave(Join join, int step, long arriving, long returning, long freed) {
            long people = arriving + returning;
            ensureWaitingCapacity(people);
            long arrivalsLeft = people;
            long returnersToCome = returning;
            long endsLeft = freed;
            double total = people + freed;
            long index = 0;
            while (arrivalsLeft + endsLeft > 0) {
                double offset = (index + 0.5) / total;
                index++;
                if (random.uniform() * (arrivalsLeft + endsLeft) < arrivalsLeft) {
                    boolean returner = random.uniform() * arrivalsLeft < returnersToCome;
                    arrivalsLeft--;
                    if (returner) {
                        returnersToCome--;
                    }
                    join.arrive(offset, returner);
                } else {
                    endsLeft--;
                    join.end(offset);
                }
            }
            join.leaveWaiting(step);
        }

        /** Lets in those the step admits, from the queue and newly arrived, and starts their sessions. */
        private void admit(Join join, int step, int minute, long atStart, long arriving, long returning,
                           double returningFirstSum, double returningSquares, boolean down) {
            long fromQueue = atStart + join.oldByEnds;
            if (fromQueue > 0) {
                double admittedAt = step + join.oldOffsets / fromQueue;
                if (p.queueOrder() == QueueOrder.FIFO) {
                    cohorts.takeOldest(fromQueue, admittedAt, dt, recorder);
                } else {
                    cohorts.takeRandom(fromQueue / (double) queued, admittedAt, dt, recorder);
                }
                queued -= fromQueue;
                if (queued == 0) {
                    cohorts.clear();
                }
            }
            recorder.waited(join.immediateFirst, 0);
            long firstWaitedIn = arriving - join.immediateFirst - join.firstLeft;
            long newIn = join.immediateFirst + firstWaitedIn + join.returnersIn;
            if (join.returnersIn > 0) {
                double mean = returningFirstSum / returning;
                double variance = Math.max(0, returningSquares / returning - mean * mean);
                double admittedAt = step + join.returnersOffsets / join.returnersIn;
                recorder.waitedAround(join.returnersIn, (admittedAt - mean) * dt, Math.sqrt(variance) * dt,
                        admittedAt * dt);
            }
            long admitted = fromQueue + newIn;
            if (!down) {
                quotaLeft -= admitted;
            }
            gotThrough += admitted;
            recorder.admitted(minute, admitted);
            recorder.events(admitted);
            startSessions(step, admitted, 0);
        }

        /** Those still waiting at the end of the step give up or join the queue, newcomers and returners apart. */
        private void keepWaiting(Join join, int step, int minute, long returning, double returningFirstSum,
                                 double returningSquares) {
            long firstLeft = join.firstLeft;
            double firstLeftSum = join.firstLeftSum;
            double firstLeftSquares = join.firstLeftSquares;
            long returnersLeft = join.returnersLeft;
            long waiting = firstLeft + returnersLeft;
            if (waiting == 0) {
                return;
            }
            double returnersLeftShare = returning == 0 ? 0 : returnersLeft / (double) returning;
            double returnersLeftSum = returningFirstSum * returnersLeftShare;
            double returnersLeftSquares = returningSquares * returnersLeftShare;
            if (abandonChance > 0) {
                // Those still waiting at the end of the step were in the queue for the rest of it after arriving.
                double exposure = 1 - join.leftOffsets / waiting;
                double chance = -Math.expm1(-exposure * dt / (p.patience().meanMinutes() * 60));
                long firstGone = random.binomial(firstLeft, chance);
                long returnersGone = random.binomial(returnersLeft, chance);
                double firstGoneShare = firstLeft == 0 ? 0 : firstGone / (double) firstLeft;
                double returnersGoneShare = returnersLeft == 0 ? 0 : returnersGone / (double) returnersLeft;
                long gone = firstGone + returnersGone;
                if (gone > 0) {
                    recorder.abandonments(minute, gone);
                    recorder.events(gone);
                    comeBackLater(gone, firstLeftSum * firstGoneShare + returnersLeftSum * returnersGoneShare,
                            firstLeftSquares * firstGoneShare + returnersLeftSquares * returnersGoneShare,
                            p.retryProbability());
                }
                firstLeft -= firstGone;
                firstLeftSum *= 1 - firstGoneShare;
                firstLeftSquares *= 1 - firstGoneShare;
                returnersLeft -= returnersGone;
                returnersLeftSum *= 1 - returnersGoneShare;
                returnersLeftSquares *= 1 - returnersGoneShare;
            }
            // Newcomers and people coming back join as two groups, so that each group's first attempts are a single
            // spread rather than a mixture.
            cohorts.push(step, firstLeft, firstLeftSum, firstLeftSquares);
            cohorts.push(step, returnersLeft, returnersLeftSum, returnersLeftSquares);
            queued += firstLeft + returnersLeft;
        }

        /**
         * One step of the waiting room as it goes: the slots and the minute's quota left, the queue from before the
         * step still ahead, who got in (and when within the step, as offsets from 0 to 1), and who is left waiting.
         */
        private final class Join {
            long idle;
            long quota;
            long oldLeft;
            long oldByEnds;
            double oldOffsets;
            long immediateFirst;
            long returnersIn;
            double returnersOffsets;
            long firstLeft;
            double firstLeftSum;
            double firstLeftSquares;
            long returnersLeft;
            double leftOffsets;
            /** The people arriving in this step who wait, from {@code head} to {@code tail} of waitingOffsets. */
            private int head;
            private int tail;

            Join(long idle, long quota, long oldLeft) {
                this.idle = idle;
                this.quota = quota;
                this.oldLeft = oldLeft;
            }

            /** An arrival gets in at once only when a slot is idle, nobody waits ahead and the quota lasts. */
            void arrive(double offset, boolean returner) {
                if (oldLeft == 0 && head == tail && idle > 0 && quota > 0) {
                    idle--;
                    quota--;
                    if (returner) {
                        returnersIn++;
                        returnersOffsets += offset;
                    } else {
                        immediateFirst++;
                    }
                } else {
                    waitingOffsets[tail] = offset;
                    waitingReturners[tail] = returner;
                    tail++;
                }
            }

            /** A session end lets in the oldest person waiting, if the quota lasts. */
            void end(double offset) {
                if (quota == 0) {
                    idle++;
                } else if (oldLeft > 0) {
                    oldLeft--;
                    oldByEnds++;
                    oldOffsets += offset;
                    quota--;
                } else if (head < tail) {
                    quota--;
                    if (waitingReturners[head]) {
                        returnersIn++;
                        returnersOffsets += offset;
                    } else {
                        recorder.waited(1, (offset - waitingOffsets[head]) * dt);
                    }
                    head++;
                } else {
                    idle++;
                }
            }

            /** Adds up those of this step still waiting at its end. */
            void leaveWaiting(int step) {
                for (int i = head; i < tail; i++) {
                    leftOffsets += waitingOffsets[i];
                    if (waitingReturners[i]) {
                        returnersLeft++;
                    } else {
                        double at = step + waitingOffsets[i];
                        firstLeft++;
                        firstLeftSum += at;
                        firstLeftSquares += at * at;
                    }
                }
            }
        }

        private void ensureWaitingCapacity(long people) {
            if (people > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("too many people arriving in one step: " + people);
            }
            if (waitingOffsets.length < people) {
                int size = (int) Math.max(people, Math.min(Integer.MAX_VALUE - 8, 2L * waitingOffsets.length));
                waitingOffsets = new double[size];
                waitingReturners = new boolean[size];
            }
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
