package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.CohortFamilies;

/** The live view's JSON (`GET /api/v1/bookings/live`): per window and per minute, what the desk has done. */
final class LiveView {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    /**
     * The night's counts as the database holds them: per window booked, turned away and busy; waiting per window; per
     * minute {minute, arrived, admitted, booked, turned away, busy, queue length}; and the queue's length now.
     */
    record Counts(Map<String, long[]> cohorts, Map<String, Long> waiting, List<long[]> minutes, long queue) {
    }

    private LiveView() {
    }

    /** The body at local time {@code at}, with the waiting room's rate then and each window's dose budget. */
    static ObjectNode body(Plan plan, LocalDateTime at, int admittedPerMinute, Counts counts,
                           ToLongFunction<Cohort> limit) {
        ObjectNode body = PlanJson.MAPPER.createObjectNode();
        body.put("at", BookingAnswers.SECONDS.format(at));
        body.put("zone", plan.zone().getId());
        body.put("planVersion", plan.version());
        WaitingRoom room = plan.bookingSystem().waitingRoom();
        ObjectNode waitingRoom = body.putObject("waitingRoom");
        waitingRoom.put("enabled", room.enabled());
        waitingRoom.put("order", room.order().name());
        waitingRoom.put("admittedPerMinute", admittedPerMinute);
        waitingRoom.put("queueLength", counts.queue());
        ArrayNode cohortRows = body.putArray("cohorts");
        for (Cohort cohort : CohortFamilies.bookingCohorts(plan)) {
            long[] c = counts.cohorts().getOrDefault(cohort.id(), new long[3]);
            long doses = limit.applyAsLong(cohort);
            ObjectNode row = cohortRows.addObject();
            row.put("id", cohort.id());
            row.put("name", cohort.name());
            row.put("opens", MINUTES.format(cohort.window().opens()));
            row.put("closes", MINUTES.format(cohort.window().closes()));
            row.put("windowOpen", cohort.window().isOpenAt(at));
            row.put("limit", doses);
            row.put("booked", c[0]);
            row.put("waiting", counts.waiting().getOrDefault(cohort.id(), 0L));
            row.put("turnedAway", c[1]);
            row.put("busy", c[2]);
            row.put("suspended", c[0] >= doses || cohort.status() == CohortStatus.SUSPENDED);
        }
        ArrayNode minuteRows = body.putArray("minutes");
        for (long[] m : counts.minutes()) {
            ObjectNode row = minuteRows.addObject();
            row.put("minute", MINUTES.format(LocalDateTime.ofInstant(NightMinutes.start(m[0]), plan.zone())));
            row.put("arrived", m[1]);
            row.put("admitted", m[2]);
            row.put("booked", m[3]);
            row.put("turnedAway", m[4]);
            row.put("busy", m[5]);
            row.put("queueLength", m[6]);
        }
        return body;
    }
}
