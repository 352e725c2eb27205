package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.cohortplanner.domain.GroupInterval;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person books as one of their cohort's named groups and gets that group's interval; a saved interval policy moves
 * second doses without ever holding more doses on a day than the site group gives, and lists who it could not move.
 */
class GroupBookingTest {
    private static final String TEACHERS = "school teachers";
    /** The small night with room for 3 doses a day, 10 doses, no queue, and school teachers named in 53–54. */
    private static final String PLAN = BookingPlans.SMALL_NIGHT.replace("\"formatVersion\": 1", "\"formatVersion\": 4")
            .replace("\"doses\": 5", "\"doses\": 10")
            .replace("\"admittedPerMinute\": 2", "\"admittedPerMinute\": 100")
            .replace("\"brands\": {\"Pfizer\": 1.0}", "\"brands\": {\"Pfizer\": 1.0}, \"groups\": [{\"name\": \""
                    + TEACHERS + "\", \"people\": 30000}]");

    private final String url = "jdbc:h2:mem:groups-" + UUID.randomUUID();
    private Connection keepOpen;
    private TestBackend backend;
    private Http http;

    @BeforeEach
    void start() throws SQLException {
        keepOpen = DriverManager.getConnection(url, "", "");
        backend = new TestBackend(TestBackend.config(url, PlanFiles.fromJson(PLAN, "groups night")));
        http = backend.http;
    }

    @AfterEach
    void stop() throws SQLException {
        backend.close();
        keepOpen.close();
    }

    private Http.Answer book(String person, String group) {
        return http.send("POST", "/api/v1/bookings", null, "{\"personId\": \"" + person + "\", \"birthDate\": "
                + "\"1968-03-15\", \"region\": \"Seoul\"" + (group == null ? "" : ", \"group\": \"" + group + "\"")
                + "}", null);
    }

    private static LocalDate secondDay(Http.Answer booking) {
        return LocalDate.parse(booking.json().path("appointments").get(1).path("day").asText());
    }

    /** 6 weeks from 16 August for second doses due, school teachers {@code teacherDays}. */
    private Http.Answer savePolicy(int teacherDays) {
        Http.Answer current = http.get("/api/v1/plan", TestBackend.PLANNER);
        Plan plan = PlanFiles.fromJson(current.body(), "plan").withIntervalPolicies(List.of(new IntervalPolicy(
                "six-weeks", Set.of("Pfizer"), LocalDate.of(2021, 8, 16), IntervalBasis.SECOND_DOSE_DUE, 42,
                List.of(new GroupInterval(TEACHERS, teacherDays)), "")));
        return http.send("PUT", "/api/v1/plan", TestBackend.PLANNER, PlanFiles.toJson(plan),
                current.header("ETag").orElseThrow());
    }

