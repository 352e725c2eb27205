package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.DoseBudget;
import org.cohortplanner.store.h2.SchemaMigrations;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The night's writes share commits ({@code BookingLedger.inBatch}): a refused booking of a batch leaves the others
 * committed, every answer comes after the commit, and the window's budget holds exactly when two backends on one
 * database book at once, also when a supply officer cuts it on one of them in the middle of the night.
 */
class BookingBatchTest {
    private static final String COHORT = "c53-54";

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aRefusedWriteOfABatchLeavesTheOthersCommittedAndAnswersComeAfterTheCommit() throws Exception {
        String url = "jdbc:h2:mem:batch-" + UUID.randomUUID();
        try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
            SchemaMigrations.apply(url, "sa", "", "the test database");
            try (BookingLedger ledger = BookingLedger.open(url, "sa", "")) {
                ExecutorService clients = Executors.newFixedThreadPool(5);
                CountDownLatch writerHeld = new CountDownLatch(1);
                CountDownLatch letGo = new CountDownLatch(1);
                // The first write holds the writer until the others wait behind it, so that they make one batch.
                Future<Object> first = clients.submit(() -> ledger.inBatch(tx -> {
                    writerHeld.countDown();
                    try {
                        letGo.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
                assertTrue(writerHeld.await(30, TimeUnit.SECONDS), "the writer took the first write");
                Future<Long> kim = clients.submit(() -> ledger.inBatch(tx -> book(tx, "kim")));
                waitForWaiting(ledger, 1);
                Future<Long> kimAgain = clients.submit(() -> ledger.inBatch(tx -> book(tx, "kim")));
                waitForWaiting(ledger, 2);
                Future<Long> refused = clients.submit(() -> ledger.inBatch(tx -> {
                    book(tx, "lee");
                    throw new ApiException(409, "refused after booking", null, BookingAnswers.SUSPENDED, null, null);
                }));
                waitForWaiting(ledger, 3);
                Future<Long> park = clients.submit(() -> ledger.inBatch(tx -> book(tx, "park")));
                waitForWaiting(ledger, 4);
                letGo.countDown();
                first.get(30, TimeUnit.SECONDS);

                long kimsNumber = kim.get(30, TimeUnit.SECONDS);
                assertEquals(1, count(url, "SELECT COUNT(*) FROM booking WHERE booking_number = " + kimsNumber),
                        "an answered booking is committed when its caller hears of it");
                assertInstanceOf(BookingLedger.AlreadyBooked.class, failureOf(kimAgain),
                        "the second booking of one person is refused by the unique constraint");
                assertInstanceOf(ApiException.class, failureOf(refused), "a refusal reaches its own caller");
                long parksNumber = park.get(30, TimeUnit.SECONDS);
                assertEquals(1, count(url, "SELECT COUNT(*) FROM booking WHERE booking_number = " + parksNumber),
                        "the write after the refused ones is committed");
                assertEquals(2, count(url, "SELECT COUNT(*) FROM booking"), "kim once and park; nothing of lee");
                assertEquals(2, count(url, "SELECT booked FROM night_cohort WHERE cohort_id = '" + COHORT + "'"),
                        "the refused writes took nothing of the budget");
                assertEquals(2, count(url, "SELECT COUNT(DISTINCT person_hash) FROM booking"), "one booking each");
                clients.shutdown();
            }
        }
    }

    /** Records a booking of {@code person} and takes one of the window's budget; answers its number. */
    private static long book(BookingLedger.Tx tx, String person) throws SQLException {
        long number = tx.nextBookingNumber();
        tx.record(new Booking(number, Instant.parse("2021-07-19T11:05:00Z"), COHORT, LocalDate.of(1967, 3, 1),
                "Seoul", "Seoul centre", LocalDate.of(2021, 8, 16), "Pfizer", 1, person, null, null, null, null));
        assertTrue(tx.takeBudget(COHORT, 100), "the budget has room");
        return number;
    }

    private static void waitForWaiting(BookingLedger ledger, int writes) throws InterruptedException {
        for (int i = 0; i < 3000 && ledger.writesWaiting() < writes; i++) {
            Thread.sleep(10);
        }
        assertEquals(writes, ledger.writesWaiting(), "writes waiting for the writer");
    }

    private static Throwable failureOf(Future<?> future) throws InterruptedException {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException failed) {
            return failed.getCause();
        } catch (java.util.concurrent.TimeoutException late) {
            throw new AssertionError("no answer within 30 s", late);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void theBudgetHoldsExactlyWhenTwoBackendsBookAtOnce(String database) throws Exception {
        try (Pair pair = new Pair(database, planWithDoses(300))) {
            long limit = pair.limit();
            Outcome outcome = pair.bookAtOnce(limit + 150, "first");
            assertEquals(List.of(), outcome.failures(), "every request answered 201 or 409 BOOKING_SUSPENDED");
            assertEquals(limit, outcome.booked().size(), "exactly the budget was booked through both backends");
            assertTrue(outcome.suspended().get() >= 150, "the rest were told booking was suspended");
            pair.assertStanding(limit, outcome.booked().size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aBudgetCutOnOneBackendHoldsOnTheOtherAndBookingsMadeBeforeItStand(String database) throws Exception {
        try (Pair pair = new Pair(database, planWithDoses(300))) {
            Outcome before = pair.bookAtOnce(40, "before");
            assertEquals(List.of(), before.failures());
            assertEquals(40, before.booked().size(), "the budget had room for all 40");

            // A supply officer on the first backend records that the delivery brings 20 doses, not 300; the
            // second backend has not seen that plan yet.
            Http.Answer delivery = pair.first.http.get("/api/v1/deliveries/PFZ-W31", TestBackend.SUPPLY);
            ObjectNode cut = (ObjectNode) delivery.json();
            cut.put("doses", 20);
            assertEquals(200, pair.first.http.send("PUT", "/api/v1/deliveries/PFZ-W31", TestBackend.SUPPLY,
                    cut.toString(), delivery.etag()).status());
            long cutLimit = pair.limit();
            assertTrue(cutLimit < 40, "the cut budget, " + cutLimit + ", is below the 40 booked");

            Outcome afterCut = pair.bookAtOnce(80, "after-cut");
            assertEquals(List.of(), afterCut.failures());
            assertEquals(0, afterCut.booked().size(), "no backend books beyond the cut budget");
            pair.assertStanding(40, 40);

            // Cancellations give doses back; the window books up to the cut budget again, not beyond it.
            int cancelled = 0;
            for (Map.Entry<Long, String> booking : before.booked().entrySet()) {
                if (cancelled == 30) {
                    break;
                }
                assertEquals(200, pair.second.http.send("DELETE", "/api/v1/bookings/" + booking.getKey(), null,
                        "{\"personId\": \"" + booking.getValue() + "\"}", null).status());
                cancelled++;
            }
            Outcome refill = pair.bookAtOnce(80, "refill");
            assertEquals(List.of(), refill.failures());
            assertEquals(cutLimit - 10, refill.booked().size(), "booked up to the cut budget exactly");
            pair.assertStanding(cutLimit, 10 + refill.booked().size());
        }
    }

    private static String planWithDoses(int doses) {
        return BookingPlans.busyNight("2021-07-19T20:00", "2021-07-20T18:00", "2021-08-16", "2021-08-25")
                .replace("\"admittedPerMinute\": 120", "\"admittedPerMinute\": 100000")
                .replace("\"doses\": 300", "\"doses\": " + doses);
    }

    /** What the clients of one round saw. */
    private record Outcome(Map<Long, String> booked, AtomicInteger suspended, List<String> failures) {
    }

    /** Two backends on one database, the same person key and the same plan. */
    private static final class Pair implements AutoCloseable {
        final String url;
        final String user;
        final TestBackend first;
        final TestBackend second;

        Pair(String database, String planText) {
            url = database.equals("h2") ? "jdbc:h2:mem:pair-" + UUID.randomUUID() : PostgresDatabase.freshDatabaseUrl();
            user = database.equals("h2") ? "sa" : "postgres";
            Plan plan = PlanFiles.fromJson(planText, "batch night");
            PersonKey key = PersonKey.random();
            BackendConfig config = new BackendConfig(BackendConfig.LOOPBACK, 0, url, user, "", TestBackend.TOKENS,
                    null, null, java.time.Clock.systemUTC(), plan, key);
            first = new TestBackend(config);
            second = new TestBackend(config);
        }

        long limit() {
            return DoseBudget.of(first.server.plans().refresh().require()).bookableFirstDoses(COHORT);
        }

        /** People book at once, half through each backend. */
        Outcome bookAtOnce(long people, String round) throws InterruptedException {
            Map<Long, String> booked = new ConcurrentHashMap<>();
            AtomicInteger suspended = new AtomicInteger();
            Queue<String> failures = new ConcurrentLinkedQueue<>();
            ExecutorService clients = Executors.newFixedThreadPool(16);
            for (long i = 0; i < people; i++) {
                String person = "KR-" + round + "-" + i;
                TestBackend via = i % 2 == 0 ? first : second;
                clients.submit(() -> {
                    Http.Answer answer = via.http.send("POST", "/api/v1/bookings", null, "{\"personId\": \""
                            + person + "\", \"birthDate\": \"1967-03-01\", \"region\": \"Seoul\"}", null);
                    if (answer.status() == 201) {
                        booked.put(answer.json().path("booking").asLong(), person);
                    } else if (answer.status() == 409
                            && answer.json().path("reason").asText().equals(BookingAnswers.SUSPENDED)) {
                        suspended.incrementAndGet();
                    } else {
                        failures.add(answer.status() + " " + answer.body());
                    }
                });
            }
            clients.shutdown();
            assertTrue(clients.awaitTermination(2, TimeUnit.MINUTES), "every client finished");
            return new Outcome(booked, suspended, new ArrayList<>(failures));
        }

        /** The database holds {@code standing} bookings, one per person, and the budget's counter says so. */
        void assertStanding(long standing, long acknowledgedStanding) throws SQLException {
            assertEquals(standing, acknowledgedStanding, "acknowledged bookings still standing");
            assertEquals(standing, count(url, user, "SELECT COUNT(*) FROM booking WHERE cancelled_at_utc IS NULL"));
            assertEquals(standing, count(url, user, "SELECT COUNT(DISTINCT person_hash) FROM booking "
                    + "WHERE cancelled_at_utc IS NULL"), "one standing booking per person");
            assertEquals(standing, count(url, user, "SELECT booked FROM night_cohort WHERE cohort_id = '"
                    + COHORT + "'"), "the budget's counter is the bookings standing");
        }

        @Override
        public void close() {
            try {
                second.close();
            } finally {
                first.close();
            }
        }
    }

    private static long count(String url, String sql) throws SQLException {
        return count(url, "sa", sql);
    }

    private static long count(String url, String user, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}
