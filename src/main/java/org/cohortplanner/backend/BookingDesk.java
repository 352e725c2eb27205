package org.cohortplanner.backend;

import static org.cohortplanner.backend.BookingAnswers.ALREADY_BOOKED;
import static org.cohortplanner.backend.BookingAnswers.BUSY;
import static org.cohortplanner.backend.BookingAnswers.NO_BOOKING;
import static org.cohortplanner.backend.BookingAnswers.NO_WINDOW;
import static org.cohortplanner.backend.BookingAnswers.alreadyBooked;
import static org.cohortplanner.backend.BookingAnswers.booked;
import static org.cohortplanner.backend.BookingAnswers.cancelled;
import static org.cohortplanner.backend.BookingAnswers.noAppointment;
import static org.cohortplanner.backend.BookingAnswers.settledRefusal;
import static org.cohortplanner.backend.BookingAnswers.suspendedByBudget;
import static org.cohortplanner.backend.BookingAnswers.suspendedByPlanners;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.cohortplanner.backend.AppointmentSearch.Appointment;
import org.cohortplanner.backend.BookingAnswers.Answer;
import org.cohortplanner.backend.BookingLedger.Ticket;
import org.cohortplanner.backend.BookingLedger.Tx;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.schedule.DoseBudget;

/**
 * The citizens' side of the backend: a verified person gives a birth date and a region; the desk finds the window
 * open for them now (birth year and, in a rotation, the last digit of the birth day), lets them in through the
 * waiting room at the plan's rate per minute, books a first-dose day at a site group of their region that has room
 * and, for a two-dose brand, the second dose at the brand's interval, holding both doses. A window books up to its
 * dose budget ({@link DoseBudget}, the same figure the supply screens and the booking-night simulation use); then
 * booking is suspended and everyone else is told so. One person holds one standing booking.
 * <p>
 * The desk keeps nothing of the night in memory: tickets, queue positions, admissions per minute, counts and the
 * budget are rows of the database ({@link BookingLedger}), changed in its transactions, so that every backend on the
 * database serves the same night and a restart loses no one's place. The plan is read from the plan service's
 * published snapshot without a lock; the only thing kept is the dose budget computed from one plan version.
 * <p>
 * The waiting room is a queue advanced by the clock: in every minute at most the plan's "admitted per minute"
 * people get in, in FIFO order or, with RANDOM order, those who came before the opening in a random order drawn once
 * (a random key given at arrival) and everyone later behind them in order of arrival. Without a waiting room the
 * booking system's own capacity per minute applies and whoever comes beyond it is told the system is busy.
 * <p>
 * The desk decides; where the doses go is {@link AppointmentSearch}'s, what is answered is {@link BookingAnswers}'s
 * and the live view's body {@link LiveView}'s.
 */
public final class BookingDesk implements AutoCloseable {
    /** How long before a window opens its waiting room takes people in (they are let in at the opening). */
    static final int EARLY_QUEUE_MINUTES = 60;
    private static final int MINUTES_KEPT = 24 * 60;
    /** How many of the queue's head a request releasing the queue chooses from (see {@code admitHead}). */
    private static final int HEAD_CHOICE = 32;

    /** What the desk computes from one version of the plan (immutable, replaced when the version changes). */
    private record Derived(long version, DoseBudget budget) {
    }

    private final PlanService plans;
    private final Clock clock;
    private final BookingLedger ledger;
    private final PersonKey personKey;
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Derived> derived = new AtomicReference<>();
    /**
     * The furthest minute up to which this backend saw the waiting room let in (it only grows, on every backend):
     * while it is the minute before now, a request need not read it again.
     */
    private final AtomicLong releasedSeen = new AtomicLong(Long.MIN_VALUE);

    BookingDesk(PlanService plans, Clock clock, BookingLedger ledger, PersonKey personKey) {
        this.plans = plans;
        this.clock = clock;
        this.ledger = ledger;
        this.personKey = personKey;
    }

