package org.cohortplanner.store.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.PlanStore;
import org.cohortplanner.store.ScenarioNameTakenException;
import org.cohortplanner.store.ScenarioStore;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.json.PhraseJson;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;

/**
 * The console's plan on the booking backend, over HTTP (docs/api.md). Saves send the version they were based on as
 * If-Match; a save the backend refuses because someone saved in between becomes a {@link BackendConflictException}
 * carrying the stored plan and the other change. Every call is bounded: a backend that does not answer within the
 * request timeout, or cannot be reached within the connect timeout, gives a {@link StoreException} saying so, never
 * a hang.
 */
public final class RemotePlanStore implements PlanStore, ScenarioStore {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final String API = "/api/v1";
    private static final int MAX_HEADER_TEXT = 2000;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a Cohort Planner backend's health check names itself. */
    private static final String BACKEND_SERVICE = "cohort-planner-backend";

    private final String base;
    private final String token;
    private final Duration requestTimeout;
    private final HttpClient client;
    /**
     * Scenarios read before, by number: the backend never changes a saved scenario, so a listing fetches only the
     * plans of those it has not seen (a number the backend gives again after a deletion comes with another time).
     */
    private final Map<Long, SavedScenario> scenariosRead = new ConcurrentHashMap<>();

    /**
     * @param baseUrl        the backend, e.g. {@code https://booking.example:8443} (the API is under /api/v1)
     * @param token          the bearer token, never logged nor shown
     * @param sslContext     trusted certificates for https, or null for the Java runtime's defaults
     */
    public RemotePlanStore(URI baseUrl, String token, Duration connectTimeout, Duration requestTimeout,
                           SSLContext sslContext) {
        Objects.requireNonNull(baseUrl, "baseUrl");
        String scheme = baseUrl.getScheme() == null ? "" : baseUrl.getScheme();
        if (!scheme.equals("http") && !scheme.equals("https") || baseUrl.getHost() == null) {
            throw new StoreException("'" + baseUrl + "' is not a backend address; give one such as "
                    + "http://127.0.0.1:8080 or https://booking.example:8443");
        }
        String text = baseUrl.toString();
        this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        this.token = Objects.requireNonNull(token, "token");
        this.requestTimeout = requestTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.client = builder.build();
    }

    /** With the default timeouts (3 s to connect, 5 s for an answer) and the runtime's trusted certificates. */
    public RemotePlanStore(URI baseUrl, String token) {
        this(baseUrl, token, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, null);
    }

    /** The backend's URL, as shown in the status bar. */
    @Override
    public String location() {
        return base;
    }

    @Override
    public Optional<Plan> load() {
        Reply reply = send(request("/plan").GET());
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireOk(reply, "read the plan");
        return Optional.of(plan(reply.body()));
    }

    @Override
    public Plan save(Plan plan, PlanChange change) {
        return put(plan, plan.version(), change);
    }

    /** Replaces the backend's plan by {@code plan}: based on whatever version is stored there now. */
    @Override
    public Plan replace(Plan plan, PlanChange change) {
        Reply health = send(request("/health").GET());
        requireOk(health, "reach the backend");
        long stored = json(health.body()).path("planVersion").asLong(-1);
        if (stored < 0) {
            throw garbage("its health check has no planVersion");
        }
        return put(plan, stored, change);
    }

    private Plan put(Plan plan, long basedOn, PlanChange change) {
        HttpRequest.Builder request = request("/plan")
                .header("If-Match", "\"" + basedOn + "\"")
                .header("Content-Type", "application/json; charset=utf-8")
                .PUT(HttpRequest.BodyPublishers.ofString(PlanFiles.toJson(plan), StandardCharsets.UTF_8));
        header(request, "X-Change-Action", change.action());
        header(request, "X-Change-Reason", change.reason());
        header(request, "X-Change-Before", change.before());
        header(request, "X-Change-After", change.after());
        String arguments = change.what() == null ? "" : PhraseJson.arguments(change.what());
        // A phrase whose arguments would be cut short is left out: the action's text still says what was done.
        if (change.what() != null && arguments.length() <= MAX_HEADER_TEXT) {
            header(request, "X-Change-Code", change.what().code());
            header(request, "X-Change-Args", arguments);
        }
        Reply reply = send(request);
        if (reply.status() == 412) {
            throw conflict(basedOn, reply);
        }
        requireOk(reply, "save the plan");
        return plan(reply.body());
    }

