package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A saved interval policy moves booked people's second-dose appointments and lists each move at
 * {@code GET /api/v1/notifications?since=...} for planners and viewers.
 */
class NotificationsTest {
    private TestBackend backend;
    private Http http;

    @BeforeEach
    void start() {
        backend = new TestBackend(BookingPlans.smallNight());
        http = backend.http;
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private Http.Answer book(String birthDate) {
        return http.send("POST", "/api/v1/bookings", null, "{\"personId\": \"P-" + birthDate + "\", \"birthDate\": \""
                + birthDate + "\", \"region\": \"Seoul\"}", null);
    }

    /** Saves the plan with KDCA's 6 weeks from 16 August as the planner. */
    private Http.Answer saveSixWeeks() {
        Http.Answer current = http.get("/api/v1/plan", TestBackend.PLANNER);
        Plan plan = PlanFiles.fromJson(current.body(), "plan").withIntervalPolicies(List.of(new IntervalPolicy(
                "six-weeks", Set.of("Pfizer"), LocalDate.of(2021, 8, 16), IntervalBasis.SECOND_DOSE_DUE, 42,
                List.of(), "")));
        return http.send("PUT", "/api/v1/plan", TestBackend.PLANNER, PlanFiles.toJson(plan),
                current.header("ETag").orElseThrow());
    }

    @Test
    void savingAPolicyMovesBookedSecondDosesAndListsThemForTheMessagingSystem() {
        Http.Answer first = book("1968-03-15");
        Http.Answer second = book("1968-03-16");
        assertEquals(201, first.status(), first.body());
        assertEquals(201, second.status(), second.body());
        assertEquals("2021-09-06", first.json().path("appointments").get(1).path("day").asText());
        Http.Answer none = http.get("/api/v1/notifications", TestBackend.VIEWER);
        assertEquals(200, none.status(), none.body());
        assertEquals(0, none.json().path("notifications").size());

        Http.Answer saved = saveSixWeeks();
        assertEquals(200, saved.status(), saved.body());

        Http.Answer listed = http.get("/api/v1/notifications?since=0", TestBackend.VIEWER);
        assertEquals(200, listed.status(), listed.body());
        JsonNode rows = listed.json().path("notifications");
        assertEquals(2, rows.size(), listed.body());
        JsonNode row = rows.get(0);
        assertEquals(1, row.path("sequence").asLong());
        assertEquals(first.json().path("booking").asLong(), row.path("bookingNumber").asLong(), first.body());
        assertEquals("c53-54", row.path("cohortId").asText());
        assertEquals("2021-09-06", row.path("secondDayTold").asText());
        assertEquals("2021-09-27", row.path("secondDayNow").asText(), "42 days after 16 August");
        assertTrue(row.path("group").isNull());
        assertEquals(2, listed.json().path("last").asLong());
        assertFalse(listed.json().path("more").asBoolean());

        Http.Answer after = http.get("/api/v1/notifications?since=1", TestBackend.PLANNER);
        assertEquals(200, after.status(), after.body());
        assertEquals(1, after.json().path("notifications").size());
        assertEquals(2, after.json().path("notifications").get(0).path("sequence").asLong());
        assertEquals(0, http.get("/api/v1/notifications?since=2", TestBackend.VIEWER).json().path("notifications")
                .size());

        Http.Answer again = saveSixWeeks();
        assertEquals(200, again.status(), again.body());
        assertEquals(2, http.get("/api/v1/notifications", TestBackend.VIEWER).json().path("notifications").size(),
                "saving the same policy again moves nobody");
    }

    @Test
    void aNewBookingAfterThePolicyGetsItsInterval() {
        assertEquals(200, saveSixWeeks().status());
        Http.Answer booked = book("1968-03-15");
        assertEquals(201, booked.status(), booked.body());
        assertEquals("2021-09-27", booked.json().path("appointments").get(1).path("day").asText(), booked.body());
    }

    @Test
    void onlyPlannersAndViewersMayReadTheNotifications() {
        assertEquals(403, http.get("/api/v1/notifications", TestBackend.SUPPLY).status());
        assertEquals(401, http.get("/api/v1/notifications", null).status());
        assertEquals(200, http.get("/api/v1/notifications", TestBackend.PLANNER).status());
        Http.Answer bad = http.get("/api/v1/notifications?since=yesterday", TestBackend.VIEWER);
        assertEquals(400, bad.status(), bad.body());
        assertTrue(bad.body().contains("since"), bad.body());
    }
}