    /** A person in no named group asks to book. */
    Answer book(String personId, LocalDate birthDate, String regionName) {
        return book(personId, birthDate, regionName, null);
    }

    /**
     * A person asks to book; {@code group} is the named group of their cohort they belong to (null for none), as the
     * identity step established it: its interval policy exceptions set their second dose.
     */
    Answer book(String personId, LocalDate birthDate, String regionName, String group) {
        for (int attempt = 1; ; attempt++) {
            try {
                return book(plans.snapshot().require(), personId, birthDate, regionName, group);
            } catch (PlanChanged changed) {
                if (attempt >= PLAN_ATTEMPTS) {
                    throw new ApiException(503, "the plan kept changing while the booking was made; try again",
                            null, BUSY, null, null);
                }
                pause(attempt);
                plans.refresh();
            }
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(random.nextInt(attempt + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "the booking was interrupted; try again", null, BUSY, null, null);
        }
    }

    /**
     * Thrown by a booking's work when the plan stored is newer than the one it was decided on (another backend
     * changed it, say cut a window's doses): the booking is decided again on the plan as stored.
     */
    static final class PlanChanged extends RuntimeException {
        PlanChanged() {
            super("the plan changed", null, false, false);
        }
    }

    /**
     * Tries on a plan that changed meanwhile before a request is answered 503 BUSY; between tries a request waits a
     * random moment of up to as many milliseconds as it has tried, so that a planner's save can finish.
     */
    private static final int PLAN_ATTEMPTS = 40;

    /**
     * A booking takes a window's budget as computed from the plan it was decided on; that plan must be the one
     * stored. The plan's row is locked for the booking's transaction (with the other bookings of its batch), so a
     * planner's save that cuts the budget waits for it and every booking after the save is decided on the new plan,
     * on every backend: a budget cut holds across instances, and bookings acknowledged before it stand.
     */
    private void requireStoredPlan(Tx tx, Plan plan) throws SQLException {
        if (tx.lockPlanVersion() != plan.version()) {
            throw new PlanChanged();
        }
    }

    private Answer book(Plan plan, String personId, LocalDate birthDate, String regionName, String group) {
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, plan.zone());
        long minute = NightMinutes.of(now);
        Region region = region(plan, regionName);
        String person = personKey.hash(personId);
        Cohort window;
        ApiException noWindow;
        try {
            window = windowFor(plan, birthDate, local, plan.bookingSystem().waitingRoom().enabled());
            noWindow = null;
        } catch (ApiException none) {
            window = null;
            noWindow = none;
        }
        Cohort theirs = window;
        if (window != null && fastPathFits(plan, window, group, local, minute)) {
            Optional<Answer> direct = bookOpen(plan, window, person, birthDate, region, group, now, minute, true);
            if (direct.isPresent()) {
                return direct.get();
            }
        }
        // What the answer depends on, read in one transaction: the waiting room's progress, the person's standing
        // booking or ticket, and whether their window's doses are booked. Only when the queue must be let in first
        // are booking and ticket read again after that.
        Standing standing = ledger.inTransaction(tx -> standing(tx, plan, person, theirs, minute));
        if (standing.waiting() || standing.released() < minute - 1) {
            release(plan, minute, standing.released(), standing.waiting());
            if (standing.waiting()) {
                standing = ledger.inTransaction(tx -> standing(tx, plan, person, theirs, minute));
            }
        }
        if (noWindow != null && standing.booking().isEmpty() && standing.ticket().isEmpty()) {
            countArrived(minute);
            throw noWindow;
        }
        Optional<Answer> settled = settledByStanding(plan, standing, window, group, now, minute);
        return settled.isPresent() ? settled.get() : bookOrQueue(plan, window, person, birthDate, region, group, now,
                minute);
    }

    private static Region region(Plan plan, String regionName) {
        return plan.regions().stream().filter(r -> r.name().equals(regionName)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("region", "'" + regionName + "' is not a region of the "
                        + "plan; regions are " + plan.regions().stream().map(Region::name).toList()));
    }

