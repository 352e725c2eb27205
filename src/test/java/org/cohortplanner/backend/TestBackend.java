package org.cohortplanner.backend;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cohortplanner.backend.AccessTokens.TokenGrant;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;

/** A real backend on a loopback port over a fresh in-memory H2 database, with one token per role. */
final class TestBackend implements AutoCloseable {
    static final String PLANNER = "planner-token-7f3a";
    static final String SECOND_PLANNER = "planner-token-91bc";
    static final String SUPPLY = "supply-token-c2d8";
    static final String VIEWER = "viewer-token-0e55";
    static final AccessTokens TOKENS = AccessTokens.of(List.of(
            new TokenGrant("kim", Set.of(Role.PLANNER), PLANNER),
            new TokenGrant("park", Set.of(Role.PLANNER), SECOND_PLANNER),
            new TokenGrant("lee", Set.of(Role.SUPPLY), SUPPLY),
            new TokenGrant("choi", Set.of(Role.VIEWER), VIEWER)));

    final MutableClock clock = new MutableClock(LocalDateTime.of(2021, 7, 19, 20, 5));
    final BackendServer server;
    final Http http;

    TestBackend(Plan seed) {
        this(config("jdbc:h2:mem:backend-" + UUID.randomUUID(), seed));
    }

    TestBackend(BackendConfig config) {
        this.server = BackendServer.start(config.withClock(clock));
        this.http = new Http(server.url());
    }

    static BackendConfig config(String url, Plan seed) {
        return BackendConfig.loopback(url, TOKENS, seed);
    }

    static Plan initialSample() {
        return PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
    }

    @Override
    public void close() {
        server.close();
    }
}