    private Map<LocalDate, Long> held() throws SQLException {
        Map<LocalDate, Long> held = new HashMap<>();
        try (PreparedStatement query = keepOpen.prepareStatement("SELECT appointment_day, doses_held FROM "
                + "night_site_day WHERE site_group_name = 'Seoul centre'"); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                held.put(rows.getObject(1, LocalDate.class), rows.getLong(2));
            }
        }
        return held;
    }

    /** Three people on 16 August, a teacher on 17 August (16 August is full); all told 21 days. */
    private List<Http.Answer> bookFour() {
        List<Http.Answer> booked = List.of(book("P-1", null), book("P-2", null), book("P-3", null),
                book("T-1", TEACHERS));
        booked.forEach(answer -> assertEquals(201, answer.status(), answer.body()));
        return booked;
    }

    @Test
    void aBookingNamesItsGroupAndAnUnknownGroupIsRefusedNamingTheField() {
        Http.Answer teacher = book("T-9", TEACHERS);
        assertEquals(201, teacher.status(), teacher.body());
        assertEquals(TEACHERS, teacher.json().path("group").asText());
        assertFalse(book("P-9", null).json().has("group"), "a person of no group has none");

        Http.Answer unknown = book("X-1", "exam students 2022");
        assertEquals(400, unknown.status(), unknown.body());
        assertTrue(unknown.body().contains("\"field\":\"group\"") || unknown.json().path("field").asText()
                .equals("group"), unknown.body());
        assertTrue(unknown.body().contains(TEACHERS), "names the groups there are: " + unknown.body());
        assertEquals(400, http.send("POST", "/api/v1/bookings", null, "{\"personId\": \"X-2\", \"birthDate\": "
                + "\"1968-03-15\", \"region\": \"Seoul\", \"group\": 7}", null).status());
        Http.Answer again = book("X-1", null);
        assertEquals(201, again.status(), "the refused request booked nothing: " + again.body());
    }

    @Test
    void aTeacherBookedAfterThePolicyGetsTheGroupsInterval() {
        assertEquals(200, savePolicy(35).status());
        Http.Answer teacher = book("T-1", TEACHERS);
        Http.Answer other = book("P-1", null);
        LocalDate firstDay = LocalDate.parse(teacher.json().path("day").asText());
        assertEquals(35, secondDay(teacher).toEpochDay() - firstDay.toEpochDay(), teacher.body());
        assertEquals(42, secondDay(other).toEpochDay() - LocalDate.parse(other.json().path("day").asText())
                .toEpochDay(), other.body());
    }

    @Test
    void aMoveNeverFillsASiteDayBeyondItsDosesAndTakesTheNearestDayWithRoom() throws SQLException {
        List<Http.Answer> booked = bookFour();
        assertEquals(LocalDate.of(2021, 8, 17), LocalDate.parse(booked.get(3).json().path("day").asText()));
        assertEquals(LocalDate.of(2021, 9, 7), secondDay(booked.get(3)));

        assertEquals(200, savePolicy(41).status());

        JsonNode rows = http.get("/api/v1/notifications", TestBackend.VIEWER).json().path("notifications");
        assertEquals(4, rows.size(), rows.toString());
        Map<String, JsonNode> byGroup = new HashMap<>();
        rows.forEach(row -> byGroup.put(row.path("group").isNull() ? "none" : row.path("group").asText(), row));
        // 16 August + 42 days is 27 September, which the three take; the teacher's 41 days also land on 27 September,
        // which is full, so the teacher takes the next day the allowed range permits.
        for (JsonNode row : rows) {
            assertTrue(row.path("moved").asBoolean(), row.toString());
        }
        assertEquals("2021-09-28", byGroup.get(TEACHERS).path("secondDayNow").asText(), rows.toString());
        assertEquals("2021-09-27", byGroup.get("none").path("secondDayNow").asText());
        Map<LocalDate, Long> held = held();
        assertEquals(3L, held.get(LocalDate.of(2021, 9, 27)), held.toString());
        assertEquals(1L, held.get(LocalDate.of(2021, 9, 28)), held.toString());
        assertTrue(held.values().stream().allMatch(doses -> doses <= 3), held.toString());
        assertEquals(0L, held.getOrDefault(LocalDate.of(2021, 9, 6), 0L), "the told days are given back");
        assertEquals(8L, held.values().stream().mapToLong(Long::longValue).sum(), "four people, two doses each");
    }

    @Test
    void whenNoDayOfTheAllowedRangeHasRoomThePersonKeepsTheToldDayAndTheNotificationSaysWhy() throws SQLException {
        bookFour();
        long planId;
        try (PreparedStatement query = keepOpen.prepareStatement("SELECT MAX(plan_id) FROM night_site_day");
             ResultSet rows = query.executeQuery()) {
            rows.next();
            planId = rows.getLong(1);
        }
        // Every other day a second dose could move to is full already (other people's appointments).
        for (LocalDate day = LocalDate.of(2021, 9, 7); !day.isAfter(LocalDate.of(2021, 9, 28)); day = day.plusDays(1)) {
            try (PreparedStatement fill = keepOpen.prepareStatement("MERGE INTO night_site_day (plan_id, "
                    + "site_group_name, appointment_day, doses_held) KEY (plan_id, site_group_name, appointment_day) "
                    + "VALUES (?, 'Seoul centre', ?, 3)")) {
                fill.setLong(1, planId);
                fill.setObject(2, day);
                fill.executeUpdate();
            }
        }
        Map<LocalDate, Long> before = held();

        assertEquals(200, savePolicy(41).status());

        JsonNode rows = http.get("/api/v1/notifications", TestBackend.VIEWER).json().path("notifications");
        assertEquals(4, rows.size(), rows.toString());
        for (JsonNode row : rows) {
            assertFalse(row.path("moved").asBoolean(), row.toString());
            assertEquals(row.path("secondDayTold").asText(), row.path("secondDayNow").asText());
            assertTrue(row.path("notMovedReason").asText().contains("no room"), row.toString());
        }
        assertEquals(before, held(), "nothing moved, nothing held twice");
    }
}