    /**
     * The answer a person's standing gives without booking: their booking, their place in the queue, a group their
     * window does not name, or why the window takes nobody; empty when they may book or queue. Every request counts
     * once as arrived, in the transaction that decides its answer: one write of the minute's row per request, which
     * every request of the minute shares.
     */
    private Optional<Answer> settledByStanding(Plan plan, Standing standing, Cohort cohort, String group, Instant now,
                                               long minute) {
        if (standing.booking().isPresent()) {
            countArrived(minute);
            return Optional.of(alreadyBooked(plan, standing.booking().get()));
        }
        if (standing.ticket().isPresent()) {
            countArrived(minute);
            return Optional.of(waiting(plan, standing.ticket().get(), now));
        }
        if (group != null && cohort.groups().stream().noneMatch(g -> g.name().equals(group))) {
            countArrived(minute);
            throw ApiException.badRequest("group", "'" + group + "' is not a named group of cohort " + cohort.name()
                    + (cohort.groups().isEmpty() ? ", which names none" : "; its groups are "
                    + cohort.groups().stream().map(g -> g.name()).toList()));
        }
        if (standing.refusal().isPresent()) {
            ledger.inBatch(tx -> {
                tx.countCohort(cohort.id(), "turned_away");
                return tx.countMinute(minute, -1, "arrived", "turned_away");
            });
            return standing.refusal();
        }
        return Optional.empty();
    }

    /**
     * Books a person of an open window unless others wait; else (a window about to open, or others ahead) gives them
     * a waiting-room ticket, or without a waiting room tells them the system is busy.
     */
    private Answer bookOrQueue(Plan plan, Cohort cohort, String person, LocalDate birthDate, Region region,
                               String group, Instant now, long minute) {
        LocalDateTime local = LocalDateTime.ofInstant(now, plan.zone());
        boolean open = cohort.window().isOpenAt(local);
        if (open) {
            Optional<Answer> direct = bookOpen(plan, cohort, person, birthDate, region, group, now, minute, false);
            if (direct.isPresent()) {
                return direct.get();
            }
        }
        WaitingRoom room = plan.bookingSystem().waitingRoom();
        if (!room.enabled()) {
            ledger.inBatch(tx -> {
                tx.countCohort(cohort.id(), "busy");
                return tx.countMinute(minute, -1, "arrived", "busy");
            });
            return BookingAnswers.busy(cohort, admittedPerMinute(plan, local), now);
        }
        String ticketId = newTicketId();
        long opens = NightMinutes.of(cohort.window().opens().atZone(plan.zone()).toInstant());
        Long key = !open && room.order() == QueueOrder.RANDOM ? random.nextLong() : null;
        Ticket ticket = ledger.inBatch(tx -> {
            tx.addTicket(ticketId, person, cohort.id(), birthDate, region.name(), group, opens, open ? 1 : 0, key);
            Ticket waiting = tx.waitingOf(person).orElseThrow(BookingLedger.TryAgain::new);
            tx.countMinute(minute, -1, "arrived");
            return waiting;
        });
        return waiting(plan, ticket, now);
    }

    /**
     * Whether a request may go straight to the booking's transaction: its window is open, valid for its group and
     * not suspended by the planners, and the waiting room was let in up to the minute before (as this backend saw).
     * That transaction itself then checks whether anyone waits (then the request queues behind them the usual way)
     * and whether the window's doses are booked; a person who booked already is told so by the database's unique
     * constraint. Most requests of a busy night so take one transaction, not two.
     */
    private boolean fastPathFits(Plan plan, Cohort window, String group, LocalDateTime local, long minute) {
        return window.window().isOpenAt(local) && releasedSeen.get() >= minute - 1
                && window.status() != CohortStatus.SUSPENDED && window.status() != CohortStatus.CLOSED
                && (group == null || window.groups().stream().anyMatch(g -> g.name().equals(group)));
    }

