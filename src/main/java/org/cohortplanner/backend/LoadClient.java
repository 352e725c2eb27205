package org.cohortplanner.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The load run's clients: people go through the waiting room as a person does (ask to book, poll the ticket when
 * told to wait, until booked or turned away), each with a verified person id of their own. Requests are sent
 * asynchronously with at most {@code inFlight} of them open at once, so one thread keeps thousands of people
 * moving and the clients keep up with the planned arrivals until the backend itself is the limit; when the window is
 * full, arrivals fall behind and the lag is reported. Every request's latency, status and error is recorded.
 */
final class LoadClient {
    /** Latencies are kept in 0.1 ms buckets up to this many; longer ones in the last bucket. */
    private static final int BUCKETS = 200_000;
    private static final double BUCKET_MILLIS = 0.1;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    /** A person of the run: their verified id, birth date and when they arrive (night minutes after the start). */
    record Arrival(String personId, LocalDate birthDate, double minute) {
    }

    /** What the clients saw. Latencies are of single requests (a booking request or a ticket poll), in ms. */
    record Measured(double realSeconds, long requests, long booked, long bookedDirectly, long turnedAway, long busy,
                    long stillWaiting, long notArrived, Map<String, Long> errors, double[] waitMinutes,
                    double p50Millis, double p99Millis, double maxMillis, double arrivalLagP95Minutes,
                    long peakInFlight) {
        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final class Poll implements Delayed {
        final Arrival person;
        final String location;
        final long firstAttemptNanos;
        final long dueNanos;

        Poll(Arrival person, String location, long firstAttemptNanos, long dueNanos) {
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

    private final HttpClient http;
    private final List<String> bases;
    private final int inFlight;
    private final int seconds;
    private final double nanosPerNightMinute;

    private final DelayQueue<Poll> polls = new DelayQueue<>();
    private final Semaphore window;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    private final AtomicInteger waitingPeople = new AtomicInteger();
    private final LongAdder requests = new LongAdder();
    private final LongAdder booked = new LongAdder();
    private final LongAdder bookedDirectly = new LongAdder();
    private final LongAdder turnedAway = new LongAdder();
    private final LongAdder busy = new LongAdder();
    private final Map<String, Long> errors = new ConcurrentHashMap<>();
    private final AtomicLongArray latency = new AtomicLongArray(BUCKETS);
    private final java.util.Queue<Double> waits = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private int nextBase;

    /**
     * @param bases    the backends' base URLs; requests go to them in turn (any instance answers any ticket)
     * @param inFlight requests open at once at most
     * @param seconds  real seconds the run lasts at most
     * @param speed    night minutes per real minute of the backends' clocks
     */
    LoadClient(HttpClient http, List<String> bases, int inFlight, int seconds, double speed) {
        this.http = http;
        this.bases = List.copyOf(bases);
        this.inFlight = inFlight;
        this.seconds = seconds;
        this.nanosPerNightMinute = 60e9 / speed;
        this.window = new Semaphore(inFlight);
    }

    /** Lets the people arrive (sorted by arrival) and go through the waiting room until done or out of time. */
    Measured drive(List<Arrival> people) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        double[] lags = new double[people.size()];
        int arrived = 0;
        while (System.nanoTime() < deadline && (arrived < people.size() || waitingPeople.get() > 0
                || open.get() > 0)) {
            Poll due = polls.poll();
            if (due != null) {
                acquire();
                send(due, "GET", due.location, null, start);
                continue;
            }
            if (arrived < people.size()) {
                Arrival person = people.get(arrived);
                long at = start + (long) (person.minute() * nanosPerNightMinute);
                long now = System.nanoTime();
                if (at <= now) {
                    acquire();
                    now = System.nanoTime();
                    lags[arrived] = Math.max(0, (now - at) / nanosPerNightMinute);
                    arrived++;
                    waitingPeople.incrementAndGet();
                    String body = "{\"personId\": \"" + person.personId() + "\", \"birthDate\": \""
                            + person.birthDate() + "\", \"region\": \"Seoul\"}";
                    send(new Poll(person, null, now, 0), "POST", Api.PREFIX + "/bookings", body, start);
                    continue;
                }
                pause(Math.min(at - now, TimeUnit.MILLISECONDS.toNanos(1)));
            } else {
                pause(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
        long stopped = System.nanoTime();
        // What is in flight at the deadline may still answer; it is counted, nothing new is sent.
        window.tryAcquire(inFlight, REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        double realSeconds = (stopped - start) / 1e9;
        double[] waitArray = waits.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double[] lagArray = java.util.Arrays.copyOf(lags, arrived);
        java.util.Arrays.sort(lagArray);
        return new Measured(realSeconds, requests.sum(), booked.sum(), bookedDirectly.sum(), turnedAway.sum(),
                busy.sum(), waitingPeople.get(), people.size() - arrived, Map.copyOf(errors), waitArray,
                latencyPercentile(0.50), latencyPercentile(0.99), latencyPercentile(1.0),
                LoadRun.percentile(lagArray, 0.95), peakOpen.get());
    }

    private void acquire() throws InterruptedException {
        window.acquire();
        int now = open.incrementAndGet();
        peakOpen.accumulateAndGet(now, Math::max);
    }

    private static void pause(long nanos) throws InterruptedException {
        if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    }

    private String nextBase() {
        String base = bases.get(nextBase);
        nextBase = (nextBase + 1) % bases.size();
        return base;
    }

    private void send(Poll attempt, String method, String path, String body, long start) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(nextBase() + path)).timeout(REQUEST_TIMEOUT);
        request = body == null ? request.GET() : request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        long sent = System.nanoTime();
        requests.increment();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            try {
                record(System.nanoTime() - sent);
                if (failure != null) {
                    error(failure);
                    waitingPeople.decrementAndGet();
                } else {
                    answered(attempt, body != null, response);
                }
            } finally {
                open.decrementAndGet();
                window.release();
            }
        });
    }

    private void error(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        String name = cause instanceof HttpTimeoutException ? "timeout" : cause.getClass().getSimpleName();
        errors.merge(name, 1L, Long::sum);
    }

    private void answered(Poll attempt, boolean first, HttpResponse<String> response) {
        long now = System.nanoTime();
        int status = response.statusCode();
        if (status == 201 || status == 200) {
            booked.increment();
            if (first) {
                bookedDirectly.increment();
            }
            waits.add((now - attempt.firstAttemptNanos) / nanosPerNightMinute);
            waitingPeople.decrementAndGet();
            return;
        }
        JsonNode answer = read(response.body());
        String reason = answer == null ? "" : answer.path("reason").asText("");
        if (status == 202) {
            String location = response.headers().firstValue("Location").orElse(attempt.location);
            double pollAfter = answer == null ? 1 : Math.max(1, answer.path("pollAfterSeconds").asDouble(1));
            long delay = (long) (pollAfter / 60.0 * nanosPerNightMinute);
            polls.add(new Poll(attempt.person, location, attempt.firstAttemptNanos, now + delay));
            return;
        }
        waitingPeople.decrementAndGet();
        if (status == 409 && (reason.equals(BookingAnswers.SUSPENDED)
                || reason.equals(BookingAnswers.NO_APPOINTMENT))) {
            turnedAway.increment();
        } else if (status == 503 && reason.equals(BookingAnswers.BUSY)) {
            busy.increment();
        } else {
            errors.merge("HTTP " + status + (reason.isEmpty() ? "" : " " + reason), 1L, Long::sum);
        }
    }

    private void record(long nanos) {
        int bucket = (int) Math.min(BUCKETS - 1, nanos / (long) (BUCKET_MILLIS * 1e6));
        latency.incrementAndGet(bucket);
    }

    private double latencyPercentile(double share) {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            total += latency.get(i);
        }
        if (total == 0) {
            return Double.NaN;
        }
        long rank = Math.max(1, (long) Math.ceil(share * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += latency.get(i);
            if (seen >= rank) {
                return (i + 1) * BUCKET_MILLIS;
            }
        }
        return BUCKETS * BUCKET_MILLIS;
    }

    private static JsonNode read(String body) {
        try {
            return PlanJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
