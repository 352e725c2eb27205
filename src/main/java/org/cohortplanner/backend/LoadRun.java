package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.simulation.ArrivalProfile;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.ServiceTime;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * A bounded load run of the booking backend on loopback: a night's people arrive in the opening burst, many clients
 * book them through the waiting room and poll their tickets, for at most a fixed real time. The backend's clock runs
 * faster than real time ({@code speed} minutes of the night per real minute), so a short run covers the part of the
 * night that matters. Afterwards the booking-night simulation runs on the same parameters and both are printed side
 * by side. Not a test: it measures, it does not judge.
 */
public final class LoadRun {
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final LocalDateTime OPENS = LocalDateTime.of(2021, 7, 19, 20, 0);

    /**
     * @param people            people who try to book
     * @param clients           requests open at once at most (the asynchronous clients' window)
     * @param seconds           real seconds the run may last at most
     * @param admittedPerMinute the waiting room's rate
     * @param doses             first-dose appointments the window's doses allow
     * @param speed             minutes of the night per real minute
     * @param burstMinutes      mean delay of an arrival after the opening (night minutes)
     * @param databaseUrl       the backend's database (an in-memory H2 when null)
     * @param urls              backends to drive (started with this run's plan); empty: start one on loopback
     * @param arrivalsPerSecond people arriving per real second, evenly; 0: the opening burst of burstMinutes
     */
    public record Settings(int people, int clients, int seconds, int admittedPerMinute, long doses, double speed,
                           double burstMinutes, String databaseUrl, long seed, List<String> urls,
                           double arrivalsPerSecond) {
        public Settings {
            require(people >= 1, "people must be at least 1");
            require(clients >= 1 && clients <= MAX_CLIENTS, "clients must be 1 to " + MAX_CLIENTS);
            require(seconds >= 1 && seconds <= 600, "seconds must be 1 to 600 (the run is bounded)");
            require(admittedPerMinute >= 1, "admitted per minute must be at least 1");
            require(doses >= 0, "doses must be 0 or more");
            require(speed > 0 && speed <= 600, "speed must be more than 0 and at most 600");
            require(burstMinutes > 0, "burst minutes must be more than 0");
            require(arrivalsPerSecond >= 0 && arrivalsPerSecond <= 1_000_000,
                    "arrivals per second must be 0 to 1000000");
            urls = urls == null ? List.of() : List.copyOf(urls);
            for (String url : urls) {
                require(url.startsWith("http://") || url.startsWith("https://"),
                        "a backend URL starts with http:// or https://, got '" + url + "'");
            }
            require(urls.isEmpty() || databaseUrl == null, "--db is for the backend the run starts itself; "
                    + "backends given by URL have their own database");
        }

        double nightMinutes() {
            return seconds * speed / 60.0;
        }
    }

    /** Requests open at once at most. */
    public static final int MAX_CLIENTS = 4096;

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private record Person(int number, LocalDate birthDate, double arrivalMinute) {
    }

