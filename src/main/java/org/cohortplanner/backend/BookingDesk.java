package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Region;
import org.cohortplanner.domain.SiteGroup;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.schedule.DoseBudget;
import org.cohortplanner.store.StoreException;

/**
 * The citizens' side of the backend: a person gives a birth date and a region; the desk finds the window open for
 * them now (birth year and, in a rotation, the last digit of the birth day), lets them in through the waiting room
 * at the plan's rate per minute, books a first-dose day at a site group of their region that has room and holds the
 * doses. A window books up to its dose budget ({@link DoseBudget}, the same figure the supply screens and the
 * booking-night simulation use); then booking is suspended and everyone else is told so.
 * <p>
 * The waiting room is a first-come-first-served queue advanced by the clock: in every minute at most the plan's
 * "admitted per minute" people get in. Without a waiting room the booking system's own capacity per minute applies
 * and whoever comes beyond it is told the system is busy (as in 2021 before the queue was added).
 */
public final class BookingDesk implements AutoCloseable {
    static final String SUSPENDED = "BOOKING_SUSPENDED";
    static final String NO_WINDOW = "NO_OPEN_WINDOW";
    static final String NO_APPOINTMENT = "NO_APPOINTMENT";
    static final String BUSY = "BUSY";
    static final String NOT_STORED = "NOT_STORED";
    private static final int MINUTES_KEPT = 24 * 60;
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /** What to answer: status, JSON body and, for a queued person, where to ask again. */
    record Answer(int status, ObjectNode body, String location, long retryAfterSeconds) {
    }

    private enum State { WAITING, BOOKED, TURNED_AWAY }

    private static final class Ticket {
        final String id;
        final long sequence;
        final LocalDate birthDate;
        final String region;
        final String cohortId;
        State state = State.WAITING;
        Booking booking;
        String reason;
        String message;

        Ticket(String id, long sequence, LocalDate birthDate, String region, String cohortId) {
            this.id = id;
            this.sequence = sequence;
            this.birthDate = birthDate;
            this.region = region;
            this.cohortId = cohortId;
        }
    }

    /** Counts of one minute of the night. */
    private static final class Minute {
        long arrived;
        long admitted;
        long booked;
        long turnedAway;
        long busy;
        long queueLength;
    }

    private static final class CohortCounts {
        long booked;
        long turnedAway;
        long busy;
        final Map<String, Long> bookedByBrand = new HashMap<>();
    }

    private final PlanService plans;
    private final Clock clock;
    private final BookingLedger ledger;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, CohortCounts> cohorts = new HashMap<>();
    private final Map<String, Long> bookedAtSiteOnDay = new HashMap<>();
    private final ArrayDeque<Ticket> queue = new ArrayDeque<>();
    private final Map<String, Ticket> tickets = new HashMap<>();
    private final Map<String, Integer> waitingByCohort = new HashMap<>();
    private final TreeMap<Long, Minute> minutes = new TreeMap<>();
    private final Map<String, Integer> firstDayWithRoom = new HashMap<>();
    private long nextTicket = 1;
    private long nextBooking;
    private long releasedUpTo = Long.MIN_VALUE;
    private long budgetVersion = -1;
    private DoseBudget budget;

    BookingDesk(PlanService plans, Clock clock, BookingLedger ledger) {
        this.plans = plans;
        this.clock = clock;
        this.ledger = ledger;
        this.nextBooking = ledger.lastNumber() + 1;
        for (BookingLedger.Tally tally : ledger.tallies()) {
            CohortCounts counts = counts(tally.cohortId());
            counts.booked += tally.bookings();
            counts.bookedByBrand.merge(tally.brand(), tally.bookings(), Long::sum);
            bookedAtSiteOnDay.merge(siteDay(tally.siteGroup(), tally.day()), tally.bookings(), Long::sum);
        }
        plans.onChange(this::planChanged);
    }

    private synchronized void planChanged() {
        firstDayWithRoom.clear();
    }

