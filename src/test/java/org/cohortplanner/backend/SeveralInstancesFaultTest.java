package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.cohortplanner.app.Launcher;
import org.cohortplanner.planning.schedule.DoseBudget;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three {@code serve} processes on one PostgreSQL database serve one night; clients book and poll through all of
 * them, and one is killed with kill -9 in the middle of the night and started again. Nothing acknowledged is lost,
 * nobody is booked twice, the budget holds, every waiting ticket is still answered and the live counts add up.
 */
class SeveralInstancesFaultTest {
    private static final String VIEWER = "fault-viewer-token";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");

    @TempDir
    Path folder;

    private final List<Process> children = new ArrayList<>();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void threeInstancesServeOneNightThroughTheKillOfOne() throws Exception {
        String url = PostgresDatabase.freshDatabaseUrl();
        ZoneId seoul = ZoneId.of("Asia/Seoul");
        LocalDateTime now = LocalDateTime.now(seoul);
        String planText = BookingPlans.busyNight(MINUTE.format(now.minusHours(1)), MINUTE.format(now.plusDays(1)),
                now.toLocalDate().plusDays(30).toString(), now.toLocalDate().plusDays(39).toString())
                .replace("\"admittedPerMinute\": 120", "\"admittedPerMinute\": 60")
                .replace("\"doses\": 300", "\"doses\": 150");
        Path plan = Files.writeString(folder.resolve("plan.json"), planText);
        Path key = Files.writeString(folder.resolve("person-key"), HexFormat.of().formatHex(new byte[32]).replace('0',
                'a'));
        Path tokens = Files.writeString(folder.resolve("tokens.txt"), "choi viewer sha256:" + HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(VIEWER.getBytes(StandardCharsets.UTF_8)))
                + "\n");
        long limit = DoseBudget.of(PlanFiles.read(plan)).bookableFirstDoses("c53-54");
        try {
            String[] bases = new String[3];
            int[] ports = new int[3];
            for (int i = 0; i < 3; i++) {
                ports[i] = freePort();
                bases[i] = start(url, ports[i], plan, key, tokens);
            }
            Clients clients = new Clients(bases);
            Thread[] threads = new Thread[4];
            for (int i = 0; i < threads.length; i++) {
                threads[i] = new Thread(clients::run, "client-" + i);
                threads[i].start();
            }
            Thread.sleep(5000);
            children.get(1).toHandle().destroyForcibly();
            children.get(1).waitFor(10, TimeUnit.SECONDS);
            long ackBeforeKill = clients.acknowledged.size();
            bases[1] = start(url, ports[1], plan, key, tokens);
            Thread.sleep(4000);
            clients.arrivals.set(false);
            clients.drainUntil(System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
            clients.running.set(false);
            for (Thread thread : threads) {
                thread.join(30_000);
            }

            assertTrue(ackBeforeKill > 0, "bookings were acknowledged before the kill");
            assertTrue(clients.ticketsSeen.get() > 0, "people waited in the queue");
            assertTrue(clients.failures.isEmpty(), () -> "answers that are not the API's: " + clients.failures);
            int stillWaiting = clients.waiting.size();
            long answered = clients.waiting.stream().filter(entry -> {
                String location = entry.substring(entry.indexOf(' ') + 1);
                int status = new Http(bases[Math.floorMod(entry.hashCode(), 3)]).get(location, null).status();
                return status == 201 || status == 202 || status == 409;
            }).count();
            assertEquals(stillWaiting, answered, "every waiting ticket is still answered, at any instance");
            try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
                long standing = count(connection, "SELECT COUNT(*) FROM booking WHERE cancelled_at_utc IS NULL");
                long lost = clients.acknowledged.keySet().stream().filter(n -> count(connection,
                        "SELECT COUNT(*) FROM booking WHERE booking_number = " + n) != 1).count();
                long twice = count(connection, "SELECT COUNT(*) FROM (SELECT person_hash FROM booking WHERE "
                        + "cancelled_at_utc IS NULL GROUP BY person_hash HAVING COUNT(*) > 1) t");
                System.out.printf("fault test: %d acknowledged, %d lost, %d people booked twice, %d standing of a "
                        + "budget of %d, %d tickets answered (%d still waiting)%n", clients.acknowledged.size(), lost, twice, standing,
                        limit, clients.ticketsSeen.get(), stillWaiting);
                assertEquals(0, lost, "acknowledged bookings lost");
                assertEquals(0, twice, "people booked twice");
                assertTrue(standing <= limit, standing + " booked of a budget of " + limit);
                assertTrue(clients.acknowledged.size() <= standing, "every acknowledged booking stands");
                assertEquals(standing, count(connection, "SELECT booked FROM night_cohort"), "the budget's counter");
                for (String base : bases) {
                    JsonNode live = new Http(base).get("/api/v1/live", VIEWER).json().path("cohorts").get(0);
                    assertEquals(standing, live.path("booked").asLong(), base + " " + live);
                    assertEquals(count(connection, "SELECT COUNT(*) FROM night_ticket WHERE state = 'WAITING'"),
                            live.path("waiting").asLong(), base + " " + live);
                }
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    private static long count(Connection connection, String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Starts a child {@code serve} and waits for its start-up line; answers its base URL. */
    private String start(String url, int port, Path plan, Path key, Path tokens) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "--data-dir", folder.resolve("data-" + port).toString(), "serve", "--port", Integer.toString(port),
                "--db", url, "--db-user", "postgres", "--seed", plan.toString(), "--person-key-file", key.toString(),
                "--tokens", tokens.toString())
                .redirectErrorStream(true).start();
        children.add(child);
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("Cohort Planner backend at ")) {
                Thread drain = new Thread(() -> {
                    try {
                        while (out.readLine() != null) {
                            // The child's log is not needed; reading keeps its pipe from filling.
                        }
                    } catch (IOException ended) {
                        // The child was killed.
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return "http://127.0.0.1:" + port;
            }
        }
        throw new IllegalStateException("serve on port " + port + " did not start");
    }

    /** People booking and polling through whichever instance answers, as behind a load balancer. */
    static final class Clients {
        final String[] bases;
        final Http[] http;
        final Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        final Queue<String> waiting = new ConcurrentLinkedQueue<>();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger ticketsSeen = new AtomicInteger();
        final AtomicBoolean arrivals = new AtomicBoolean(true);
        final AtomicBoolean running = new AtomicBoolean(true);

        Clients(String[] bases) {
            this.bases = bases;
            this.http = new Http[bases.length];
            for (int i = 0; i < bases.length; i++) {
                http[i] = new Http(bases[i]);
            }
        }

        void run() {
            while (running.get()) {
                if (arrivals.get()) {
                    int person = next.incrementAndGet();
                    String birth = "1968-" + String.format("%02d-%02d", 1 + person % 12, 1 + person % 28);
                    send(person, "POST", "/api/v1/bookings", "{\"personId\": \"KR-" + person + "\", \"birthDate\": \""
                            + birth + "\", \"region\": \"Seoul\"}", "KR-" + person);
                }
                String entry = waiting.poll();
                if (entry != null) {
                    int cut = entry.indexOf(' ');
                    send(entry.hashCode(), "GET", entry.substring(cut + 1), null, entry.substring(0, cut));
                }
                if (!arrivals.get() && entry == null) {
                    sleep(50);
                }
            }
        }

        void drainUntil(long deadline) {
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                sleep(200);
            }
        }

        /** Sends to one instance, and to the next when it does not answer (killed, restarting). */
        private void send(int spread, String method, String path, String body, String person) {
            for (int attempt = 0; attempt < 30; attempt++) {
                Http to = http[Math.floorMod(spread + attempt, http.length)];
                Http.Answer answer;
                try {
                    answer = to.send(method, path, null, body, null);
                } catch (UncheckedIOException | IllegalStateException unreachable) {
                    sleep(100);
                    continue;
                }
                switch (answer.status()) {
                    case 201 -> acknowledged.put(answer.json().path("booking").asLong(), person);
                    case 202 -> {
                        if (method.equals("POST")) {
                            ticketsSeen.incrementAndGet();
                        }
                        waiting.add(person + " " + answer.header("Location").orElseThrow());
                    }
                    case 409 -> {
                        // Turned away (budget, already booked): an answer of the API.
                    }
                    default -> failures.add(method + " " + path + " -> " + answer.status() + " " + answer.body());
                }
                return;
            }
            failures.add(method + " " + path + ": no instance answered");
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