    private final Settings settings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(2, runnable -> {
                Thread thread = new Thread(runnable, "load-run-http");
                thread.setDaemon(true);
                return thread;
            })).build();
    /**
     * Makes this run's person ids its own, so that runs against one database never share a person, also runs started
     * at the same moment as processes of their own.
     */
    private final String runId = Long.toString(System.currentTimeMillis(), 36) + "-"
            + Integer.toString(new java.security.SecureRandom().nextInt(Integer.MAX_VALUE), 36);

    public LoadRun(Settings settings) {
        this.settings = settings;
    }

    /** Writes the run's plan, for backends started by hand ({@code serve --seed FILE}). */
    public void writePlan(java.nio.file.Path file) {
        PlanFiles.write(plan(), file);
    }

    /** The plan of the run: one window of people born 1967–1971, the doses given, one region with room. */
    Plan plan() {
        return PlanFiles.fromJson(planText(), "load run plan");
    }

    private String planText() {
        long capacity = Math.max(settings.doses(), 1);
        return String.format(Locale.ROOT, """
                {
                  "formatVersion": 1, "name": "Load run", "zone": "Asia/Seoul",
                  "settings": {"reserveSecondDose": false, "noShowRate": 0},
                  "regions": [{"name": "Seoul", "population": 9590000}],
                  "brands": [{"name": "Moderna", "dosesInCourse": 2,
                    "interval": {"days": 28, "minimumDays": 28, "maximumDays": 42},
                    "minimumAge": 18, "platform": "MRNA", "siteKinds": ["VACCINATION_CENTRE"]}],
                  "deliveries": [{"id": "MOD-LOAD", "brand": "Moderna", "doses": %d, "plannedArrival": "2021-08-02"}],
                  "sites": [{"name": "Seoul centres", "region": "Seoul", "kind": "VACCINATION_CENTRE",
                    "dosesPerDay": %d, "brands": ["Moderna"], "closedDays": []}],
                  "bookingSystem": {"peoplePerHour": 300000, "concurrentSessions": 25000, "sessionMinutes": 5,
                    "waitingRoom": {"enabled": true, "admittedPerMinute": %d, "patienceMinutes": 600,
                      "retryProbability": 0, "retryDelayMinutes": 0}},
                  "cohorts": [{"id": "c50-54", "name": "50–54", "birthYears": {"first": 1967, "last": 1971},
                    "eligible": %d, "uptake": 1,
                    "window": {"opens": "2021-07-19T20:00", "closes": "2021-07-24T18:00"},
                    "vaccinationPeriod": {"firstDay": "2021-08-16", "lastDay": "2021-08-25"},
                    "brands": {"Moderna": 1}}]
                }
                """, settings.doses(), capacity, settings.admittedPerMinute(), settings.people());
    }

    /**
     * Runs the clients against a backend of its own on loopback, then the simulation, and prints both; or, given
     * backends' URLs, runs the clients against them and prints what they saw.
     */
    public void run(PrintWriter out) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.log." + BackendServer.REQUEST_LOG, "warn");
        Plan plan = plan();
        List<Person> people = people();
        out.printf(Locale.ROOT, "Load run: %,d people, %d requests open at most, at most %d s; waiting room %,d a "
                        + "minute; %,d first doses; clock x%.0f (%.0f night minutes); %s%n", settings.people(),
                settings.clients(), settings.seconds(), settings.admittedPerMinute(), settings.doses(),
                settings.speed(), settings.nightMinutes(), settings.arrivalsPerSecond() > 0
                        ? String.format(Locale.ROOT, "%,.0f arrivals a second", settings.arrivalsPerSecond())
                        : String.format(Locale.ROOT, "arrivals in a burst of %.1f night minutes",
                        settings.burstMinutes()));
        out.flush();
        if (!settings.urls().isEmpty()) {
            warmUp(settings.urls());
            LoadClient.Measured measured = drive(settings.urls(), people);
            printMeasured(out, measured, settings.urls().size());
            return;
        }
        String url = settings.databaseUrl() != null ? settings.databaseUrl()
                : "jdbc:h2:mem:loadrun-" + UUID.randomUUID();
        LoadClient.Measured measured;
        RunningClock clock = new RunningClock(OPENS.atZone(SEOUL).toInstant(), settings.speed());
        String viewer = UUID.randomUUID().toString();
        BackendConfig config = new BackendConfig(BackendConfig.LOOPBACK, 0, url, "", "", AccessTokens.of(List.of(
                new AccessTokens.TokenGrant("load run", java.util.Set.of(Role.VIEWER), viewer))), null, null, clock,
                plan, PersonKey.random());
        JsonNode live;
        try (BackendServer server = BackendServer.start(config)) {
            warmUp(List.of(server.url()));
            clock.restartAt(OPENS.atZone(SEOUL).toInstant());
            measured = drive(List.of(server.url()), people);
            live = live(server.url(), viewer);
        }
        printMeasured(out, measured, 1);
        BookingNightResult predicted = new BookingNightSimulator().run(parameters(plan), settings.seed(),
                Progress.none(), Cancellation.never());
        print(out, measured, predicted, live);
    }

    private List<Person> people() {
        Random random = new Random(settings.seed());
        ArrivalProfile profile = ArrivalProfile.burst(1.0, settings.burstMinutes());
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < settings.people(); i++) {
            LocalDate birthDate = LocalDate.of(1967 + random.nextInt(5), 1, 1).plusDays(random.nextInt(365));
            double minute = settings.arrivalsPerSecond() > 0 ? i / settings.arrivalsPerSecond() * settings.speed() / 60
                    : profile.sampleMinute(random.nextDouble(), random.nextDouble(), settings.nightMinutes());
            people.add(new Person(i, birthDate, minute));
        }
        people.sort((a, b) -> Double.compare(a.arrivalMinute(), b.arrivalMinute()));
        return people;
    }

    private LoadClient.Measured drive(List<String> bases, List<Person> people) throws InterruptedException {
        LoadClient driver = new LoadClient(client, bases, settings.clients(), settings.seconds(), settings.speed());
        return driver.drive(people.stream().map(p -> new LoadClient.Arrival(personId(p), p.birthDate(),
                p.arrivalMinute())).toList());
    }

    private String personId(Person person) {
        return "load-" + runId + "-" + person.number();
    }

    /** Connections opened and code compiled before the night starts, so the first minute measures the backend. */
    private void warmUp(List<String> bases) throws InterruptedException {
        java.util.concurrent.Semaphore window = new java.util.concurrent.Semaphore(settings.clients());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        int next = 0;
        while (System.nanoTime() < until) {
            window.acquire();
            String base = bases.get(next++ % bases.size());
            client.sendAsync(HttpRequest.newBuilder(URI.create(base + Api.PREFIX + "/health"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((answer, failure) -> window.release());
        }
        window.tryAcquire(settings.clients(), 15, TimeUnit.SECONDS);
    }

    private JsonNode live(String base, String token) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/live?minutes=1440")).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return read(response.body());
        } catch (IOException failure) {
            return null;
        }
    }

    private static JsonNode read(String body) {
        try {
            return PlanJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** The simulation's night with the same people, arrivals, waiting room and doses. */
    BookingNightParameters parameters(Plan plan) {
        // The backend books at once when a person is let in: a session of a second, and slots to spare.
        ServiceTime session = ServiceTime.exponential(1 / 60.0);
        return new BookingNightParameters("50–54 (load run)", OPENS, settings.nightMinutes(), settings.people(), 1,
                ArrivalProfile.burst(1.0, settings.burstMinutes()), session,
                Math.max(1000, settings.admittedPerMinute() * 10), List.of(), true, settings.admittedPerMinute(),
                QueueOrder.FIFO, Patience.unlimited(), 0, 0, settings.doses(),
                BookingNightParameters.defaultStepSeconds(session));
    }

    /** The clients' figures, and one line of them for scripts ({@code bench/load.sh} reads it). */
    private void printMeasured(PrintWriter out, LoadClient.Measured measured, int backends) {
        double seconds = measured.realSeconds();
        out.printf(Locale.ROOT, "%nReal run: %.1f s, %,d requests (%,.0f a second, at most %,d open), %,d errors%s%n",
                seconds, measured.requests(), measured.requests() / seconds, measured.peakInFlight(),
                measured.errorCount(), measured.errors().isEmpty() ? "" : " " + new java.util.TreeMap<>(
                        measured.errors()));
        out.printf(Locale.ROOT, "Bookings per real second: %,.0f (%,d booked, %,d at once, %,d after waiting); "
                        + "request latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", measured.booked() / seconds,
                measured.booked(), measured.bookedDirectly(), measured.booked() - measured.bookedDirectly(),
                measured.p50Millis(), measured.p99Millis(), measured.maxMillis());
        out.printf(Locale.ROOT, "Turned away %,d, busy %,d, still waiting %,d, not yet arrived %,d; arrival lag p95 "
                        + "%s night minutes%n", measured.turnedAway(), measured.busy(), measured.stillWaiting(),
                measured.notArrived(), minutes(measured.arrivalLagP95Minutes()));
        out.printf(Locale.ROOT, "RESULT backends=%d seconds=%.1f requests=%d booked=%d bookings_per_s=%.0f "
                        + "p50_ms=%.1f p99_ms=%.1f errors=%d turned_away=%d still_waiting=%d not_arrived=%d%n",
                backends, seconds, measured.requests(), measured.booked(), measured.booked() / seconds,
                measured.p50Millis(), measured.p99Millis(), measured.errorCount(), measured.turnedAway(),
                measured.stillWaiting(), measured.notArrived());
        out.flush();
    }

    private void print(PrintWriter out, LoadClient.Measured measured, BookingNightResult predicted, JsonNode live) {
        double nightMinutes = measured.realSeconds() * settings.speed() / 60;
        out.println();
        out.printf(Locale.ROOT, "%-40s %14s %14s%n", "", "backend", "simulation");
        row(out, "night minutes covered", String.format(Locale.ROOT, "%.1f", nightMinutes),
                String.format(Locale.ROOT, "%.1f", settings.nightMinutes()));
        row(out, "booked", measured.booked(), predicted.booked());
        row(out, "turned away (doses gone)", measured.turnedAway(), predicted.turnedAway());
        row(out, "still waiting at the end", measured.stillWaiting(), predicted.stillTryingAtClose());
        row(out, "not yet arrived at the end", measured.notArrived(), 0);
        long servedPeak = 0;
        String suspendedAt = "no";
        long queuePeak = 0;
        int minute = 0;
        for (JsonNode row : live == null ? PlanJson.MAPPER.createArrayNode() : live.path("minutes")) {
            servedPeak = Math.max(servedPeak, row.path("booked").asLong());
            queuePeak = Math.max(queuePeak, row.path("queueLength").asLong());
            if (suspendedAt.equals("no") && row.path("turnedAway").asLong() > 0) {
                suspendedAt = Integer.toString(minute);
            }
            minute++;
        }
        row(out, "bookings per night minute, peak (server)", servedPeak,
                predicted.perMinute().stream().mapToLong(BookingNightResult.MinuteFigures::bookings).max().orElse(0));
        row(out, "queue at a minute's end, peak", queuePeak, predicted.peakQueue());
        double[] w = measured.waitMinutes();
        row(out, "wait p50, night minutes", minutes(percentile(w, 0.50)), minutes(predicted.waits().p50Minutes()));
        row(out, "wait p95, night minutes", minutes(percentile(w, 0.95)), minutes(predicted.waits().p95Minutes()));
        row(out, "wait p99, night minutes", minutes(percentile(w, 0.99)), "-");
        row(out, "wait max, night minutes", minutes(w.length == 0 ? Double.NaN : w[w.length - 1]),
                minutes(predicted.waits().maxMinutes()));
        row(out, "arrival lag p95 (clients behind plan)", minutes(measured.arrivalLagP95Minutes()),
                "-");
        row(out, "suspended in night minute", suspendedAt, predicted.suspended()
                ? String.format(Locale.ROOT, "%.1f", predicted.suspendedAtMinute()) : "no");
        out.flush();
    }

    private static void row(PrintWriter out, String label, Object backend, Object simulation) {
        String left = backend instanceof Long ? String.format(Locale.ROOT, "%,d", backend) : backend.toString();
        String right = simulation instanceof Long ? String.format(Locale.ROOT, "%,d", simulation)
                : simulation.toString();
        out.printf(Locale.ROOT, "%-40s %14s %14s%n", label, left, right);
    }

    private static String minutes(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }

    static double percentile(double[] sorted, double share) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(share * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
