package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.cohortplanner.planning.schedule.DoseBudget;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Many citizens book and poll their tickets while planners save cohorts, supply officers record deliveries and the
 * console reads the live counts, all at once on one backend. Every request answers, the health check answers
 * throughout, and at the end the database, the live counts and the budget agree. The run lasts a few seconds; a
 * longer soak of the same: {@code mvn test -Dtest=BookingNightConcurrencyTest -Dcohortplanner.soakSeconds=600}.
 */
class BookingNightConcurrencyTest {
    private static final int SECONDS = Integer.getInteger("cohortplanner.soakSeconds", 5);

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    @ParameterizedTest
    @MethodSource("databases")
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyRequestAnswersAndTheCountsAddUpWhilePlannersAndSupplyWrite(String database) throws Exception {
        String url = database.equals("h2") ? "jdbc:h2:mem:night-" + UUID.randomUUID()
                : PostgresDatabase.freshDatabaseUrl();
        String user = database.equals("h2") ? "sa" : "postgres";
        BackendConfig config = new BackendConfig(BackendConfig.LOOPBACK, 0, url, user, "", TestBackend.TOKENS, null,
                null, Clock.systemUTC(), PlanFiles.fromJson(BookingPlans.busyNight("2021-07-19T20:00", "2021-07-20T18:00",
                        "2021-08-16", "2021-08-25").replace("\"admittedPerMinute\": 120", "\"admittedPerMinute\": 4")
                        .replace("\"doses\": 300", "\"doses\": 40"),
                "busy night"), PersonKey.random());
        try (TestBackend backend = new TestBackend(config)) {
            Night night = new Night(backend);
            night.run(Duration.ofSeconds(SECONDS));
            night.drain();
            assertTrue(night.failures.isEmpty(), () -> night.failures.size() + " requests failed: "
                    + night.failures.stream().map(f -> f.substring(0, Math.min(160, f.length()))).distinct()
                    .limit(5).toList());
            assertTrue(night.healthChecks.get() > 0, "the health check was asked");
            assertTrue(night.planWrites.get() > 0 && night.supplyWrites.get() > 0, "planners and supply wrote");
            assertTrue(night.acknowledged.size() > 10, "bookings went through: " + night.acknowledged.size());
            assertTrue(night.tickets.get() > 0, "some waited in the queue; booked " + night.acknowledged.size()
                    + ", people " + night.nextPerson.get() + ", minutes " + backend.clock.instant());
            assertTrue(night.duplicatesRefused.get() > 0, "people who tried twice were told they had booked");

            long limit = DoseBudget.of(backend.server.plans().snapshot().require()).bookableFirstDoses("c53-54");
            JsonNode live = backend.http.get("/api/v1/live", TestBackend.VIEWER).json().path("cohorts").get(0);
            try (Connection connection = DriverManager.getConnection(url, user, "")) {
                long standing = count(connection, "SELECT COUNT(*) FROM booking WHERE cancelled_at_utc IS NULL");
                long people = count(connection, "SELECT COUNT(DISTINCT person_hash) FROM booking "
                        + "WHERE cancelled_at_utc IS NULL");
                long counter = count(connection, "SELECT booked FROM night_cohort WHERE cohort_id = 'c53-54'");
                long held = count(connection, "SELECT COALESCE(SUM(doses_held), 0) FROM night_site_day");
                long reserved = count(connection, "SELECT COALESCE(SUM(doses_reserved), 0) FROM booking "
                        + "WHERE cancelled_at_utc IS NULL");
                long overfull = count(connection, "SELECT COUNT(*) FROM night_site_day WHERE doses_held > "
                        + "CASE WHEN site_group_name = 'Seoul centre' THEN 40 ELSE 30 END");
                long waiting = count(connection, "SELECT COUNT(*) FROM night_ticket WHERE state = 'WAITING'");
                assertEquals(people, standing, "nobody holds two bookings");
                assertEquals(standing, counter, "the budget's counter is the bookings standing");
                assertEquals(standing, live.path("booked").asLong(), "live counts: " + live);
                assertTrue(standing <= limit, standing + " booked of a budget of " + limit);
                assertEquals(reserved, held, "every dose of every booking is held at a site on a day");
                assertEquals(0, overfull, "no site group holds more than its doses per day");
                assertEquals(0, waiting, "every ticket was answered");
                assertEquals(night.acknowledged.size() - night.cancelled.size(), standing,
                        "acknowledged bookings, less those cancelled, are the bookings standing");
                for (long number : night.acknowledged.keySet()) {
                    assertEquals(night.cancelled.contains(number) ? 1 : 0, count(connection,
                            "SELECT COUNT(*) FROM booking WHERE booking_number = " + number
                                    + " AND cancelled_at_utc IS NOT NULL"), "booking " + number);
                }
            }
        }
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The night's clients. */
    static final class Night {
        final TestBackend backend;
        final Http http;
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        final Set<Long> cancelled = ConcurrentHashMap.newKeySet();
        final Queue<String> waiting = new ConcurrentLinkedQueue<>();
        final Queue<String> people = new ConcurrentLinkedQueue<>();
        final AtomicInteger tickets = new AtomicInteger();
        final AtomicInteger duplicatesRefused = new AtomicInteger();
        final AtomicInteger healthChecks = new AtomicInteger();
        final AtomicInteger planWrites = new AtomicInteger();
        final AtomicInteger supplyWrites = new AtomicInteger();
        final AtomicLong nextPerson = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);

        Night(TestBackend backend) {
            this.backend = backend;
            this.http = backend.http;
        }

        void run(Duration length) throws InterruptedException {
            ExecutorService pool = Executors.newFixedThreadPool(24);
            for (int i = 0; i < 12; i++) {
                long seed = i;
                pool.submit(() -> loop(() -> book(new Random(seed))));
            }
            for (int i = 0; i < 3; i++) {
                pool.submit(() -> loop(this::pollOne));
            }
            pool.submit(() -> loop(this::cancelOne));
            pool.submit(() -> loop(this::planner));
            pool.submit(() -> loop(this::supply));
            pool.submit(() -> loop(() -> expect(http.get("/api/v1/live?minutes=30", TestBackend.VIEWER), 200)));
            pool.submit(() -> loop(() -> {
                expect(http.get("/api/v1/health", null), 200);
                healthChecks.incrementAndGet();
            }));
            pool.submit(() -> loop(() -> {
                // The waiting room moves on: a minute of the night every 250 ms.
                sleep(250);
                backend.clock.advance(Duration.ofMinutes(1));
            }));
            sleep(length.toMillis());
            running.set(false);
            pool.shutdown();
            assertTrue(pool.awaitTermination(60, TimeUnit.SECONDS), "every client finished");
        }

        /** Lets the queue empty: two hours of the night later, everyone still waiting asks again. */
        void drain() {
            for (int round = 0; round < 20 && !waiting.isEmpty(); round++) {
                backend.clock.advance(Duration.ofMinutes(120));
                for (int i = waiting.size(); i > 0; i--) {
                    pollOne();
                }
            }
        }

        private void loop(Runnable step) {
            while (running.get()) {
                try {
                    step.run();
                } catch (RuntimeException failure) {
                    failures.add(failure.toString());
                }
            }
        }

        private void book(Random random) {
            String person;
            String again = random.nextInt(10) == 0 ? people.peek() : null;
            person = again != null ? again : "KR-" + nextPerson.incrementAndGet();
            LocalDate birth = LocalDate.of(1967 + random.nextInt(2), 1, 1).plusDays(random.nextInt(365));
            Http.Answer answer = http.send("POST", "/api/v1/bookings", null, "{\"personId\": \"" + person
                    + "\", \"birthDate\": \"" + birth + "\", \"region\": \"Seoul\"}", null);
            people.add(person);
            handle(answer, person);
        }

        private void pollOne() {
            String entry = waiting.poll();
            if (entry == null) {
                sleep(5);
                return;
            }
            int cut = entry.indexOf(' ');
            handle(http.get(entry.substring(cut + 1), null), entry.substring(0, cut));
        }

        private void handle(Http.Answer answer, String person) {
            switch (answer.status()) {
                case 201 -> acknowledged.put(answer.json().path("booking").asLong(), person);
                case 202 -> {
                    if (waiting.stream().noneMatch(w -> w.startsWith(person + " "))) {
                        tickets.incrementAndGet();
                    }
                    waiting.add(person + " " + answer.header("Location").orElseThrow());
                }
                case 409 -> {
                    if (answer.json().path("reason").asText().equals("ALREADY_BOOKED")) {
                        duplicatesRefused.incrementAndGet();
                    }
                }
                default -> failures.add(answer.status() + " " + answer.body());
            }
        }

        private void cancelOne() {
            sleep(20);
            for (Map.Entry<Long, String> booking : acknowledged.entrySet()) {
                if (booking.getKey() % 7 == 0 && cancelled.add(booking.getKey())) {
                    expect(http.send("DELETE", "/api/v1/bookings/" + booking.getKey(), null,
                            "{\"personId\": \"" + booking.getValue() + "\"}", null), 200);
                    return;
                }
            }
        }

        private void planner() {
            Http.Answer read = http.get("/api/v1/cohorts/c53-54", TestBackend.PLANNER);
            ObjectNode cohort = (ObjectNode) read.json();
            cohort.put("name", "53–54 #" + planWrites.get());
            expect(http.send("PUT", "/api/v1/cohorts/c53-54", TestBackend.PLANNER, cohort.toString(), read.etag()),
                    200);
            planWrites.incrementAndGet();
            sleep(20);
        }

        private void supply() {
            int n = supplyWrites.get();
            String list = http.get("/api/v1/deliveries", TestBackend.SUPPLY).etag();
            expect(http.send("POST", "/api/v1/deliveries", TestBackend.SUPPLY, "{\"id\": \"LATE-" + n + "\", "
                    + "\"brand\": \"Pfizer\", \"doses\": 1, \"plannedArrival\": \"2021-12-01\"}", list), 201);
            supplyWrites.incrementAndGet();
            sleep(20);
        }

        private void expect(Http.Answer answer, int status) {
            if (answer.status() != status) {
                failures.add(answer.status() + " " + answer.body());
            }
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