    private BackendConflictException conflict(long basedOn, Reply reply) {
        JsonNode body = json(reply.body());
        JsonNode current = body.path("current");
        JsonNode planNode = current.has("plan") ? current.path("plan") : current;
        Plan stored = planNode.isObject() ? plan(planNode.toString()) : null;
        long storedVersion = stored != null ? stored.version()
                : parseTag(reply.response().headers().firstValue("ETag").orElse(""));
        BackendConflictException.OtherChange other = null;
        JsonNode last = current.path("lastChange");
        if (last.isObject()) {
            Instant at;
            try {
                at = Instant.parse(last.path("at").asText());
            } catch (DateTimeParseException e) {
                at = null;
            }
            other = new BackendConflictException.OtherChange(last.path("user").asText(), last.path("action").asText(),
                    at, last.path("reason").asText(), last.path("planVersion").asLong(),
                    PhraseJson.phrase(last.path("code").asText(""), last.path("args").toString()));
        }
        String who = other == null ? "someone else" : other.user() + " (" + other.action() + ")";
        return new BackendConflictException(basedOn, storedVersion, stored, other, "the plan on the backend at "
                + base + " was changed by " + who + " since version " + basedOn + " was read; version "
                + storedVersion + " is stored there, and nothing of this save was applied");
    }

    @Override
    public List<AuditEntry> audit() {
        Reply reply = send(request("/audit").GET());
        requireOk(reply, "read the audit trail");
        JsonNode entries = json(reply.body());
        if (!entries.isArray()) {
            throw garbage("the audit trail is not a list");
        }
        List<AuditEntry> result = new ArrayList<>();
        try {
            for (JsonNode entry : entries) {
                result.add(new AuditEntry(entry.path("sequence").asLong(), Instant.parse(entry.path("at").asText()),
                        entry.path("user").asText(), entry.path("action").asText(), entry.path("before").asText(),
                        entry.path("after").asText(), entry.path("reason").asText(),
                        entry.path("planVersion").asLong(), PhraseJson.phrase(entry.path("code").asText(""),
                        entry.path("args").toString())));
            }
        } catch (DateTimeParseException e) {
            throw garbage("an audit entry has no valid time: " + e.getParsedString());
        }
        return result;
    }

    /** The plan's scenarios on the backend, shared by every planner of the plan, oldest first. */
    @Override
    public List<SavedScenario> scenarios() {
        Reply reply = send(request("/scenarios").GET());
        requireOk(reply, "list the scenarios");
        JsonNode rows = json(reply.body()).path("scenarios");
        if (!rows.isArray()) {
            throw garbage("the list of scenarios is not a list");
        }
        List<SavedScenario> result = new ArrayList<>();
        for (JsonNode row : rows) {
            long id = row.path("id").asLong(-1);
            SavedScenario known = scenariosRead.get(id);
            if (known == null || !known.name().equals(row.path("name").asText())
                    || !known.savedAt().toString().equals(row.path("savedAt").asText())) {
                Optional<SavedScenario> read = scenario(id);
                if (read.isEmpty()) {
                    continue;
                }
                known = read.get();
            }
            result.add(known);
        }
        scenariosRead.keySet().retainAll(result.stream().map(SavedScenario::id).toList());
        return result;
    }

    /** The scenario numbered {@code id}, or empty when the backend has none (deleted meanwhile). */
    public Optional<SavedScenario> scenario(long id) {
        Reply reply = send(request("/scenarios/" + id).GET());
        if (reply.status() == 404) {
            return Optional.empty();
        }
        requireOk(reply, "read the scenario " + id);
        SavedScenario scenario = scenarioFrom(json(reply.body()));
        scenariosRead.put(scenario.id(), scenario);
        return Optional.of(scenario);
    }