    /**
     * Books a person of an open window in one of the writer's batches, unless someone waits (empty: the person then
     * queues) or the minute's admissions are used up (empty). With {@code refuseLikeStanding}, a window whose doses
     * are booked turns the person away as the standing check would (not counted as admitted), and a refusal goes
     * to a person who has a booking as "already booked" instead.
     */
    private Optional<Answer> bookOpen(Plan plan, Cohort cohort, String person, LocalDate birthDate, Region region,
                                      String group, Instant now, long minute, boolean refuseLikeStanding) {
        int rate = admittedPerMinute(plan, LocalDateTime.ofInstant(now, plan.zone()));
        try {
            return ledger.inBatch(tx -> {
                requireStoredPlan(tx, plan);
                if (tx.anyWaiting(minute)) {
                    return Optional.empty();
                }
                if (refuseLikeStanding) {
                    long limit = limit(plan, cohort);
                    if (tx.budgetBooked(cohort.id()) >= limit) {
                        if (tx.standingBookingOf(person).isPresent()) {
                            throw new BookingLedger.AlreadyBooked();
                        }
                        tx.countCohort(cohort.id(), "turned_away");
                        tx.countMinute(minute, -1, "arrived", "turned_away");
                        return Optional.of(suspendedByBudget(cohort, limit));
                    }
                }
                Answer answer = admit(tx, plan, cohort, person, birthDate, region.name(), group, now);
                if (refuseLikeStanding && answer.status() != 201 && tx.standingBookingOf(person).isPresent()) {
                    throw new BookingLedger.AlreadyBooked();
                }
                // The minute's row last: it is the one every booking of the minute changes.
                if (!tx.countMinute(minute, rate, "arrived", "admitted",
                        answer.status() == 201 ? "booked" : "turned_away")) {
                    throw new BookingLedger.Undo(Optional.empty());
                }
                return Optional.of(answer);
            });
        } catch (BookingLedger.AlreadyBooked meanwhile) {
            countArrived(minute);
            return Optional.of(ledger.inTransaction(tx -> tx.standingBookingOf(person)).map(b -> alreadyBooked(plan, b))
                    .orElseThrow(() -> new ApiException(409, "this person's booking is being made by another "
                            + "request; ask again", null, ALREADY_BOOKED, null, null)));
        }
    }

    /**
     * What a booking request finds: how far the waiting room was let in and whether anyone waits, the person's
     * standing booking or else waiting ticket, and else why their window takes nobody (suspended, doses booked).
     */
    private record Standing(long released, boolean waiting, Optional<Booking> booking, Optional<Ticket> ticket,
                            Optional<Answer> refusal) {
    }

    private Standing standing(Tx tx, Plan plan, String person, Cohort cohort, long minute) throws SQLException {
        long released = tx.releasedUpTo();
        releasedSeen.accumulateAndGet(released, Math::max);
        boolean waiting = tx.anyWaiting(minute);
        Optional<Booking> booking = tx.standingBookingOf(person);
        Optional<Ticket> ticket = booking.isPresent() ? Optional.empty() : tx.waitingOf(person);
        Optional<Answer> refusal = booking.isPresent() || ticket.isPresent() || cohort == null ? Optional.empty()
                : suspension(tx, plan, cohort);
        return new Standing(released, waiting, booking, ticket, refusal);
    }

    private void countArrived(long minute) {
        ledger.inBatch(tx -> tx.countMinute(minute, -1, "arrived"));
    }

    /** A queued person asks whether it is their turn. */
    Answer poll(String ticketId) {
        for (int attempt = 1; ; attempt++) {
            try {
                return poll(plans.snapshot().require(), ticketId);
            } catch (PlanChanged changed) {
                if (attempt >= PLAN_ATTEMPTS) {
                    throw new ApiException(503, "the plan kept changing while the ticket was looked up; try again",
                            null, BUSY, null, null);
                }
                pause(attempt);
                plans.refresh();
            }
        }
    }

