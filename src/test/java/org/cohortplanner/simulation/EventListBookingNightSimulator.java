package org.cohortplanner.simulation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.PriorityQueue;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * The textbook version of the booking-night model: a list of future events ordered by time (a priority queue), one
 * object per person, one event per session end, abandonment and return. Slow, but with nothing aggregated, so it
 * serves to check {@link BookingNightSimulator} on small nights and as the baseline of the speed benchmark.
 */
public final class EventListBookingNightSimulator implements BookingNightModel {

    @Override
    public BookingNightResult run(BookingNightParameters parameters, long seed, Progress<?> progress,
                                  Cancellation cancellation) {
        return new Night(parameters, seed, progress, cancellation).run();
    }

    private enum Kind {
        ARRIVE, RETURN, SESSION_END, GIVE_UP, MINUTE, CAPACITY, TIMEOUT, RESTART
    }

    private static final class Person {
        final double firstAttempt;
        int queueVisit;
        boolean waiting;
        int listIndex = -1;

        Person(double firstAttempt) {
            this.firstAttempt = firstAttempt;
        }
    }

    private record Event(double time, long order, Kind kind, Person person, int number, boolean booking)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Double.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }

    private static final class Night {
        private final BookingNightParameters p;
        private final long seed;
        private final Progress<?> progress;
        private final Cancellation cancellation;
        private final Sampler random;
        private final NightRecorder recorder;
        private final PriorityQueue<Event> events = new PriorityQueue<>();
        private final double windowSeconds;
        private final double extraDevices;
        private long order;

        private double[] firstAttempts;
        private int nextFirstAttempt;

        private final ArrayDeque<Person> fifo = new ArrayDeque<>();
        private final List<Person> shuffled = new ArrayList<>();
        private long waiting;
        private long quotaLeft;

        private int slotsNow;
        private long busy;
        private long busyBooking;
        private long returnsPending;

        private final Overload overload;
        private long held;
        private int epoch;
        private double downUntil = Double.NEGATIVE_INFINITY;
        private final Set<Person> inBookingSession = new LinkedHashSet<>();

        private long sessions;
        private long gotThrough;
        private long booked;
        private long gaveUp;
        private long turnedAway;
        private double suspendedAtMinute = Double.NaN;
        private boolean over;

        Night(BookingNightParameters parameters, long seed, Progress<?> progress,
              Cancellation cancellation) {
            this.p = parameters;
            this.seed = seed;
            this.progress = progress;
            this.cancellation = cancellation;
            this.random = new Sampler(seed);
            this.recorder = new NightRecorder(parameters);
            this.windowSeconds = parameters.windowMinutes() * 60;
            this.extraDevices = parameters.accessMultiplier() - 1;
            this.slotsNow = parameters.slots();
            this.quotaLeft = parameters.admittedPerMinute();
            this.overload = parameters.overload();
        }

        BookingNightResult run() {
            if (p.bookingLimit() == 0 && p.people() > 0) {
                suspendedAtMinute = 0;
                turnedAway = p.people();
                recorder.snapshotThrough(recorder.minutes() - 1, 0, 0);
                return finish();
            }
            drawFirstAttempts();
            scheduleNextFirstAttempt();
            for (int minute = 1; minute <= recorder.minutes(); minute++) {
                schedule(minute * 60.0, Kind.MINUTE, null, minute - 1, false);
            }
            for (int i = 0; i < p.slotChanges().size(); i++) {
                schedule(p.slotChanges().get(i).atMinute() * 60, Kind.CAPACITY, null, i, false);
            }
            long handled = 0;
            while (!events.isEmpty() && !over) {
                Event event = events.poll();
                if (event.time() >= windowSeconds) {
                    break;
                }
                if (++handled % 4_096 == 0) {
                    cancellation.throwIfCancelled();
                    progress.report(Math.min(1, event.time() / windowSeconds));
                }
                handle(event);
            }
            if (!over) {
                close();
            } else {
                recorder.snapshotThrough(recorder.minutes() - 1, 0, 0);
            }
            progress.report(1);
            return finish();
        }

        private void drawFirstAttempts() {
            int people = Math.toIntExact(p.people());
            firstAttempts = new double[people];
            for (int i = 0; i < people; i++) {
                firstAttempts[i] = p.arrivals().sampleMinute(random.uniform(), random.uniform(), p.windowMinutes())
                        * 60;
            }
            Arrays.sort(firstAttempts);
        }

        private void scheduleNextFirstAttempt() {
            if (nextFirstAttempt < firstAttempts.length) {
                double time = firstAttempts[nextFirstAttempt++];
                schedule(time, Kind.ARRIVE, new Person(time), 0, false);
            }
        }

        private void schedule(double time, Kind kind, Person person, int number, boolean booking) {
            events.add(new Event(time, order++, kind, person, number, booking));
        }

        private void handle(Event event) {
            double now = event.time();
            switch (event.kind()) {
                case ARRIVE -> {
                    scheduleNextFirstAttempt();
                    arrive(event.person(), now);
                }
                case RETURN -> {
                    returnsPending--;
                    recorder.events(1);
                    arrive(event.person(), now);
                }
                case SESSION_END -> {
                    if (event.number() == epoch) {
                        endSession(event.person(), event.booking(), now);
                    }
                }
                case TIMEOUT -> {
                    if (event.number() == epoch) {
                        held--;
                    }
                }
                case RESTART -> admit(now);
                case GIVE_UP -> giveUp(event.person(), event.number(), now);
                case MINUTE -> {
                    recorder.snapshotThrough(event.number(), waiting, busy);
                    quotaLeft = p.admittedPerMinute();
                    admit(now);
                }
                case CAPACITY -> {
                    slotsNow = p.slotChanges().get(event.number()).slots();
                    admit(now);
                }
            }
        }

        private void arrive(Person person, double now) {
            int minute = recorder.minuteOf(now);
            long brought = 1 + random.poisson(extraDevices);
            sessions += brought;
            recorder.arrivals(minute, brought);
            recorder.events(brought);
            if (p.waitingRoom()) {
                person.waiting = true;
                person.queueVisit++;
                waiting++;
                if (p.queueOrder() == QueueOrder.FIFO) {
                    fifo.addLast(person);
                } else {
                    person.listIndex = shuffled.size();
                    shuffled.add(person);
                }
                Patience patience = p.patience();
                if (patience.kind() == Patience.Kind.EXPONENTIAL) {
                    schedule(now + random.exponential(patience.meanMinutes() * 60), Kind.GIVE_UP, person,
                            person.queueVisit, false);
                } else if (patience.kind() == Patience.Kind.FIXED) {
                    schedule(now + patience.meanMinutes() * 60, Kind.GIVE_UP, person, person.queueVisit, false);
                }
                admit(now);
                checkLoad(now);
                return;
            }
            boolean down = now < downUntil;
            long free = down ? 0 : Math.max(0, slotsNow - busy);
            long accepted = Math.min(brought, free);
            long failed = brought - accepted;
            recorder.failures(minute, failed);
            recorder.events(failed);
            if (!down && overload.enabled() && overload.timeoutSeconds() > 0) {
                // A refused request is answered late: it holds a connection until it times out.
                for (long i = 0; i < failed; i++) {
                    held++;
                    schedule(now + overload.timeoutSeconds(), Kind.TIMEOUT, null, epoch, false);
                }
            }
            if (accepted == 0) {
                // The person, not each device, decides whether to try again: devices do not add persistence.
                comeBackLater(person, now, p.retryProbability());
            } else {
                getThrough(person, now, minute);
                startSession(now, person);
                for (long i = 1; i < accepted; i++) {
                    startSession(now, null);
                }
            }
            checkLoad(now);
        }

        /** Sessions under way and requests held beyond the system's connections: it crashes. */
        private void checkLoad(double now) {
            if (!overload.enabled() || now < downUntil || busy + held <= p.connectionsAt(slotsNow)) {
                return;
            }
            int minute = recorder.minuteOf(now);
            recorder.failures(minute, busy);
            recorder.events(busy);
            epoch++;
            busy = 0;
            busyBooking = 0;
            held = 0;
            List<Person> lost = List.copyOf(inBookingSession);
            inBookingSession.clear();
            for (Person person : lost) {
                gotThrough--;
                comeBackLater(person, now, p.retryProbability());
            }
            downUntil = now + overload.restartMinutes() * 60;
            recorder.outage(now, downUntil);
            schedule(downUntil, Kind.RESTART, null, epoch, false);
        }

        private void admit(double now) {
            if (now < downUntil) {
                return;
            }
            while (waiting > 0 && busy < slotsNow && quotaLeft > 0) {
                Person person;
                if (p.queueOrder() == QueueOrder.FIFO) {
                    person = fifo.pollFirst();
                    if (!person.waiting) {
                        continue;
                    }
                } else {
                    person = removeFromList(random.index(shuffled.size()));
                }
                person.waiting = false;
                waiting--;
                quotaLeft--;
                int minute = recorder.minuteOf(now);
                recorder.events(1);
                getThrough(person, now, minute);
                startSession(now, person);
            }
        }

        private Person removeFromList(int index) {
            Person person = shuffled.get(index);
            Person last = shuffled.remove(shuffled.size() - 1);
            if (last != person) {
                shuffled.set(index, last);
                last.listIndex = index;
            }
            person.listIndex = -1;
            return person;
        }

        private void getThrough(Person person, double now, int minute) {
            gotThrough++;
            recorder.admitted(minute, 1);
            recorder.waited(1, now - person.firstAttempt);
        }

        /** A session for {@code booker} (who books when it ends), or a duplicate of a device (null). */
        private void startSession(double now, Person booker) {
            busy++;
            if (booker != null) {
                busyBooking++;
                inBookingSession.add(booker);
            }
            schedule(now + serviceSeconds(), Kind.SESSION_END, booker, epoch, booker != null);
        }

        private double serviceSeconds() {
            ServiceTime service = p.serviceTime();
            if (service.kind() == ServiceTime.Kind.EXPONENTIAL) {
                return random.exponential(service.meanMinutes() * 60);
            }
            return Math.exp(service.logMuSeconds() + service.logSigma() * random.gaussian());
        }

        private void endSession(Person booker, boolean booking, double now) {
            busy--;
            recorder.events(1);
            if (booking) {
                busyBooking--;
                inBookingSession.remove(booker);
                booked++;
                recorder.bookings(recorder.minuteOf(now), 1);
                if (booked >= p.bookingLimit() && booked + gaveUp < p.people()) {
                    suspendedAtMinute = now / 60;
                    turnedAway = p.people() - booked - gaveUp;
                    waiting = 0;
                    returnsPending = 0;
                    over = true;
                    return;
                }
            }
            admit(now);
        }

        private void giveUp(Person person, int visit, double now) {
            if (!person.waiting || person.queueVisit != visit) {
                return;
            }
            person.waiting = false;
            waiting--;
            if (person.listIndex >= 0) {
                removeFromList(person.listIndex);
            }
            recorder.abandonments(recorder.minuteOf(now), 1);
            recorder.events(1);
            comeBackLater(person, now, p.retryProbability());
        }

        private void comeBackLater(Person person, double now, double chance) {
            if (random.chance(chance)) {
                returnsPending++;
                double delay = p.retryDelayMinutes() == 0 ? 0 : random.exponential(p.retryDelayMinutes() * 60);
                schedule(now + delay, Kind.RETURN, person, 0, false);
            } else {
                gaveUp++;
            }
        }

        private void close() {
            int last = recorder.minutes() - 1;
            long bookings = Math.min(busyBooking, p.bookingLimit() - booked);
            booked += bookings;
            recorder.bookings(last, bookings);
            if (busyBooking > bookings) {
                turnedAway += busyBooking - bookings;
                suspendedAtMinute = p.windowMinutes();
            }
            recorder.snapshotThrough(last, waiting, busy);
        }

        private BookingNightResult finish() {
            long notArrived = over ? 0 : firstAttempts == null ? 0 : firstAttempts.length - nextFirstAttempt;
            long stillTrying = over ? 0 : waiting + returnsPending + notArrived;
            return recorder.finish(seed, p.people(), sessions, gotThrough, booked, gaveUp, stillTrying, turnedAway,
                    suspendedAtMinute);
        }
    }
}