    /** A person asks to book. */
    synchronized Answer book(LocalDate birthDate, String regionName) {
        Plan plan = plans.snapshot().require();
        Instant now = clock.instant();
        LocalDateTime local = LocalDateTime.ofInstant(now, plan.zone());
        long minute = minuteOf(now);
        release(plan, minute);
        Minute counts = minute(minute);
        counts.arrived++;
        Region region = plan.regions().stream().filter(r -> r.name().equals(regionName)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("region", "'" + regionName + "' is not a region of the "
                        + "plan; regions are " + plan.regions().stream().map(Region::name).toList()));
        Cohort cohort = openWindowFor(plan, birthDate, local);
        Optional<Answer> refusal = suspension(plan, cohort);
        if (refusal.isPresent()) {
            counts.turnedAway++;
            counts(cohort.id()).turnedAway++;
            return refusal.get();
        }
        int rate = admittedPerMinute(plan, local);
        if (queue.isEmpty() && counts.admitted < rate) {
            counts.admitted++;
            return admit(plan, cohort, birthDate, region.name(), now, counts)
                    .map(booking -> booked(plan, booking))
                    .orElseGet(() -> lastRefusal);
        }
        WaitingRoom room = plan.bookingSystem().waitingRoom();
        if (!room.enabled()) {
            counts.busy++;
            counts(cohort.id()).busy++;
            long retry = secondsToNextMinute(now);
            ObjectNode body = refusalBody(503, BUSY, "the booking system is busy (" + rate + " people a minute "
                    + "get through and there is no waiting room); try again in " + retry + " s", cohort);
            return new Answer(503, body, null, retry);
        }
        Ticket ticket = new Ticket(newTicketId(), nextTicket++, birthDate, region.name(), cohort.id());
        queue.addLast(ticket);
        tickets.put(ticket.id, ticket);
        waitingByCohort.merge(cohort.id(), 1, Integer::sum);
        counts.queueLength = queue.size();
        return waiting(plan, ticket, now);
    }

    /** A queued person asks whether it is their turn. */
    synchronized Answer poll(String ticketId) {
        Plan plan = plans.snapshot().require();
        Instant now = clock.instant();
        release(plan, minuteOf(now));
        Ticket ticket = tickets.get(ticketId);
        if (ticket == null) {
            throw ApiException.notFound("no waiting-room ticket '" + ticketId + "'");
        }
        switch (ticket.state) {
            case BOOKED:
                return booked(plan, ticket.booking);
            case TURNED_AWAY:
                Cohort cohort = plan.cohort(ticket.cohortId).orElse(null);
                return new Answer(409, refusalBody(409, ticket.reason, ticket.message, cohort), null, 0);
            default:
                return waiting(plan, ticket, now);
        }
    }

    /** Lets in, minute by minute up to now, as many of the queue as each minute's rate allows. */
    private void release(Plan plan, long nowMinute) {
        long from = Math.max(releasedUpTo, nowMinute - MINUTES_KEPT);
        for (long m = from; m <= nowMinute && !queue.isEmpty(); m++) {
            Minute counts = minute(m);
            Instant at = Instant.ofEpochSecond(m * 60);
            int rate = admittedPerMinute(plan, LocalDateTime.ofInstant(at, plan.zone()));
            while (!queue.isEmpty() && counts.admitted < rate) {
                Ticket ticket = queue.removeFirst();
                waitingByCohort.merge(ticket.cohortId, -1, Integer::sum);
                counts.admitted++;
                Instant admittedAt = m == nowMinute ? clock.instant() : at;
                Optional<Cohort> cohort = CohortFamilies.bookingCohorts(plan).stream()
                        .filter(c -> c.id().equals(ticket.cohortId)).findFirst();
                Optional<Answer> refusal = cohort.isEmpty()
                        ? Optional.of(refusal(NO_WINDOW, "the window you queued for is no longer in the plan", null))
                        : suspension(plan, cohort.get());
                Optional<Booking> booking = refusal.isPresent() ? Optional.empty()
                        : admit(plan, cohort.get(), ticket.birthDate, ticket.region, admittedAt, counts);
                if (booking.isPresent()) {
                    ticket.state = State.BOOKED;
                    ticket.booking = booking.get();
                } else {
                    Answer answer = refusal.orElse(lastRefusal);
                    ticket.state = State.TURNED_AWAY;
                    ticket.reason = answer.body().path("reason").asText();
                    ticket.message = answer.body().path("message").asText();
                    if (refusal.isPresent()) {
                        counts.turnedAway++;
                        counts(ticket.cohortId).turnedAway++;
                    }
                }
            }
            counts.queueLength = queue.size();
        }
        releasedUpTo = nowMinute;
        while (!minutes.isEmpty() && minutes.firstKey() < nowMinute - MINUTES_KEPT) {
            minutes.pollFirstEntry();
        }
    }

    private Answer lastRefusal;

