package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.cohortplanner.backend.BookingLedger.Ticket;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;

/**
 * What the booking desk answers, as the API's JSON bodies: a booking with its appointments, a waiting ticket, and
 * the refusals with their reason codes. The desk decides; this class only says it.
 */
final class BookingAnswers {
    static final String SUSPENDED = "BOOKING_SUSPENDED";
    static final String NO_WINDOW = "NO_OPEN_WINDOW";
    static final String NO_APPOINTMENT = "NO_APPOINTMENT";
    static final String ALREADY_BOOKED = "ALREADY_BOOKED";
    static final String NO_BOOKING = "NO_BOOKING";
    static final String BUSY = "BUSY";
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    /** What to answer: status, JSON body and, for a queued person, where to ask again. */
    record Answer(int status, ObjectNode body, String location, long retryAfterSeconds) {
    }

    private BookingAnswers() {
    }

    static Answer booked(Plan plan, Booking booking) {
        return new Answer(201, bookingBody(plan, booking), null, 0);
    }

    static Answer alreadyBooked(Plan plan, Booking booking) {
        ObjectNode body = refusalBody(409, ALREADY_BOOKED, "this person has booking " + booking.number()
                + " already; cancel it to book again", plan.cohort(booking.cohortId()).orElse(null));
        body.set("existing", bookingBody(plan, booking));
        body.set("appointments", bookingBody(plan, booking).get("appointments"));
        return new Answer(409, body, null, 0);
    }

    static Answer cancelled(Plan plan, Booking booking) {
        ObjectNode body = bookingBody(plan, booking);
        body.put("status", "CANCELLED");
        return new Answer(200, body, null, 0);
    }

    /** The 202 of a queued person: their place, the wait it means at {@code rate} a minute, when to ask again. */
    static Answer waiting(Ticket ticket, long position, int rate, Instant now) {
        long untilOpening = Math.max(0, ticket.opensMinute() - NightMinutes.of(now));
        long waitMinutes = untilOpening + (position + rate - 1) / rate;
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("status", "WAITING");
        body.put("ticket", ticket.id());
        body.put("cohort", ticket.cohortId());
        body.put("position", position);
        body.put("estimatedWaitMinutes", waitMinutes);
        long retry = NightMinutes.secondsToNext(now);
        body.put("pollAfterSeconds", retry);
        return new Answer(202, body, Api.PREFIX + "/bookings/tickets/" + ticket.id(), retry);
    }

    /** The 503 of a booking system without a waiting room whose minute is full. */
    static Answer busy(Cohort cohort, int rate, Instant now) {
        long retry = NightMinutes.secondsToNext(now);
        ObjectNode body = refusalBody(503, BUSY, "the booking system is busy (" + rate + " people a minute "
                + "get through and there is no waiting room); try again in " + retry + " s", cohort);
        return new Answer(503, body, null, retry);
    }

    static Answer suspendedByPlanners(Cohort cohort) {
        return refusal(SUSPENDED, "booking for " + cohort.name() + " is suspended by the planners", cohort);
    }

    static Answer suspendedByBudget(Cohort cohort, long limit) {
        return refusal(SUSPENDED, "booking for " + cohort.name() + " is suspended: the " + limit
                + " first-dose appointments its doses allow are booked", cohort);
    }

    static Answer noAppointment(Cohort cohort, String region, List<String> brands) {
        LocalDate firstDay = cohort.vaccinationPeriod().firstDay();
        LocalDate lastDay = cohort.vaccinationPeriod().lastDay();
        return refusal(NO_APPOINTMENT, "no site group in " + region + " that gives " + String.join(" or ", brands)
                + " has room for both doses in the vaccination period of " + cohort.name() + " (" + firstDay
                + " to " + lastDay + ")", cohort);
    }

    /** A refusal as a queued person's ticket recorded it. */
    static Answer settledRefusal(String reason, String message, Cohort cohort) {
        return new Answer(409, refusalBody(409, reason, message, cohort), null, 0);
    }

    private static Answer refusal(String reason, String message, Cohort cohort) {
        return new Answer(409, refusalBody(409, reason, message, cohort), null, 0);
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

    private static ObjectNode bookingBody(Plan plan, Booking booking) {
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("status", "BOOKED");
        body.put("booking", booking.number());
        Cohort cohort = plan.cohort(booking.cohortId()).orElse(null);
        body.put("cohort", booking.cohortId());
        body.put("cohortName", cohort == null ? booking.cohortId() : cohort.name());
        body.put("region", booking.region());
        if (booking.group() != null) {
            body.put("group", booking.group());
        }
        body.put("siteGroup", booking.siteGroup());
        body.put("day", booking.day().toString());
        body.put("brand", booking.brand());
        body.put("dosesReserved", booking.dosesReserved());
        body.put("bookedAt", SECONDS.format(LocalDateTime.ofInstant(booking.bookedAt(), plan.zone())));
        if (booking.cancelledAt() != null) {
            body.put("cancelledAt", SECONDS.format(LocalDateTime.ofInstant(booking.cancelledAt(), plan.zone())));
        }
        ArrayNode appointments = body.putArray("appointments");
        ObjectNode first = appointments.addObject();
        first.put("dose", 1);
        first.put("day", booking.day().toString());
        first.put("siteGroup", booking.siteGroup());
        first.put("brand", booking.brand());
        if (booking.secondDay() != null) {
            ObjectNode second = appointments.addObject();
            second.put("dose", 2);
            second.put("day", booking.secondDay().toString());
            second.put("siteGroup", booking.secondSiteGroup());
            second.put("brand", booking.brand());
            second.put("daysAfterFirst", ChronoUnit.DAYS.between(booking.day(), booking.secondDay()));
        }
        return body;
    }
}