    private Answer poll(Plan plan, String ticketId) {
        Instant now = clock.instant();
        long minute = NightMinutes.of(now);
        release(plan, minute);
        Ticket ticket = ledger.inTransaction(tx -> {
            Ticket found = tx.ticket(ticketId)
                    .orElseThrow(() -> ApiException.notFound("no waiting-room ticket '" + ticketId + "'"));
            Optional<Cohort> cohort = plan.cohort(found.cohortId());
            if (found.state().equals("WAITING") && tx.storedPlanVersion() != plan.version()) {
                // Whether the window's doses are booked depends on the budget of the plan as stored.
                throw new PlanChanged();
            }
            if (found.state().equals("WAITING") && cohort.isPresent() && turnAwayIfBooked(tx, plan, cohort.get(),
                    minute)) {
                return tx.ticket(ticketId).orElseThrow();
            }
            return found;
        });
        switch (ticket.state()) {
            case "BOOKED":
                Booking booking = ledger.inTransaction(tx -> tx.booking(ticket.bookingNumber())).orElseThrow();
                return booked(plan, booking);
            case "TURNED_AWAY":
                if (ALREADY_BOOKED.equals(ticket.reason())) {
                    Optional<Booking> standing = ledger.inTransaction(tx -> tx.standingBookingOf(ticket.personHash()));
                    if (standing.isPresent()) {
                        return alreadyBooked(plan, standing.get());
                    }
                }
                Cohort cohort = plan.cohort(ticket.cohortId()).orElse(null);
                return settledRefusal(ticket.reason(), ticket.message(), cohort);
            default:
                return waiting(plan, ticket, now);
        }
    }

    /** A person gives up a standing booking; both doses go back to the window's budget and the sites' days. */
    Answer cancel(long bookingNumber, String personId) {
        Plan plan = plans.snapshot().require();
        String person = personKey.hash(personId);
        Instant now = clock.instant();
        Booking cancelled = ledger.inBatch(tx -> {
            Optional<Booking> booking = tx.booking(bookingNumber);
            if (booking.isEmpty() || !person.equals(booking.get().personHash()) || booking.get().cancelledAt() != null
                    || !tx.cancel(booking.get(), now)) {
                throw new ApiException(404, "no standing booking " + bookingNumber + " of this person", null,
                        NO_BOOKING, null, null);
            }
            Booking b = booking.get();
            // In the order a booking takes them (site days, then the budget), so the two never wait on each other.
            tx.giveBackRoom(b.siteGroup(), b.day());
            if (b.secondDay() != null) {
                tx.giveBackRoom(b.secondSiteGroup(), b.secondDay());
            }
            tx.giveBackBudget(b.cohortId());
            return tx.booking(bookingNumber).orElseThrow();
        });
        return cancelled(plan, cancelled);
    }

    /** Lets in, minute by minute up to now, as many of the queue as each minute's rate allows. */
    private void release(Plan plan, long nowMinute) {
        record Progress(long released, boolean waiting) {
        }
        Progress progress = ledger.inTransaction(tx -> new Progress(tx.releasedUpTo(), tx.anyWaiting(nowMinute)));
        releasedSeen.accumulateAndGet(progress.released(), Math::max);
        release(plan, nowMinute, progress.released(), progress.waiting());
    }

