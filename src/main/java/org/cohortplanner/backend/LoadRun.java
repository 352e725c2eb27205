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
import org.cohortplanner.simulation.CancellationToken;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.ProgressListener;
import org.cohortplanner.simulation.ServiceTime;
import org.cohortplanner.store.json.PlanFiles;

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
     * @param clients           concurrent client threads
     * @param seconds           real seconds the run may last at most
     * @param admittedPerMinute the waiting room's rate
     * @param doses             first-dose appointments the window's doses allow
     * @param speed             minutes of the night per real minute
     * @param burstMinutes      mean delay of an arrival after the opening (night minutes)
     * @param databaseUrl       the backend's database (an in-memory H2 when null)
     */
    public record Settings(int people, int clients, int seconds, int admittedPerMinute, long doses, double speed,
                           double burstMinutes, String databaseUrl, long seed) {
        public Settings {
            require(people >= 1, "people must be at least 1");
            require(clients >= 1 && clients <= 512, "clients must be 1 to 512");
            require(seconds >= 1 && seconds <= 600, "seconds must be 1 to 600 (the run is bounded)");
            require(admittedPerMinute >= 1, "admitted per minute must be at least 1");
            require(doses >= 0, "doses must be 0 or more");
            require(speed > 0 && speed <= 600, "speed must be more than 0 and at most 600");
            require(burstMinutes > 0, "burst minutes must be more than 0");
        }

        double nightMinutes() {
            return seconds * speed / 60.0;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** What the clients saw. */
    public record Measured(double realSeconds, long requests, long booked, long turnedAway, long busy,
                           long stillWaiting, long notArrived, Map<String, Long> errors, double[] waitMinutes,
                           long peakBookingsPerNightMinute, double[] arrivalLagMinutes) {
    }

    private record Person(int number, LocalDate birthDate, double arrivalMinute) {
    }

    private static final class Poll implements Delayed {
        final Person person;
        final String location;
        final long firstAttemptNanos;
        final long dueNanos;

        Poll(Person person, String location, long firstAttemptNanos, long dueNanos) {
            this.person = person;
            this.location = location;
            this.firstAttemptNanos = firstAttemptNanos;
            this.dueNanos = dueNanos;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Poll) other).dueNanos);
        }
    }

    private final Settings settings;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "load-run-http");
                thread.setDaemon(true);
                return thread;
            })).build();

    public LoadRun(Settings settings) {
        this.settings = settings;
    }

    /** The plan of the run: one window of people born 1967–1971, the doses given, one region with room. */
    Plan plan() {
        long capacity = Math.max(settings.doses(), 1);
        String json = String.format(Locale.ROOT, """
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
        return PlanFiles.fromJson(json, "load run plan");
    }

    /** Runs the clients against a backend of its own on loopback, then the simulation; prints both. */
    public void run(PrintWriter out) throws InterruptedException {
        System.setProperty("org.slf4j.simpleLogger.log." + BackendServer.REQUEST_LOG, "warn");
        Plan plan = plan();
        String url = settings.databaseUrl() != null ? settings.databaseUrl()
                : "jdbc:h2:mem:loadrun-" + UUID.randomUUID();
        List<Person> people = people();
        out.printf(Locale.ROOT, "Load run: %,d people, %d clients, at most %d s; waiting room %,d a minute; "
                        + "%,d first doses; clock x%.0f (%.0f night minutes)%n", settings.people(), settings.clients(),
                settings.seconds(), settings.admittedPerMinute(), settings.doses(), settings.speed(),
                settings.nightMinutes());
        out.flush();
        Measured measured;
        RunningClock clock = new RunningClock(OPENS.atZone(SEOUL).toInstant(), settings.speed());
        String viewer = UUID.randomUUID().toString();
        BackendConfig config = new BackendConfig(BackendConfig.LOOPBACK, 0, url, "", "", AccessTokens.of(List.of(
                new AccessTokens.TokenGrant("load run", java.util.Set.of(Role.VIEWER), viewer))), null, null, clock,
                plan, PersonKey.random());
        JsonNode live;
        try (BackendServer server = BackendServer.start(config)) {
            warmUp(server.url());
            clock.restartAt(OPENS.atZone(SEOUL).toInstant());
            measured = drive(server.url(), people);
            live = live(server.url(), viewer);
        }
        BookingNightResult predicted = new BookingNightSimulator().run(parameters(plan), settings.seed(),
                ProgressListener.NONE, CancellationToken.never());
        print(out, measured, predicted, live);
    }

    private List<Person> people() {
        Random random = new Random(settings.seed());
        ArrivalProfile profile = ArrivalProfile.burst(1.0, settings.burstMinutes());
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < settings.people(); i++) {
            LocalDate birthDate = LocalDate.of(1967 + random.nextInt(5), 1, 1).plusDays(random.nextInt(365));
            double minute = profile.sampleMinute(random.nextDouble(), random.nextDouble(), settings.nightMinutes());
            people.add(new Person(i, birthDate, minute));
        }
        people.sort((a, b) -> Double.compare(a.arrivalMinute(), b.arrivalMinute()));
        return people;
    }

    private Measured drive(String base, List<Person> people) throws InterruptedException {
        DelayQueue<Poll> polls = new DelayQueue<>();
        AtomicInteger nextArrival = new AtomicInteger();
        LongAdder requests = new LongAdder();
        LongAdder booked = new LongAdder();
        LongAdder turnedAway = new LongAdder();
        LongAdder busy = new LongAdder();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        List<Double> waits = Collections.synchronizedList(new ArrayList<>());
        List<Double> lags = Collections.synchronizedList(new ArrayList<>());
        Map<Long, Long> bookingsPerMinute = new ConcurrentHashMap<>();
        AtomicLong resolved = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(settings.seconds());
        double nanosPerNightMinute = 60e9 / settings.speed();

        Runnable worker = () -> {
            while (System.nanoTime() < deadline && resolved.get() < people.size()) {
                Poll due = polls.poll();
                if (due != null) {
                    requests.increment();
                    answer(base, "GET", due.location, null, due, polls, booked, turnedAway, busy, errors, waits,
                            bookingsPerMinute, resolved, start, nanosPerNightMinute);
                    continue;
                }
                int index = nextArrival.get();
                if (index < people.size()
                        && start + (long) (people.get(index).arrivalMinute() * nanosPerNightMinute) <= System.nanoTime()
                        && nextArrival.compareAndSet(index, index + 1)) {
                    Person person = people.get(index);
                    lags.add((System.nanoTime() - start - person.arrivalMinute() * nanosPerNightMinute)
                            / nanosPerNightMinute);
                    requests.increment();
                    String body = "{\"personId\": \"load-person-" + person.number() + "\", \"birthDate\": \""
                            + person.birthDate() + "\", \"region\": \"Seoul\"}";
                    answer(base, "POST", "/api/v1/bookings", body,
                            new Poll(person, null, System.nanoTime(), 0), polls, booked, turnedAway, busy, errors,
                            waits, bookingsPerMinute, resolved, start, nanosPerNightMinute);
                    continue;
                }
                try {
                    Poll next = polls.poll(2, TimeUnit.MILLISECONDS);
                    if (next != null) {
                        polls.add(next);
                    }
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        for (int i = 0; i < settings.clients(); i++) {
            clients.execute(worker);
        }
        clients.shutdown();
        clients.awaitTermination(settings.seconds() + 30L, TimeUnit.SECONDS);
        clients.shutdownNow();
        double realSeconds = (System.nanoTime() - start) / 1e9;
        double[] waitArray = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        long peak = bookingsPerMinute.values().stream().mapToLong(Long::longValue).max().orElse(0);
        double[] lagArray = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Measured(realSeconds, requests.sum(), booked.sum(), turnedAway.sum(), busy.sum(), polls.size(),
                people.size() - nextArrival.get(), errors, waitArray, peak, lagArray);
    }

    private void answer(String base, String method, String path, String body, Poll attempt,
                        DelayQueue<Poll> polls, LongAdder booked, LongAdder turnedAway, LongAdder busy,
                        Map<String, Long> errors, List<Double> waits, Map<Long, Long> bookingsPerMinute,
                        AtomicLong resolved, long start, double nanosPerNightMinute) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10));
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            errors.merge(failure.getClass().getSimpleName(), 1L, Long::sum);
            resolved.incrementAndGet();
            return;
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            return;
        }
        long now = System.nanoTime();
        switch (response.statusCode()) {
            case 200:
            case 201:
                booked.increment();
                resolved.incrementAndGet();
                waits.add((now - attempt.firstAttemptNanos) / nanosPerNightMinute);
                bookingsPerMinute.merge((long) ((now - start) / nanosPerNightMinute), 1L, Long::sum);
                break;
            case 202:
                JsonNode waiting = read(response.body());
                String location = response.headers().firstValue("Location").orElse(attempt.location);
                double pollAfter = waiting == null ? 1 : Math.max(1, waiting.path("pollAfterSeconds").asDouble(1));
                long delay = (long) (pollAfter / 60.0 * nanosPerNightMinute);
                polls.add(new Poll(attempt.person, location, attempt.firstAttemptNanos, now + delay));
                break;
            case 409:
                turnedAway.increment();
                resolved.incrementAndGet();
                break;
            case 503:
                busy.increment();
                resolved.incrementAndGet();
                break;
            default:
                errors.merge("HTTP " + response.statusCode(), 1L, Long::sum);
                resolved.incrementAndGet();
        }
    }

    /** Connections opened and code compiled before the night starts, so the first minute measures the backend. */
    private void warmUp(String base) throws InterruptedException {
        ExecutorService warmers = Executors.newFixedThreadPool(settings.clients());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        for (int i = 0; i < settings.clients(); i++) {
            warmers.execute(() -> {
                while (System.nanoTime() < until) {
                    try {
                        client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/health")).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException ignored) {
                        // Warming up only: the run itself counts errors.
                    } catch (InterruptedException stop) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        warmers.shutdown();
        warmers.awaitTermination(30, TimeUnit.SECONDS);
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

    private void print(PrintWriter out, Measured measured, BookingNightResult predicted, JsonNode live) {
        double nightMinutes = measured.realSeconds() * settings.speed() / 60;
        out.printf(Locale.ROOT, "%nReal run: %.1f s, %,d requests (%,.0f a second), %,d errors%s%n",
                measured.realSeconds(), measured.requests(), measured.requests() / measured.realSeconds(),
                measured.errors().values().stream().mapToLong(Long::longValue).sum(),
                measured.errors().isEmpty() ? "" : " " + measured.errors());
        out.printf(Locale.ROOT, "Bookings per real second: %,.0f%n%n", measured.booked() / measured.realSeconds());
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
        row(out, "arrival lag p95 (clients behind plan)", minutes(percentile(measured.arrivalLagMinutes(), 0.95)),
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
