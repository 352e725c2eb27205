package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.PhraseFormat;
import org.cohortplanner.store.PlanConflictException;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.h2.JdbcPlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The same store tests on H2 and on a real PostgreSQL, through the same migrations. */
class JdbcPlanStoreContractTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2021-07-19T11:05:00.123456Z"), ZoneOffset.UTC);

    static Stream<String> databases() {
        return Stream.of("h2", "postgresql");
    }

    private static JdbcPlanStore open(String database) {
        String url = database.equals("h2") ? "jdbc:h2:mem:contract-" + UUID.randomUUID()
                : PostgresDatabase.freshDatabaseUrl();
        return JdbcPlanStore.open(url, database.equals("h2") ? "sa" : "postgres", "", CLOCK);
    }

    private static Plan sample(String name) {
        return PlanFiles.read(Path.of("sample-data", name));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void bothSamplePlansAreStoredAndReadBackEqual(String database) {
        try (JdbcPlanStore store = open(database)) {
            assertTrue(store.load().isEmpty());
            for (String name : List.of("korea-2021-initial.json", "korea-2021-as-run.json")) {
                Plan plan = sample(name);
                Plan stored = store.replace(plan, PlanChange.of("kim", "Opened " + name));
                assertEquals(plan.withVersion(stored.version()), store.load().orElseThrow(), name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aSaveOnAnOlderVersionIsAConflictCarryingTheStoredPlanAndChangesNothing(String database) {
        try (JdbcPlanStore store = open(database)) {
            Plan first = store.replace(sample("korea-2021-initial.json"), PlanChange.of("kim", "Opened"));
            store.save(first.withDescription("Kim's"), PlanChange.of("kim", "Described"));
            PlanConflictException conflict = assertThrows(PlanConflictException.class,
                    () -> store.save(first.withDescription("Park's"), PlanChange.of("park", "Described")));
            assertEquals(2, conflict.storedVersion());
            assertEquals("Kim's", conflict.storedPlan().orElseThrow().description());
            assertEquals("Kim's", store.load().orElseThrow().description());
            assertEquals(2, store.audit().size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAuditTrailKeepsUserActionReasonAndTimeToTheMicrosecond(String database) {
        try (JdbcPlanStore store = open(database)) {
            store.replace(sample("korea-2021-initial.json"), new PlanChange("kim", "Split cohort 50–54 at 1969",
                    "50–54", "50–52, 53–54", "pool above 1.9 M"));
            AuditEntry entry = store.audit().get(0);
            assertEquals("kim", entry.user());
            assertEquals("Split cohort 50–54 at 1969", entry.action());
            assertEquals("pool above 1.9 M", entry.reason());
            assertEquals(Instant.parse("2021-07-19T11:05:00.123456Z"), entry.at());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theAuditKeepsAnActionsPhraseBesideItsTextAndEntriesWithoutOneHaveNone(String database) {
        Phrase what = Phrase.of("audit.cohort.splitAtYear", "50–54", "1969", "50–52, 53–54");
        try (JdbcPlanStore store = open(database)) {
            Plan first = store.replace(sample("korea-2021-initial.json"), PlanChange.of("kim", "Opened"));
            store.save(first.withDescription("split"), new PlanChange("kim", "코호트 50–54를 1969년생 기준으로 분할: "
                    + "50–52, 53–54", "", "", "").withWhat(what));
            List<AuditEntry> audit = store.audit();
            assertEquals(null, audit.get(0).what());
            assertEquals(what, audit.get(1).what());
            assertEquals("Split cohort 50–54 at 1969 into 50–52, 53–54", PhraseFormat.english(audit.get(1).what()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aNameTooLongToStoreLeavesTheStoredPlanIntact(String database) {
        try (JdbcPlanStore store = open(database)) {
            Plan plan = store.replace(sample("korea-2021-initial.json"), PlanChange.of("kim", "Opened"));
            Plan tooLong = plan.withName("x".repeat(500));
            StoreException refused = assertThrows(StoreException.class,
                    () -> store.save(tooLong, PlanChange.of("kim", "Renamed")));
            // The store now refuses it with the plan format's own limit and the field's place in the plan.
            assertTrue(refused.getMessage().contains("name: the text is 500 characters long"), refused.getMessage());
            assertEquals(plan, store.load().orElseThrow());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theBackendBooksOnEitherDatabase(String database) {
        String url = database.equals("h2") ? "jdbc:h2:mem:booking-" + UUID.randomUUID()
                : PostgresDatabase.freshDatabaseUrl();
        BackendConfig config = new BackendConfig(BackendConfig.LOOPBACK, 0, url,
                database.equals("h2") ? "sa" : "postgres", "", TestBackend.TOKENS, null, null, CLOCK,
                BookingPlans.smallNight(), PersonKey.random());
        try (TestBackend backend = new TestBackend(config)) {
            Http.Answer booked = backend.http.send("POST", "/api/v1/bookings", null,
                    "{\"personId\": \"P-1\", \"birthDate\": \"1968-03-15\", \"region\": \"Seoul\"}", null);
            assertEquals(201, booked.status(), booked.body());
            assertEquals(1, backend.http.get("/api/v1/live", TestBackend.VIEWER).json().path("cohorts").get(0)
                    .path("booked").asLong());
        }
    }
}