    /** As {@link #release(Plan, long)}, with the waiting room's progress as read a moment ago. */
    private void release(Plan plan, long nowMinute, long released, boolean anyoneWaiting) {
        if (!anyoneWaiting) {
            if (released < nowMinute - 1) {
                ledger.inBatch(tx -> {
                    tx.released(nowMinute - 1);
                    return null;
                });
            }
            releasedSeen.accumulateAndGet(nowMinute - 1, Math::max);
            return;
        }
        long from = Math.max(released + 1, nowMinute - MINUTES_KEPT);
        for (long m = from; m <= nowMinute; m++) {
            long at = m;
            Instant minuteStart = NightMinutes.start(m);
            int rate = admittedPerMinute(plan, LocalDateTime.ofInstant(minuteStart, plan.zone()));
            boolean more = true;
            int changes = 0;
            while (more) {
                Plan current = plan;
                try {
                    more = ledger.inBatch(tx -> admitHead(tx, current, at, rate,
                            at == nowMinute ? clock.instant() : minuteStart));
                } catch (BookingLedger.AlreadyBooked meanwhile) {
                    // The person booked by another way meanwhile; the next round turns their ticket away.
                    more = true;
                } catch (PlanChanged changed) {
                    // Decided again on the plan as stored; the minute's rate stays the one the minute began with.
                    plan = plans.refresh().require();
                    if (++changes >= PLAN_ATTEMPTS) {
                        return;
                    }
                }
            }
            if (m < nowMinute) {
                ledger.inBatch(tx -> {
                    tx.released(at);
                    tx.setQueueLength(at);
                    return null;
                });
                releasedSeen.accumulateAndGet(at, Math::max);
            }
        }
    }

    /**
     * Admits one of the head of the queue in {@code minute} if the minute has room; false when nothing more goes in.
     * While the minute has room for more than the head's first {@link #HEAD_CHOICE} people, all of them get in within
     * it, so each request takes one of those at random: several requests (and instances) releasing the queue at once
     * then rarely want the same ticket. With less room left, the very first is taken, so order still decides.
     */
    private boolean admitHead(Tx tx, Plan plan, long minute, int rate, Instant at) throws SQLException {
        requireStoredPlan(tx, plan);
        long room = rate - tx.minuteCount(minute, "admitted");
        if (room <= 0) {
            return false;
        }
        List<Ticket> heads = tx.heads(minute, HEAD_CHOICE);
        if (heads.isEmpty()) {
            return false;
        }
        Ticket ticket = room > heads.size() ? heads.get(random.nextInt(heads.size())) : heads.get(0);
        Optional<Cohort> cohort = CohortFamilies.bookingCohorts(plan).stream()
                .filter(c -> c.id().equals(ticket.cohortId())).findFirst();
        if (cohort.isPresent() && turnAwayIfBooked(tx, plan, cohort.get(), minute)) {
            return true;
        }
        if (!tx.admit(ticket)) {
            return true;
        }
        String outcome = null;
        Optional<Booking> standing = tx.standingBookingOf(ticket.personHash());
        if (standing.isPresent()) {
            tx.settle(ticket, "TURNED_AWAY", null, ALREADY_BOOKED, "this person has booking "
                    + standing.get().number() + " already");
        } else if (cohort.isEmpty()) {
            tx.settle(ticket, "TURNED_AWAY", null, NO_WINDOW, "the window you queued for is no longer in the plan");
        } else {
            Optional<Answer> refusal = suspension(tx, plan, cohort.get());
            Answer answer;
            if (refusal.isPresent()) {
                tx.countCohort(ticket.cohortId(), "turned_away");
                answer = refusal.get();
            } else {
                answer = admit(tx, plan, cohort.get(), ticket.personHash(), ticket.birthDate(), ticket.region(),
                        ticket.namedGroup(), at);
            }
            if (answer.status() == 201) {
                tx.settle(ticket, "BOOKED", answer.body().path("booking").asLong(), null, null);
                outcome = "booked";
            } else {
                tx.settle(ticket, "TURNED_AWAY", null, answer.body().path("reason").asText(),
                        answer.body().path("message").asText());
                outcome = "turned_away";
            }
        }
        // The minute's row last, as in a direct booking.
        boolean counted = outcome == null ? tx.countMinute(minute, rate, "admitted")
                : tx.countMinute(minute, rate, "admitted", outcome);
        if (!counted) {
            throw new BookingLedger.Undo(false);
        }
        return true;
    }

