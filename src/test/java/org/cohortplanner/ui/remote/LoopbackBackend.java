package org.cohortplanner.ui.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.cohortplanner.backend.AccessTokens;
import org.cohortplanner.backend.AccessTokens.TokenGrant;
import org.cohortplanner.backend.BackendConfig;
import org.cohortplanner.backend.BackendServer;
import org.cohortplanner.backend.Role;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.store.remote.RemotePlanStore;

/** The real booking backend on a loopback port, with two planners and a viewer, and a plain HTTP client. */
final class LoopbackBackend implements AutoCloseable {
    static final String KIM = "kim-planner-token-31a9";
    static final String PARK = "park-planner-token-77c0";
    static final String CHOI = "choi-viewer-token-5d12";
    static final AccessTokens TOKENS = AccessTokens.of(List.of(
            new TokenGrant("kim", Set.of(Role.PLANNER), KIM),
            new TokenGrant("park", Set.of(Role.PLANNER), PARK),
            new TokenGrant("choi", Set.of(Role.VIEWER), CHOI)));

    final BackendServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LoopbackBackend(String databaseUrl, int port, Plan seed) {
        server = BackendServer.start(BackendConfig.loopback(databaseUrl, TOKENS, seed).withPort(port));
    }

    static Plan sample() {
        return PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
    }

    String url() {
        return server.url();
    }

    /** A store as the console opens it, with short waits so that a dead backend is found quickly. */
    static RemotePlanStore open(URI url, String token) {
        return new RemotePlanStore(url, token, Duration.ofSeconds(1), Duration.ofSeconds(2), null);
    }

    /** Another planner's edit, made straight over HTTP: read the plan, change it, PUT it back with If-Match. */
    Plan editAs(String token, String action, java.util.function.UnaryOperator<Plan> edit) throws Exception {
        HttpResponse<String> read = http.send(request(token, "/plan").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Plan current = PlanFiles.fromJson(read.body());
        Plan edited = edit.apply(current);
        HttpResponse<String> written = http.send(request(token, "/plan")
                .header("If-Match", read.headers().firstValue("ETag").orElseThrow())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Change-Action", action.replace(" ", "%20"))
                .PUT(HttpRequest.BodyPublishers.ofString(PlanFiles.toJson(edited), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (written.statusCode() != 200) {
            throw new AssertionError("the other planner's edit was refused: " + written.body());
        }
        return PlanFiles.fromJson(written.body());
    }

    Plan stored(String token) throws Exception {
        return PlanFiles.fromJson(http.send(request(token, "/plan").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(url() + "/api/v1" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    @Override
    public void close() {
        server.close();
    }
}
