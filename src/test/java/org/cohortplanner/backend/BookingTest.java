package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.cohortplanner.planning.schedule.DoseBudget;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BookingTest {
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

    /** Each birth date stands for one person here: the person id is made from it. */
    private Http.Answer book(String birthDate, String region) {
        return book("P-" + birthDate, birthDate, region);
    }

    private Http.Answer book(String personId, String birthDate, String region) {
        return http.send("POST", "/api/v1/bookings", null, "{\"personId\": \"" + personId + "\", \"birthDate\": \""
                + birthDate + "\", \"region\": \"" + region + "\"}", null);
    }

    private Http.Answer cancel(long booking, String personId) {
        return http.send("DELETE", "/api/v1/bookings/" + booking, null, "{\"personId\": \"" + personId + "\"}",
                null);
    }

    private Http.Answer poll(Http.Answer waiting) {
        return http.get(waiting.header("Location").orElseThrow(), null);
    }

    @Test
    void peopleBookThroughTheWaitingRoomUntilTheWindowsDosesAreGone() {
        assertEquals(5, DoseBudget.of(BookingPlans.smallNight()).bookableFirstDoses("c53-54"),
                "the small night's window takes 5 first doses");
        Http.Answer first = book("1968-03-15", "Seoul");
        assertEquals(201, first.status(), first.body());
        assertEquals("2021-08-16", first.json().path("day").asText());
        assertEquals("Seoul centre", first.json().path("siteGroup").asText());
        assertEquals("Pfizer", first.json().path("brand").asText());
        JsonNode appointments = first.json().path("appointments");
        assertEquals(2, appointments.size(), "Pfizer is a course of two: " + appointments);
        assertEquals("2021-09-06", appointments.get(1).path("day").asText(), "21 days after the first dose");
        assertEquals("Seoul centre", appointments.get(1).path("siteGroup").asText());
        assertEquals(2, appointments.get(1).path("dose").asInt());
        assertEquals(201, book("1967-11-02", "Seoul").status());

        Http.Answer third = book("1968-01-01", "Seoul");
        Http.Answer fourth = book("1968-01-02", "Seoul");
        Http.Answer fifth = book("1968-01-03", "Seoul");
        assertEquals(202, third.status(), "the minute's two places are taken: " + third.body());
        assertEquals(1, third.json().path("position").asLong());
        assertEquals(3, fifth.json().path("position").asLong());
        assertEquals(2, fifth.json().path("estimatedWaitMinutes").asLong());
        assertEquals(202, poll(third).status(), "still the same minute");

        backend.clock.advance(Duration.ofMinutes(1));
        Http.Answer thirdBooked = poll(third);
        assertEquals(201, thirdBooked.status(), thirdBooked.body());
        assertEquals("2021-08-16", thirdBooked.json().path("day").asText());
        Http.Answer fourthBooked = poll(fourth);
        assertEquals("2021-08-17", fourthBooked.json().path("day").asText(), "3 a day at the Seoul centre");
        Http.Answer fifthWaiting = poll(fifth);
        assertEquals(202, fifthWaiting.status());
        assertEquals(1, fifthWaiting.json().path("position").asLong());

        backend.clock.advance(Duration.ofMinutes(1));
        assertEquals(201, poll(fifth).status());
        Http.Answer sixth = book("1967-05-05", "Seoul");
        assertEquals(409, sixth.status());
        assertEquals("BOOKING_SUSPENDED", sixth.json().path("reason").asText());
        assertTrue(sixth.json().path("message").asText().contains("5 first-dose appointments"), sixth.body());

        JsonNode live = http.get("/api/v1/live", TestBackend.VIEWER).json();
        JsonNode cohort = live.path("cohorts").get(0);
        assertEquals(5, cohort.path("booked").asLong());
        assertEquals(1, cohort.path("turnedAway").asLong());
        assertEquals(0, cohort.path("waiting").asLong());
        assertEquals(5, cohort.path("limit").asLong());
        assertTrue(cohort.path("suspended").asBoolean());
        assertEquals("2021-07-19T20:07:00", live.path("at").asText());
        JsonNode minutes = live.path("minutes");
        assertEquals(3, minutes.size(), minutes.toString());
        assertEquals(2, minutes.get(0).path("booked").asLong());
        assertEquals(3, minutes.get(0).path("queueLength").asLong());
        assertEquals(2, minutes.get(1).path("admitted").asLong());
        assertEquals(1, minutes.get(2).path("turnedAway").asLong());
    }

    @Test
    void theSecondDoseMovesOffAHolidayWithinTheBrandsInterval() {
        backend.close();
        String plan = BookingPlans.SMALL_NIGHT.replace("\"regions\":", "\"holidays\": [{\"date\": \"2021-09-06\", "
                + "\"name\": \"a day off\"}],\n  \"regions\":");
        backend = new TestBackend(PlanFiles.fromJson(plan, "holiday night"));
        http = backend.http;
        Http.Answer booked = book("1968-03-15", "Seoul");
        assertEquals(201, booked.status(), booked.body());
        JsonNode second = booked.json().path("appointments").get(1);
        assertEquals("2021-09-07", second.path("day").asText(), "the day after the holiday: " + second);
        assertEquals(22, second.path("daysAfterFirst").asInt());
    }

    @Test
    void underRandomOrderThoseWhoCameBeforeTheOpeningAreShuffledOnceAndLaterArrivalsQueueBehind() {
        backend.close();
        backend = new TestBackend(PlanFiles.fromJson(BookingPlans.SMALL_NIGHT.replace("\"enabled\": true,",
                "\"enabled\": true, \"order\": \"RANDOM\","), "random night"));
        http = backend.http;
        backend.clock.advance(Duration.ofMinutes(-35));
        List<Long> positions = new ArrayList<>();
        List<Http.Answer> early = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Http.Answer answer = book("P-" + i, "1968-01-" + (10 + i), "Seoul");
            assertEquals(202, answer.status(), "before the opening everyone waits: " + answer.body());
            early.add(answer);
        }
        for (Http.Answer answer : early) {
            positions.add(poll(answer).json().path("position").asLong());
        }
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), positions.stream().sorted().toList(),
                "one place each: " + positions);
        assertNotEquals(LongStream.rangeClosed(1, 20).boxed().toList(), positions, "not in order of arrival");
        backend.clock.advance(Duration.ofMinutes(30));
        Http.Answer late = book("P-late", "1967-05-05", "Seoul");
        assertEquals(202, late.status(), late.body());
        assertEquals(19, late.json().path("position").asLong(), "behind the 18 early ones still waiting");
        for (Http.Answer answer : early) {
            long before = positions.get(early.indexOf(answer));
            Http.Answer now = poll(answer);
            if (before <= 2) {
                assertEquals(201, now.status(), "the first two of the shuffle got in at the opening: " + now.body());
            } else {
                assertEquals(before - 2, now.json().path("position").asLong(), "the shuffle keeps its order");
            }
        }
    }

    @Test
    void aPersonWhoseWindowIsNotOpenIsToldWhenItOpens() {
        Http.Answer answer = book("1972-06-06", "Seoul");
        assertEquals(409, answer.status());
        assertEquals("NO_OPEN_WINDOW", answer.json().path("reason").asText());
        assertTrue(answer.json().path("message").asText().contains("no cohort"), answer.body());
        backend.clock.advance(Duration.ofDays(1));
        Http.Answer closed = book("1968-03-15", "Seoul");
        assertTrue(closed.json().path("message").asText().contains("closed 2021-07-20T18:00"), closed.body());
    }

    @Test
    void aRegionWithoutASiteForTheBrandTurnsThePersonAway() {
        Http.Answer answer = book("1968-03-15", "Jeju");
        assertEquals(409, answer.status());
        assertEquals("NO_APPOINTMENT", answer.json().path("reason").asText());
    }

    @Test
    void badBookingRequestsNameTheField() {
        assertEquals("birthDate", book("1968-02-30", "Seoul").json().path("field").asText());
        assertEquals("region", book("1968-03-15", "Atlantis").json().path("field").asText());
        Http.Answer unknown = http.send("POST", "/api/v1/bookings", null,
                "{\"personId\": \"P-1\", \"birthDate\": \"1968-03-15\", \"region\": \"Seoul\", \"vip\": true}",
                null);
        assertEquals(400, unknown.status());
        assertEquals("vip", unknown.json().path("field").asText());
        assertEquals(400, http.send("POST", "/api/v1/bookings", null, "[1968]", null).status());
        Http.Answer nobody = http.send("POST", "/api/v1/bookings", null,
                "{\"birthDate\": \"1968-03-15\", \"region\": \"Seoul\"}", null);
        assertEquals(400, nobody.status());
        assertEquals("personId", nobody.json().path("field").asText());
        assertEquals("personId", book("x".repeat(129), "1968-03-15", "Seoul").json().path("field").asText());
        assertEquals("personId", book("two words", "1968-03-15", "Seoul").json().path("field").asText());
        assertEquals("booking", http.send("DELETE", "/api/v1/bookings/first", null, "{\"personId\": \"P-1\"}", null)
                .json().path("field").asText());
        assertEquals(0, http.get("/api/v1/live", TestBackend.VIEWER).json().path("cohorts").get(0).path("booked")
                .asLong(), "nothing half-applied");
    }

    @Test
    void aPersonBooksOnceAndIsShownTheirAppointmentWhenTheyTryAgain() {
        Http.Answer first = book("KR-880315-1", "1968-03-15", "Seoul");
        assertEquals(201, first.status(), first.body());
        Http.Answer again = book("KR-880315-1", "1968-03-15", "Seoul");
        assertEquals(409, again.status(), again.body());
        assertEquals("ALREADY_BOOKED", again.json().path("reason").asText());
        assertEquals(first.json().path("booking").asLong(), again.json().path("existing").path("booking").asLong());
        assertEquals("2021-08-16", again.json().path("appointments").get(0).path("day").asText());
        Http.Answer otherBirthDate = book("KR-880315-1", "1967-11-02", "Seoul");
        assertEquals(409, otherBirthDate.status(), "the person is the id, whatever else the request says");
        JsonNode live = http.get("/api/v1/live", TestBackend.VIEWER).json();
        assertEquals(1, live.path("cohorts").get(0).path("booked").asLong());
    }

    @Test
    void aCancelledBookingGivesItsDosesBackAndThePersonMayBookAgain() {
        for (int i = 1; i <= 2; i++) {
            assertEquals(201, book("P-" + i, "1968-03-1" + i, "Seoul").status());
        }
        backend.clock.advance(Duration.ofMinutes(1));
        for (int i = 3; i <= 5; i++) {
            Http.Answer answer = book("P-" + i, "1968-03-1" + i, "Seoul");
            assertEquals(i <= 4 ? 201 : 202, answer.status(), answer.body());
        }
        backend.clock.advance(Duration.ofMinutes(1));
        Http.Answer full = book("P-6", "1968-03-16", "Seoul");
        JsonNode live = http.get("/api/v1/live", TestBackend.VIEWER).json().path("cohorts").get(0);
        assertEquals(5, live.path("booked").asLong(), live.toString());
        assertEquals(409, full.status(), full.body());
        assertEquals("BOOKING_SUSPENDED", full.json().path("reason").asText());

        assertEquals(404, cancel(1, "P-2").status(), "booking 1 is not P-2's");
        Http.Answer cancelled = cancel(1, "P-1");
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", cancelled.json().path("status").asText());
        assertEquals(404, cancel(1, "P-1").status(), "cancelled once");
        assertEquals(4, http.get("/api/v1/live", TestBackend.VIEWER).json().path("cohorts").get(0)
                .path("booked").asLong(), "the dose is back in the window's budget");
        Http.Answer rebooked = book("P-1", "1968-03-11", "Seoul");
        assertEquals(201, rebooked.status(), rebooked.body());
        assertEquals("2021-08-16", rebooked.json().path("day").asText(), "the freed place on the first day");
        assertEquals(409, book("P-6", "1968-03-16", "Seoul").status(), "full again");
    }


    @Test
    void bookingsSurviveARestartOfTheBackend() {
        assertEquals(201, book("1968-03-15", "Seoul").status());
        assertEquals(201, book("1968-03-16", "Seoul").status());
        String url = "jdbc:h2:mem:restart-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        PersonKey key = PersonKey.random();
        String body = "{\"personId\": \"P-1\", \"birthDate\": \"1968-03-15\", \"region\": \"Seoul\"}";
        Http.Answer waiting;
        try (TestBackend first = new TestBackend(TestBackend.config(url, BookingPlans.smallNight())
                .withPersonKey(key))) {
            assertEquals(201, first.http.send("POST", "/api/v1/bookings", null, body, null).status());
            first.http.send("POST", "/api/v1/bookings", null, body.replace("P-1", "P-2"), null);
            waiting = first.http.send("POST", "/api/v1/bookings", null, body.replace("P-1", "P-3"), null);
            assertEquals(202, waiting.status(), waiting.body());
        }
        try (TestBackend second = new TestBackend(TestBackend.config(url, BookingPlans.smallNight())
                .withPersonKey(key))) {
            JsonNode live = second.http.get("/api/v1/live", TestBackend.VIEWER).json();
            assertEquals(2, live.path("cohorts").get(0).path("booked").asLong());
            assertEquals(1, live.path("cohorts").get(0).path("waiting").asLong(), "the queue outlives the backend");
            assertEquals("ALREADY_BOOKED", second.http.send("POST", "/api/v1/bookings", null, body, null).json()
                    .path("reason").asText(), "the person is known after a restart");
            second.clock.advance(Duration.ofMinutes(1));
            assertEquals(201, second.http.get(waiting.header("Location").orElseThrow(), null).status());
        }
    }
}