    /**
     * When a window's doses are all booked, everyone waiting for it is told so at once, in one statement, rather
     * than one by one at the waiting room's rate. True when that happened.
     */
    private boolean turnAwayIfBooked(Tx tx, Plan plan, Cohort cohort, long minute) throws SQLException {
        long limit = limit(plan, cohort);
        if (tx.budgetBooked(cohort.id()) < limit) {
            return false;
        }
        Answer refusal = suspendedByBudget(cohort, limit);
        int turnedAway = tx.turnAwayWaiting(cohort.id(), refusal.body().path("reason").asText(),
                refusal.body().path("message").asText());
        if (turnedAway > 0) {
            tx.addToCohort(cohort.id(), "turned_away", turnedAway);
            tx.addToMinute(minute, "turned_away", turnedAway);
        }
        return turnedAway > 0;
    }

    /**
     * Books both doses and holds them, or answers why not (a refusal counted for the window; the caller counts the
     * minute). The rows that every booking of the night changes (the site group's days, the brand's and the window's
     * counts, and the minute's, by the caller) are changed last, just before the commit, so each is locked as briefly
     * as possible: the days are chosen on what the database held when the step began, and when one of those rows
     * changed meanwhile (a day filled up, the budget ran out) the step is tried again on what is there now.
     */
    private Answer admit(Tx tx, Plan plan, Cohort cohort, String person, LocalDate birthDate, String region,
                         String group, Instant at) throws SQLException {
        long limit = limit(plan, cohort);
        if (tx.budgetBooked(cohort.id()) >= limit) {
            tx.countCohort(cohort.id(), "turned_away");
            return suspendedByBudget(cohort, limit);
        }
        // One brand needs no counting: it is the one.
        boolean severalBrands = cohort.brands().shares().values().stream().filter(share -> share > 0).count() > 1;
        List<String> brands = AppointmentSearch.brandsByNeed(cohort,
                severalBrands ? tx.standingByBrand(cohort.id()) : Map.of());
        LocalDate firstDay = cohort.vaccinationPeriod().firstDay();
        LocalDate lastDay = cohort.vaccinationPeriod().lastDay();
        int longest = plan.brands().stream().mapToInt(b -> b.interval().maximumDays()).max().orElse(0);
        List<SiteGroup> regionSites = plan.sites().stream().filter(s -> s.region().equals(region)).toList();
        Map<String, Long> held = tx.roomHeld(regionSites.stream().map(SiteGroup::name).toList(), firstDay,
                lastDay.plusDays(longest));
        Optional<Appointment> found = AppointmentSearch.find(plan, cohort, brands, regionSites, held, group);
        if (found.isEmpty()) {
            tx.countCohort(cohort.id(), "turned_away");
            return noAppointment(cohort, region, brands);
        }
        Appointment a = found.get();
        SiteGroup second = a.secondSite();
        Booking booking = new Booking(tx.nextBookingNumber(), at, cohort.id(), birthDate, region, a.site().name(),
                a.day(), a.brand(), a.doses(), person, second == null ? null : second.name(), a.secondDay(), null,
                group);
        tx.record(booking);
        if (!tx.takeRoom(a.site().name(), a.day(), a.site().dosesPerDay())
                || second != null && !tx.takeRoom(second.name(), a.secondDay(), second.dosesPerDay())
                || !tx.takeBudget(cohort.id(), limit)) {
            // Taken meanwhile by another booking: decide again on what the database holds now.
            throw new BookingLedger.TryAgain();
        }
        return booked(plan, booking);
    }

