package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.PhraseFormat;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.remote.BackendConflictException;
import org.cohortplanner.store.remote.LiveCounts;
import org.cohortplanner.store.remote.RemotePlanStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's remote store against the real backend, and against backends that misbehave. */
class RemotePlanStoreTest {
    private static final Duration SHORT = Duration.ofSeconds(1);

    private TestBackend backend;

    @BeforeEach
    void start() {
        backend = new TestBackend(TestBackend.initialSample());
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private RemotePlanStore store(String token) {
        return new RemotePlanStore(URI.create(backend.server.url()), token);
    }

    @Test
    void theRemoteStoreLoadsAndSavesThePlanWithVersionsAndAudit() {
        RemotePlanStore kim = store(TestBackend.PLANNER);
        assertEquals(backend.server.url(), kim.location());
        Plan loaded = kim.load().orElseThrow();
        assertEquals(1, loaded.version());
        Plan saved = kim.save(loaded.withDescription("Reviewed – July"), new PlanChange("ignored", "Edited the "
                + "description of 50–54", "", "", "before the 19 July night"));
        assertEquals(2, saved.version());
        assertEquals("Reviewed – July", kim.load().orElseThrow().description());
        AuditEntry last = kim.audit().get(kim.audit().size() - 1);
        assertEquals("kim", last.user(), "the backend records the token's user, not the client's claim");
        assertEquals("Edited the description of 50–54", last.action());
        assertEquals("before the 19 July night", last.reason());
    }

    @Test
    void anActionSavedAsAPhraseComesBackFromTheBackendAsThatPhraseBesideItsText() {
        RemotePlanStore kim = store(TestBackend.PLANNER);
        Plan loaded = kim.load().orElseThrow();
        Phrase what = Phrase.of("audit.delivery.delayedWithSuggestion", "MOD-2021-W28",
                Phrase.of("slip.regional.transfer", new Phrase.Count(26_936), "Moderna", new Phrase.Region("Seoul"),
                        new Phrase.Region("Daegu"), LocalDate.of(2021, 7, 27), LocalDate.of(2021, 7, 28)));
        kim.save(loaded.withDescription("delayed"), new PlanChange("kim", "MOD-2021-W28 입고 지연 기록", "", "", "")
                .withWhat(what));

        AuditEntry last = kim.audit().get(kim.audit().size() - 1);
        assertEquals("MOD-2021-W28 입고 지연 기록", last.action(), "the text as written on the console");
        assertEquals(PhraseFormat.english(what), PhraseFormat.english(last.what()));
        assertEquals("Recorded a delay of delivery MOD-2021-W28 and accepted: 26936 doses of Moderna from Seoul to "
                + "Daegu, shipped 2021-07-27, usable 2021-07-28", PhraseFormat.english(last.what()));
        kim.save(kim.load().orElseThrow().withDescription("again"), PlanChange.of("kim", "text only"));
        assertEquals(null, kim.audit().get(kim.audit().size() - 1).what());
    }

    @Test
    void theSecondSaveOnTheSameVersionIsAConflictCarryingTheOtherChange() {
        RemotePlanStore kim = store(TestBackend.PLANNER);
        RemotePlanStore park = store(TestBackend.SECOND_PLANNER);
        Plan kimsCopy = kim.load().orElseThrow();
        Plan parksCopy = park.load().orElseThrow();
        kim.save(kimsCopy.withDescription("Kim's"), PlanChange.of("kim", "Kim's description")
                .withWhat(Phrase.of("audit.plan.opened")));
        BackendConflictException conflict = assertThrows(BackendConflictException.class,
                () -> park.save(parksCopy.withDescription("Park's"), PlanChange.of("park", "Park's description")));
        assertEquals(1, conflict.expectedVersion());
        assertEquals(2, conflict.storedVersion());
        assertEquals("Kim's", conflict.storedPlan().orElseThrow().description());
        assertEquals("kim", conflict.otherChange().orElseThrow().user());
        assertEquals("Kim's description", conflict.otherChange().orElseThrow().action());
        assertEquals("audit.plan.opened", conflict.otherChange().orElseThrow().what().code(),
                "the other change comes with its phrase, for the dialog to say it in the console's language");
        assertTrue(conflict.getMessage().contains("changed by kim"), conflict.getMessage());
        assertEquals("Kim's", park.load().orElseThrow().description(), "nothing was overwritten");
    }

    @Test
    void replaceSavesOverWhateverVersionIsStored() {
        RemotePlanStore kim = store(TestBackend.PLANNER);
        Plan plan = kim.load().orElseThrow();
        kim.save(plan.withDescription("one"), PlanChange.of("kim", "one"));
        Plan replaced = kim.replace(plan.withDescription("opened from a file"), PlanChange.of("kim", "Opened"));
        assertEquals(3, replaced.version());
    }

    @Test
    void aTokenTheBackendRefusesIsAClearMessage() {
        StoreException refused = assertThrows(StoreException.class, () -> store("wrong").load());
        assertTrue(refused.getMessage().contains("did not accept the token"), refused.getMessage());
        StoreException forbidden = assertThrows(StoreException.class, () -> {
            RemotePlanStore viewer = store(TestBackend.VIEWER);
            viewer.save(viewer.load().orElseThrow().withDescription("x"), PlanChange.of("choi", "x"));
        });
        assertTrue(forbidden.getMessage().contains("planner role"), forbidden.getMessage());
    }

    @Test
    void liveCountsArriveAsRecords() {
        backend.http.send("POST", "/api/v1/bookings", null, "{\"personId\": \"P-1\", "
                + "\"birthDate\": \"1968-03-15\", \"region\": \"Seoul\"}", null);
        LiveCounts live = store(TestBackend.VIEWER).live(60);
        assertEquals("Asia/Seoul", live.zone());
        LiveCounts.CohortNow fifties = live.cohorts().stream().filter(c -> c.id().equals("c50-54")).findFirst()
                .orElseThrow();
        assertTrue(fifties.windowOpen());
        assertEquals(1, fifties.booked());
        assertEquals(1, live.minutes().get(live.minutes().size() - 1).booked());
    }

    @Test
    void aBackendThatDoesNotAnswerTimesOutWithAClearMessage() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            RemotePlanStore store = new RemotePlanStore(URI.create("http://127.0.0.1:" + silent.getLocalPort()),
                    "t", SHORT, SHORT, null);
            StoreException slow = assertThrows(StoreException.class, store::load);
            assertEquals("the backend at http://127.0.0.1:" + silent.getLocalPort() + " did not answer within 1 s",
                    slow.getMessage());
        }
    }

    @Test
    void aBackendThatIsNotRunningIsAClearMessage() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        RemotePlanStore store = new RemotePlanStore(URI.create("http://127.0.0.1:" + port), "t", SHORT, SHORT, null);
        StoreException down = assertThrows(StoreException.class, store::load);
        assertTrue(down.getMessage().startsWith("cannot reach the backend at http://127.0.0.1:" + port),
                down.getMessage());
    }

    @Test
    void aGarbageAnswerIsAClearMessage() throws IOException {
        HttpServer garbage = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        garbage.createContext("/", exchange -> {
            byte[] body = "<html>Welcome to nginx</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        garbage.start();
        try {
            RemotePlanStore store = new RemotePlanStore(URI.create("http://127.0.0.1:"
                    + garbage.getAddress().getPort()), "t", SHORT, SHORT, null);
            StoreException load = assertThrows(StoreException.class, store::load);
            assertTrue(load.getMessage().contains("sent an answer Cohort Planner cannot use"), load.getMessage());
            StoreException audit = assertThrows(StoreException.class, store::audit);
            assertTrue(audit.getMessage().contains("it is not JSON: '<html>Welcome to nginx</html>'"),
                    audit.getMessage());
        } finally {
            garbage.stop(0);
        }
    }

    @Test
    void anAddressThatIsNotABackendIsRefusedAtOnce() {
        StoreException wrong = assertThrows(StoreException.class,
                () -> new RemotePlanStore(URI.create("ftp://example"), "t"));
        assertTrue(wrong.getMessage().contains("is not a backend address"));
    }
}