    /** Books a day and holds the doses; empty (with {@link #lastRefusal} set) when there is no room. */
    private Optional<Booking> admit(Plan plan, Cohort cohort, LocalDate birthDate, String region, Instant at,
                                    Minute minute) {
        CohortCounts counts = counts(cohort.id());
        List<String> brands = brandsByNeed(cohort, counts);
        for (String brand : brands) {
            Optional<SiteDay> slot = firstSiteDayWithRoom(plan, cohort, region, brand);
            if (slot.isEmpty()) {
                continue;
            }
            int doses = plan.settings().reserveSecondDose()
                    && plan.brand(brand).map(VaccineBrand::dosesInCourse).orElse(1) >= 2 ? 2 : 1;
            Booking booking = new Booking(nextBooking, at, cohort.id(), birthDate, region, slot.get().site(),
                    slot.get().day(), brand, doses);
            try {
                ledger.record(booking);
            } catch (StoreException failure) {
                lastRefusal = refusal(NOT_STORED, "the booking could not be stored (" + failure.getMessage()
                        + "); nothing was booked, try again", cohort, 503);
                return Optional.empty();
            }
            nextBooking++;
            counts.booked++;
            counts.bookedByBrand.merge(brand, 1L, Long::sum);
            bookedAtSiteOnDay.merge(siteDay(slot.get().site(), slot.get().day()), 1L, Long::sum);
            minute.booked++;
            return Optional.of(booking);
        }
        minute.turnedAway++;
        counts.turnedAway++;
        lastRefusal = refusal(NO_APPOINTMENT, "no site group in " + region + " that gives "
                + String.join(" or ", brands) + " has room in the vaccination period of " + cohort.name() + " ("
                + cohort.vaccinationPeriod().firstDay() + " to " + cohort.vaccinationPeriod().lastDay() + ")", cohort);
        return Optional.empty();
    }

    private record SiteDay(String site, LocalDate day) {
    }

    private Optional<SiteDay> firstSiteDayWithRoom(Plan plan, Cohort cohort, String region, String brand) {
        List<SiteGroup> sites = plan.sites().stream()
                .filter(s -> s.region().equals(region) && s.gives(brand) && s.dosesPerDay() > 0).toList();
        if (sites.isEmpty()) {
            return Optional.empty();
        }
        List<LocalDate> days = cohort.vaccinationPeriod().dates().toList();
        String cursorKey = cohort.id() + '\n' + region + '\n' + brand;
        // Days before the cursor were full at every one of these sites; bookings only fill them further.
        int start = firstDayWithRoom.getOrDefault(cursorKey, 0);
        for (int d = start; d < days.size(); d++) {
            LocalDate day = days.get(d);
            if (plan.isHoliday(day)) {
                continue;
            }
            for (SiteGroup site : sites) {
                if (site.isOpenOn(day) && bookedAtSiteOnDay.getOrDefault(siteDay(site.name(), day), 0L)
                        < site.dosesPerDay()) {
                    firstDayWithRoom.put(cursorKey, d);
                    return Optional.of(new SiteDay(site.name(), day));
                }
            }
        }
        firstDayWithRoom.put(cursorKey, days.size());
        return Optional.empty();
    }

    /** The cohort's brands, the one furthest behind its share first, so that bookings follow the shares. */
    private static List<String> brandsByNeed(Cohort cohort, CohortCounts counts) {
        List<String> brands = new ArrayList<>();
        cohort.brands().shares().forEach((brand, share) -> {
            if (share > 0) {
                brands.add(brand);
            }
        });
        long total = counts.booked + 1;
        brands.sort(Comparator.comparingDouble((String brand) -> -(cohort.brands().shareOf(brand) * total
                - counts.bookedByBrand.getOrDefault(brand, 0L))));
        return brands;
    }