    /**
     * The window open now for a person of this birth date (with a waiting room, also one opening within
     * {@link #EARLY_QUEUE_MINUTES}), or the 409 saying when theirs opens or closed.
     */
    private static Cohort windowFor(Plan plan, LocalDate birthDate, LocalDateTime now, boolean earlyQueue) {
        List<Cohort> theirs = CohortFamilies.bookingCohorts(plan).stream()
                .filter(c -> c.birthYears().contains(birthDate.getYear())
                        && c.effectiveDigits().contains(birthDate.getDayOfMonth() % 10))
                .sorted(Comparator.comparing((Cohort c) -> c.window().opens()))
                .toList();
        Optional<Cohort> open = theirs.stream().filter(c -> c.window().isOpenAt(now)).findFirst();
        if (open.isPresent()) {
            return open.get();
        }
        String message;
        Optional<Cohort> next = theirs.stream().filter(c -> c.window().opens().isAfter(now)).findFirst();
        if (next.isPresent() && earlyQueue && !next.get().window().opens().isAfter(now.plusMinutes(
                EARLY_QUEUE_MINUTES))) {
            return next.get();
        }
        if (next.isPresent()) {
            message = "no booking window is open for people born on " + birthDate + " now; theirs ("
                    + next.get().name() + ") opens " + next.get().window().opens();
        } else if (!theirs.isEmpty()) {
            Cohort last = theirs.get(theirs.size() - 1);
            message = "the booking window for people born on " + birthDate + " (" + last.name() + ") closed "
                    + last.window().closes();
        } else {
            message = "no cohort of the plan takes people born on " + birthDate;
        }
        throw new ApiException(409, message, null, NO_WINDOW, null, null);
    }

    /** A window whose doses are booked, or that the planners suspended, takes nobody. */
    private Optional<Answer> suspension(Tx tx, Plan plan, Cohort cohort) throws SQLException {
        if (cohort.status() == CohortStatus.SUSPENDED || cohort.status() == CohortStatus.CLOSED) {
            return Optional.of(suspendedByPlanners(cohort));
        }
        long limit = limit(plan, cohort);
        long booked = tx.budgetBooked(cohort.id());
        return booked >= limit ? Optional.of(suspendedByBudget(cohort, limit)) : Optional.empty();
    }

    private long limit(Plan plan, Cohort cohort) {
        Derived current = derived.get();
        if (current == null || current.version() != plan.version()) {
            current = new Derived(plan.version(), DoseBudget.of(plan));
            derived.set(current);
        }
        return current.budget().bookableFirstDoses(cohort.id());
    }

    private static int admittedPerMinute(Plan plan, LocalDateTime at) {
        BookingSystem system = plan.bookingSystem();
        WaitingRoom room = system.waitingRoom();
        if (room.enabled()) {
            return room.admittedPerMinute();
        }
        return (int) Math.max(1, Math.floor(system.peoplePerHourAt(at) / 60));
    }

    private Answer waiting(Plan plan, Ticket ticket, Instant now) {
        long position = ledger.inTransaction(tx -> tx.waitingAhead(ticket)) + 1;
        return BookingAnswers.waiting(ticket, position, admittedPerMinute(plan, LocalDateTime.ofInstant(now,
                plan.zone())), now);
    }

    /** The live view: per cohort and per minute, what the desk has done, as the database holds it. */
    ObjectNode live(int minutesShown) {
        Plan plan = plans.snapshot().require();
        Instant now = clock.instant();
        long nowMinute = NightMinutes.of(now);
        release(plan, nowMinute);
        ledger.inBatch(tx -> {
            tx.setQueueLength(nowMinute);
            return null;
        });
        LiveView.Counts counts = ledger.inTransaction(tx -> new LiveView.Counts(tx.cohortCounts(),
                tx.waitingByCohort(), tx.minutes(nowMinute - Math.max(0, minutesShown - 1),
                minutesShown == 0 ? nowMinute - 1 : nowMinute), tx.waiting(Long.MAX_VALUE)));
        LocalDateTime local = LocalDateTime.ofInstant(now, plan.zone());
        return LiveView.body(plan, local, admittedPerMinute(plan, local), counts, cohort -> limit(plan, cohort));
    }

    private String newTicketId() {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        ledger.close();
    }
}
