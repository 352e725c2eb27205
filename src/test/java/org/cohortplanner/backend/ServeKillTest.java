package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cohortplanner.app.Launcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} in a process of its own, killed with kill -9 in the middle of a loop of cohort edits, deliveries,
 * scenario saves and bookings, several times, then started again: every write it answered 2xx is there. On an H2
 * file given through {@code --db} (without WRITE_DELAY=0, which serve adds) and on PostgreSQL.
 * <p>
 * The writes go one after another from one client: this test is about what a kill loses, not about concurrency.
 */
class ServeKillTest {
    /** Kills with SIGKILL; one SIGTERM follows them, also in the middle of the loop. */
    private static final int KILLS = 3;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "planner-and-supply";
    private static final Pattern STARTED = Pattern.compile("backend at (http://127\\.0\\.0\\.1:\\d+)/api/v1");

    @TempDir
    Path folder;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Set<Long> bookings = new HashSet<>();
    private final Set<String> deliveries = new HashSet<>();
    private final Set<String> scenarios = new HashSet<>();
    private int cohortEdits;
    private int lastCohortEdit;
    private volatile String refused = "none refused";

    @Test
    void nothingAnsweredIsLostOnAnH2FileGivenThroughDb() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("given").toString().replace('\\', '/');
        killRepeatedly(url);
        assertNothingLost(url + ";WRITE_DELAY=0");
        assertFalse(traceFiles().anyMatch(line -> line.contains("already closed")),
                "the database was closed twice");
    }

    @Test
    void nothingAnsweredIsLostOnPostgresql() throws Exception {
        String url = PostgresDatabase.freshDatabaseUrl();
        killRepeatedly(url);
        assertNothingLost(url);
    }

    private void killRepeatedly(String url) throws Exception {
        Files.writeString(folder.resolve("tokens.txt"),
                "kim planner,supply " + AccessTokens.hashLine(TOKEN) + "\n");
        for (int kill = 0; kill <= KILLS; kill++) {
            Process serve = start(url, "run-" + kill);
            String base = awaitUrl(serve);
            int target = answered() + 12 + 6 * kill;
            Thread writer = new Thread(() -> {
                try {
                    for (int step = 0; ; step++) {
                        write(base, step);
                    }
                } catch (IOException | InterruptedException stopped) {
                    // The kill ended the loop in the middle of a request.
                }
            }, "writes");
            writer.start();
            while (answered() < target && writer.isAlive()) {
                Thread.sleep(5);
            }
            if (kill < KILLS) {
                // SIGKILL while the loop goes on: no shutdown hook runs, nothing is flushed on the way out.
                serve.toHandle().destroyForcibly();
                assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "serve is killed");
            } else {
                // Last, SIGTERM while the loop goes on: the requests in flight finish or are refused.
                long asked = System.nanoTime();
                serve.destroy();
                assertTrue(serve.waitFor(10, TimeUnit.SECONDS), "serve stops within 10 s of SIGTERM");
                System.out.printf("serve stopped %d ms after SIGTERM%n",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
            }
            writer.join(TimeUnit.SECONDS.toMillis(20));
            assertTrue(answered() >= target, "writes were answered before the kill: " + refused);
        }
        assertTrue(bookings.size() > 0 && deliveries.size() > 0 && cohortEdits > 0,
                "writes were answered before the kills: " + bookings.size() + " bookings, " + deliveries.size()
                        + " deliveries, " + cohortEdits + " cohort edits; last refused: " + refused);
    }

    private synchronized int answered() {
        return bookings.size() + deliveries.size() + cohortEdits + scenarios.size();
    }

    private void write(String base, int step) throws IOException, InterruptedException {
        switch (step % 4) {
            case 0 -> {
                HttpResponse<String> booked = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/bookings"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(bookingBody(step))));
                if (booked.statusCode() == 201) {
                    long number = JSON.readTree(booked.body()).path("booking").asLong();
                    synchronized (this) {
                        bookings.add(number);
                    }
                } else {
                    refused = booked.statusCode() + " " + booked.body();
                }
            }
            case 1 -> {
                String id = "KILL-" + System.nanoTime();
                String delivery = "{\"id\":\"" + id + "\",\"brand\":\"Moderna\",\"doses\":1000,"
                        + "\"plannedArrival\":\"2021-07-30\",\"expectedArrival\":\"2021-07-30\",\"status\":\"PLANNED\",\"note\":\"\"}";
                HttpResponse<String> list = send(authorised(base + "/api/v1/deliveries").GET());
                HttpResponse<String> added = send(authorised(base + "/api/v1/deliveries")
                        .header("Content-Type", "application/json")
                        .header("If-Match", list.headers().firstValue("ETag").orElseThrow())
                        .POST(HttpRequest.BodyPublishers.ofString(delivery)));
                if (added.statusCode() / 100 == 2) {
                    synchronized (this) {
                        deliveries.add(id);
                    }
                } else {
                    refused = added.statusCode() + " " + added.body();
                }
            }
            case 2 -> {
                String name = "kill scenario " + System.nanoTime();
                HttpResponse<String> plan = send(authorised(base + "/api/v1/plan").GET());
                ObjectNode body = JSON.createObjectNode().put("name", name);
                body.set("plan", JSON.readTree(plan.body()));
                HttpResponse<String> saved = send(authorised(base + "/api/v1/scenarios")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
                if (saved.statusCode() == 201) {
                    synchronized (this) {
                        scenarios.add(name);
                    }
                } else {
                    refused = saved.statusCode() + " " + saved.body();
                }
            }
            default -> {
                HttpResponse<String> read = send(authorised(base + "/api/v1/cohorts/c18-49").GET());
                ObjectNode cohort = (ObjectNode) JSON.readTree(read.body());
                int edit = lastCohortEdit + 1;
                cohort.put("name", "18–49 edit " + edit);
                HttpResponse<String> saved = send(authorised(base + "/api/v1/cohorts/c18-49")
                        .header("Content-Type", "application/json")
                        .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                        .PUT(HttpRequest.BodyPublishers.ofString(cohort.toString())));
                if (saved.statusCode() == 200) {
                    synchronized (this) {
                        lastCohortEdit = edit;
                        cohortEdits++;
                    }
                } else {
                    refused = saved.statusCode() + " " + saved.body();
                }
            }
        }
    }

    /** A new person each time: one person books once, so every booking of the loop is somebody else. */
    private static final AtomicLong PEOPLE = new AtomicLong();

    /** A citizen's booking: a person of their own, born on a day that varies with the step. */
    private static String bookingBody(int step) {
        return "{\"personId\":\"kill-test-" + PEOPLE.incrementAndGet() + "\",\"birthDate\":\"1980-"
                + String.format("%02d-%02d", 1 + step / 28 % 12, 1 + step % 28) + "\",\"region\":\"Seoul\"}";
    }

    private void assertNothingLost(String url) throws Exception {
        Process serve = start(url, "check");
        try {
            String base = awaitUrl(serve);
            JsonNode cohort = JSON.readTree(send(authorised(base + "/api/v1/cohorts/c18-49").GET()).body());
            String name = cohort.path("name").asText();
            int kept = name.startsWith("18–49 edit ") ? Integer.parseInt(name.substring("18–49 edit ".length())) : 0;
            Set<String> stored = new HashSet<>();
            JSON.readTree(send(authorised(base + "/api/v1/deliveries").GET()).body())
                    .forEach(delivery -> stored.add(delivery.path("id").asText()));
            Set<String> lostDeliveries = new HashSet<>(deliveries);
            lostDeliveries.removeAll(stored);
            assertEquals(Set.of(), lostDeliveries, "answered deliveries missing after " + KILLS + " kills");
            Set<String> lostScenarios = new HashSet<>(scenarios);
            JSON.readTree(send(authorised(base + "/api/v1/scenarios").GET()).body()).path("scenarios")
                    .forEach(scenario -> lostScenarios.remove(scenario.path("name").asText()));
            assertEquals(Set.of(), lostScenarios, "answered scenario saves missing after " + KILLS + " kills");
            assertTrue(kept >= lastCohortEdit, (lastCohortEdit - kept) + " answered cohort edits missing after "
                    + KILLS + " kills");
        } finally {
            // SIGTERM: the backend closes the database, so that H2's file can be read here.
            serve.destroy();
            assertTrue(serve.waitFor(20, TimeUnit.SECONDS), "serve stops on SIGTERM");
        }
        Set<Long> lostBookings = new HashSet<>(bookings);
        try (Connection connection = DriverManager.getConnection(url);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT booking_number FROM booking")) {
            while (rows.next()) {
                lostBookings.remove(rows.getLong(1));
            }
        }
        assertEquals(Set.of(), lostBookings, "answered bookings missing after " + KILLS + " kills (of "
                + bookings.size() + ")");
        System.out.printf("kill -9 x%d: %d bookings, %d deliveries, %d cohort edits, %d scenarios answered; 0 missing%n",
                KILLS, bookings.size(), deliveries.size(), cohortEdits, scenarios.size());
    }

    private Process start(String url, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.log." + BackendServer.REQUEST_LOG + "=warn", Launcher.class.getName(),
                "--data-dir", folder.resolve("data").toString(), "serve", "--port", "0", "--db", url,
                "--tokens", folder.resolve("tokens.txt").toString(), "--clock", "2021-08-09T20:05"))
                .redirectError(folder.resolve(name + "-errors.txt").toFile())
                .start();
    }

    private String awaitUrl(Process serve) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(serve.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null) {
            Matcher matcher = STARTED.matcher(line);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        throw new AssertionError("serve ended before listening: " + errors());
    }

    private String errors() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-errors.txt")).toList()) {
                all.append(file.getFileName()).append(": ").append(Files.readString(file)).append('\n');
            }
        }
        return all.toString();
    }

    private Stream<String> traceFiles() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".trace.db")).toList()) {
                all.append(Files.readString(file));
            }
            return all.toString().lines();
        }
    }

    private HttpRequest.Builder authorised(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