    /** The window open now for a person of this birth date, or the 409 saying when theirs opens or closed. */
    private static Cohort openWindowFor(Plan plan, LocalDate birthDate, LocalDateTime now) {
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
    private Optional<Answer> suspension(Plan plan, Cohort cohort) {
        if (cohort.status() == CohortStatus.SUSPENDED || cohort.status() == CohortStatus.CLOSED) {
            return Optional.of(refusal(SUSPENDED, "booking for " + cohort.name() + " is suspended by the planners",
                    cohort));
        }
        long limit = limit(plan, cohort);
        if (counts(cohort.id()).booked >= limit) {
            return Optional.of(refusal(SUSPENDED, "booking for " + cohort.name() + " is suspended: the "
                    + limit + " first-dose appointments its doses allow are booked", cohort));
        }
        return Optional.empty();
    }

    private long limit(Plan plan, Cohort cohort) {
        if (budget == null || budgetVersion != plan.version()) {
            budget = DoseBudget.of(plan);
            budgetVersion = plan.version();
        }
        return budget.bookableFirstDoses(cohort.id());
    }

    private static int admittedPerMinute(Plan plan, LocalDateTime at) {
        BookingSystem system = plan.bookingSystem();
        WaitingRoom room = system.waitingRoom();
        if (room.enabled()) {
            return room.admittedPerMinute();
        }
        return (int) Math.max(1, Math.floor(system.peoplePerHourAt(at) / 60));
    }

    private Answer booked(Plan plan, Booking booking) {
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("status", "BOOKED");
        body.put("booking", booking.number());
        Cohort cohort = plan.cohort(booking.cohortId()).orElse(null);
        body.put("cohort", booking.cohortId());
        body.put("cohortName", cohort == null ? booking.cohortId() : cohort.name());
        body.put("region", booking.region());
        body.put("siteGroup", booking.siteGroup());
        body.put("day", booking.day().toString());
        body.put("brand", booking.brand());
        body.put("dosesReserved", booking.dosesReserved());
        body.put("bookedAt", SECONDS.format(LocalDateTime.ofInstant(booking.bookedAt(), plan.zone())));
        return new Answer(201, body, null, 0);
    }

    private Answer waiting(Plan plan, Ticket ticket, Instant now) {
        Ticket head = queue.peekFirst();
        long position = head == null ? 1 : ticket.sequence - head.sequence + 1;
        int rate = admittedPerMinute(plan, LocalDateTime.ofInstant(now, plan.zone()));
        long waitMinutes = (position + rate - 1) / rate;
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("status", "WAITING");
        body.put("ticket", ticket.id);
        body.put("cohort", ticket.cohortId);
        body.put("position", position);
        body.put("estimatedWaitMinutes", waitMinutes);
        long retry = secondsToNextMinute(now);
        body.put("pollAfterSeconds", retry);
        return new Answer(202, body, Api.PREFIX + "/bookings/tickets/" + ticket.id, retry);
    }

    private Answer refusal(String reason, String message, Cohort cohort) {
        return refusal(reason, message, cohort, 409);
    }

    private Answer refusal(String reason, String message, Cohort cohort, int status) {
        return new Answer(status, refusalBody(status, reason, message, cohort), null, 0);
    }

    private static ObjectNode refusalBody(int status, String reason, String message, Cohort cohort) {
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("status", status);
        body.put("reason", reason);
        body.put("message", message);
        if (cohort != null) {
            body.put("cohort", cohort.id());
            body.put("cohortName", cohort.name());
        }
        return body;
    }

    /** The live view: per cohort and per minute, what the desk has done. */
    synchronized ObjectNode live(int minutesShown) {
        Plan plan = plans.snapshot().require();
        Instant now = clock.instant();
        long nowMinute = minuteOf(now);
        release(plan, nowMinute);
        LocalDateTime local = LocalDateTime.ofInstant(now, plan.zone());
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("at", SECONDS.format(local));
        body.put("zone", plan.zone().getId());
        body.put("planVersion", plan.version());
        WaitingRoom room = plan.bookingSystem().waitingRoom();
        ObjectNode waitingRoom = body.putObject("waitingRoom");
        waitingRoom.put("enabled", room.enabled());
        waitingRoom.put("admittedPerMinute", admittedPerMinute(plan, local));
        waitingRoom.put("queueLength", queue.size());
        ArrayNode cohortRows = body.putArray("cohorts");
        for (Cohort cohort : CohortFamilies.bookingCohorts(plan)) {
            CohortCounts counts = counts(cohort.id());
            long limit = limit(plan, cohort);
            ObjectNode row = cohortRows.addObject();
            row.put("id", cohort.id());
            row.put("name", cohort.name());
            row.put("opens", MINUTES.format(cohort.window().opens()));
            row.put("closes", MINUTES.format(cohort.window().closes()));
            row.put("windowOpen", cohort.window().isOpenAt(local));
            row.put("limit", limit);
            row.put("booked", counts.booked);
            row.put("waiting", waitingByCohort.getOrDefault(cohort.id(), 0));
            row.put("turnedAway", counts.turnedAway);
            row.put("busy", counts.busy);
            row.put("suspended", counts.booked >= limit || cohort.status() == CohortStatus.SUSPENDED);
        }
        ArrayNode minuteRows = body.putArray("minutes");
        for (Map.Entry<Long, Minute> entry : minutes.tailMap(nowMinute - Math.max(0, minutesShown - 1)).entrySet()) {
            Minute m = entry.getValue();
            ObjectNode row = minuteRows.addObject();
            row.put("minute", MINUTES.format(LocalDateTime.ofInstant(Instant.ofEpochSecond(entry.getKey() * 60),
                    plan.zone())));
            row.put("arrived", m.arrived);
            row.put("admitted", m.admitted);
            row.put("booked", m.booked);
            row.put("turnedAway", m.turnedAway);
            row.put("busy", m.busy);
            row.put("queueLength", m.queueLength);
        }
        return body;
    }

    private CohortCounts counts(String cohortId) {
        return cohorts.computeIfAbsent(cohortId, id -> new CohortCounts());
    }

    private Minute minute(long minute) {
        return minutes.computeIfAbsent(minute, m -> new Minute());
    }

    private static String siteDay(String site, LocalDate day) {
        return site + '\n' + day;
    }

    private static long minuteOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    private static long secondsToNextMinute(Instant now) {
        return Math.max(1, 60 - Math.floorMod(now.getEpochSecond(), 60));
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