    /**
     * Saves {@code plan} on the backend as the new scenario {@code name}, recorded in its audit trail in the token's
     * name.
     *
     * @throws ScenarioNameTakenException when the plan has a scenario of that name on the backend already
     */
    @Override
    public SavedScenario saveScenario(String name, Plan plan, PlanChange change) {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        try {
            body.set("plan", JSON.readTree(PlanFiles.toJson(plan)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("the plan writer wrote JSON it cannot read back", impossible);
        }
        HttpRequest.Builder request = request("/scenarios")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        header(request, "X-Change-Action", change.action());
        header(request, "X-Change-Reason", change.reason());
        Reply reply = send(request);
        if (reply.status() == 409) {
            JsonNode existing = json(reply.body()).path("current");
            Instant savedAt;
            try {
                savedAt = Instant.parse(existing.path("savedAt").asText());
            } catch (DateTimeParseException e) {
                savedAt = null;
            }
            throw new ScenarioNameTakenException(name, existing.path("savedBy").asText(""), savedAt,
                    "the backend at " + base + " has a scenario named '" + name + "' already: " + serverMessage(reply));
        }
        requireOk(reply, "save the scenario " + name);
        SavedScenario saved = scenarioFrom(json(reply.body()));
        scenariosRead.put(saved.id(), saved);
        return saved;
    }

    /** Deletes the scenario {@code id} on the backend (recorded in its audit trail); false when it had none. */
    @Override
    public boolean deleteScenario(long id, PlanChange change) {
        HttpRequest.Builder request = request("/scenarios/" + id).DELETE();
        header(request, "X-Change-Action", change.action());
        header(request, "X-Change-Reason", change.reason());
        Reply reply = send(request);
        scenariosRead.remove(id);
        if (reply.status() == 404) {
            return false;
        }
        requireOk(reply, "delete the scenario " + id);
        return true;
    }

    private SavedScenario scenarioFrom(JsonNode node) {
        JsonNode planNode = node.path("plan");
        if (!planNode.isObject() || !node.path("id").canConvertToLong() || !node.path("name").isTextual()) {
            throw garbage("a scenario without its number, name or plan");
        }
        try {
            return new SavedScenario(node.path("id").asLong(), node.path("name").asText(),
                    Instant.parse(node.path("savedAt").asText()), node.path("savedBy").asText(),
                    node.path("basedOnVersion").asLong(), plan(planNode.toString()));
        } catch (DateTimeParseException e) {
            throw garbage("a scenario has no valid time: '" + e.getParsedString() + "'");
        }
    }

    /**
     * Checks the address and the token without changing anything: is a Cohort Planner backend there, does it answer
     * in time, does it accept the token, and for whom and with which roles. Never throws for what it finds.
     */
    public BackendProbe probe() {
        JsonNode health;
        try {
            Reply reply = send(request("/health").GET());
            health = reply.status() == 200 ? JSON.readTree(reply.body()) : null;
        } catch (NoAnswer slow) {
            return BackendProbe.failed(BackendProbe.Outcome.NO_ANSWER, slow.getMessage());
        } catch (StoreException unreachable) {
            return BackendProbe.failed(BackendProbe.Outcome.UNREACHABLE, unreachable.getMessage());
        } catch (JsonProcessingException notJson) {
            health = null;
        }
        if (health == null || !BACKEND_SERVICE.equals(health.path("service").asText())) {
            return BackendProbe.failed(BackendProbe.Outcome.NOT_A_BACKEND, "what answers at " + base
                    + " is not a Cohort Planner backend (no " + API + "/health of one)");
        }
        try {
            Reply reply = send(request("/session").GET());
            if (reply.status() == 401) {
                return BackendProbe.failed(BackendProbe.Outcome.BAD_TOKEN, "the backend at " + base
                        + " did not accept the token (" + serverMessage(reply) + ")");
            }
            requireOk(reply, "tell whose token this is");
            JsonNode session = json(reply.body());
            List<String> roles = new ArrayList<>();
            session.path("roles").forEach(role -> roles.add(role.asText()));
            return new BackendProbe(BackendProbe.Outcome.REACHABLE, session.path("user").asText(), roles,
                    health.path("planVersion").asLong(-1), "");
        } catch (NoAnswer slow) {
            return BackendProbe.failed(BackendProbe.Outcome.NO_ANSWER, slow.getMessage());
        } catch (StoreException failed) {
            return BackendProbe.failed(BackendProbe.Outcome.NOT_A_BACKEND, failed.getMessage());
        }
    }

    /** No answer in time: told apart from other failures so that a connection test can say "timeout". */
    private static final class NoAnswer extends StoreException {
        private static final long serialVersionUID = 1L;

        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What the backend's booking desk has done so far: per window and per minute (the last {@code minutes}). */
    public LiveCounts live(int minutes) {
        Reply reply = send(request("/live?minutes=" + minutes).GET());
        requireOk(reply, "read the live counts");
        JsonNode body = json(reply.body());
        try {
            JsonNode room = body.path("waitingRoom");
            List<LiveCounts.CohortNow> cohorts = new ArrayList<>();
            for (JsonNode c : body.path("cohorts")) {
                cohorts.add(new LiveCounts.CohortNow(c.path("id").asText(), c.path("name").asText(),
                        LocalDateTime.parse(c.path("opens").asText()), LocalDateTime.parse(c.path("closes").asText()),
                        c.path("windowOpen").asBoolean(), c.path("limit").asLong(), c.path("booked").asLong(),
                        c.path("waiting").asLong(), c.path("turnedAway").asLong(), c.path("busy").asLong(),
                        c.path("suspended").asBoolean()));
            }
            List<LiveCounts.MinuteCounts> rows = new ArrayList<>();
            for (JsonNode m : body.path("minutes")) {
                rows.add(new LiveCounts.MinuteCounts(LocalDateTime.parse(m.path("minute").asText()),
                        m.path("arrived").asLong(), m.path("admitted").asLong(), m.path("booked").asLong(),
                        m.path("turnedAway").asLong(), m.path("busy").asLong(), m.path("queueLength").asLong()));
            }
            return new LiveCounts(LocalDateTime.parse(body.path("at").asText()), body.path("zone").asText(),
                    body.path("planVersion").asLong(), new LiveCounts.WaitingRoomNow(room.path("enabled").asBoolean(),
                    room.path("admittedPerMinute").asInt(), room.path("queueLength").asLong()), cohorts, rows);
        } catch (DateTimeParseException e) {
            throw garbage("the live counts hold a time that is not one: '" + e.getParsedString() + "'");
        }
    }

    /** Nothing to release: each call is a request of its own. */
    @Override
    public void close() {
        // The HTTP client's connections close when idle; there is no session to end.
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + API + path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
    }

    private static void header(HttpRequest.Builder request, String name, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        String shortened = text.length() > MAX_HEADER_TEXT ? text.substring(0, MAX_HEADER_TEXT) + "…" : text;
        request.header(name, URLEncoder.encode(shortened, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    private record Reply(int status, String body, HttpResponse<String> response) {
    }

    /** Sends and waits at most the request timeout for the whole answer, body included. */
    private Reply send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        CompletableFuture<HttpResponse<String>> pending =
                client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        long seconds = Math.max(1, requestTimeout.toSeconds());
        try {
            HttpResponse<String> response = pending.get(requestTimeout.toMillis() + 250, TimeUnit.MILLISECONDS);
            return new Reply(response.statusCode(), response.body(), response);
        } catch (TimeoutException slow) {
            pending.cancel(true);
            throw new NoAnswer("the backend at " + base + " did not answer within " + seconds + " s", slow);
        } catch (InterruptedException interrupted) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            throw new StoreException("the call to the backend at " + base + " was interrupted");
        } catch (ExecutionException failed) {
            throw unreachable(failed.getCause() == null ? failed : failed.getCause(), seconds);
        }
    }

    private StoreException unreachable(Throwable cause, long seconds) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new NoAnswer("the backend at " + base + " could not be reached within "
                    + client.connectTimeout().map(Duration::toSeconds).orElse(seconds) + " s", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new NoAnswer("the backend at " + base + " did not answer within " + seconds + " s", cause);
        }
        if (cause instanceof ConnectException) {
            return new StoreException(Phrase.of("store.backendDown", base.toString()), cause);
        }
        if (cause instanceof SSLException) {
            return new StoreException("cannot talk securely to the backend at " + base + ": " + cause.getMessage(),
                    cause);
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        if (cause instanceof IOException) {
            return new StoreException("the connection to the backend at " + base + " failed: " + message, cause);
        }
        return new StoreException("the call to the backend at " + base + " failed: " + message, cause);
    }

    private void requireOk(Reply reply, String what) {
        if (reply.status() >= 200 && reply.status() < 300) {
            return;
        }
        String message = serverMessage(reply);
        switch (reply.status()) {
            case 401:
                throw new StoreException(Phrase.of("store.tokenRefused", base.toString(), message), null);
            case 403:
                throw new StoreException("the backend at " + base + " does not let this token " + what + ": "
                        + message);
            default:
                throw new StoreException("the backend at " + base + " could not " + what + " (HTTP " + reply.status()
                        + "): " + message);
        }
    }

    private static String serverMessage(Reply reply) {
        try {
            JsonNode body = JSON.readTree(reply.body());
            if (body != null && body.path("message").isTextual()) {
                return body.path("message").asText();
            }
        } catch (JsonProcessingException notJson) {
            // Not one of the backend's answers: a proxy's page, say. Show its start.
        }
        String text = reply.body() == null ? "" : reply.body().strip();
        return text.isEmpty() ? "no message" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }

    private Plan plan(String body) {
        try {
            return PlanFiles.fromJson(body, base);
        } catch (PlanFileException notAPlan) {
            throw garbage("it is not a plan: " + notAPlan.getMessage());
        }
    }

    private JsonNode json(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null) {
                throw garbage("the answer is empty");
            }
            return node;
        } catch (JsonProcessingException notJson) {
            String start = body == null ? "" : body.strip();
            throw garbage("it is not JSON: '" + (start.length() > 80 ? start.substring(0, 80) + "…" : start) + "'");
        }
    }

    private static long parseTag(String tag) {
        try {
            return Long.parseLong(tag.replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private StoreException garbage(String what) {
        return new StoreException("the backend at " + base + " sent an answer Cohort Planner cannot use: " + what);
    }
}
