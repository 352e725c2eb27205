package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.ScenarioNameTakenException;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.store.remote.RemotePlanStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/scenarios}: saved as, listed, read and deleted, by role, with the errors a client acts on. */
class ScenarioResourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIST = "/api/v1/scenarios";

    private TestBackend backend;
    private Plan sample;

    @BeforeEach
    void start() {
        sample = TestBackend.initialSample();
        backend = new TestBackend(sample);
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private String body(String name, Plan plan) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", name);
        body.set("plan", JSON.readTree(PlanFiles.toJson(plan)));
        return body.toString();
    }

    private Http.Answer post(String token, String body) {
        return backend.http.send("POST", LIST, token, body, null);
    }

    @Test
    void aPlannerSavesAScenarioThatEveryRoleReadsBackAndThePlannerDeletes() throws Exception {
        Plan variant = sample.withDescription("split 50–54 in two nights");
        Http.Answer saved = backend.http.send("POST", LIST, TestBackend.PLANNER, body("split 50–54", variant), null,
                "X-Change-Reason", "for%20the%20commissioner");
        assertEquals(201, saved.status(), saved.body());
        long id = saved.json().path("id").asLong();
        assertEquals(LIST + "/" + id, saved.header("Location").orElseThrow());
        assertEquals("kim", saved.json().path("savedBy").asText());
        assertEquals(1, saved.json().path("basedOnVersion").asLong());

        for (String token : List.of(TestBackend.PLANNER, TestBackend.SECOND_PLANNER, TestBackend.VIEWER,
                TestBackend.SUPPLY)) {
            Http.Answer list = backend.http.get(LIST, token);
            assertEquals(200, list.status(), list.body());
            JsonNode row = list.json().path("scenarios").get(0);
            assertEquals("split 50–54", row.path("name").asText());
            assertEquals(sample.cohorts().size(), row.path("cohorts").asInt());
            assertFalse(row.has("plan"), "the list names the scenarios; each is read by its address");
            Http.Answer one = backend.http.get(LIST + "/" + id, token);
            assertEquals(200, one.status());
            assertEquals(variant.withVersion(0), PlanFiles.fromJson(one.json().path("plan").toString())
                    .withVersion(0), "the scenario's plan comes back as it was saved");
        }
        AuditEntry audited = last();
        assertEquals("kim", audited.user());
        assertEquals("Saved scenario split 50–54", audited.action());
        assertEquals("for the commissioner", audited.reason());

        assertEquals(403, backend.http.send("DELETE", LIST + "/" + id, TestBackend.VIEWER, null, null).status());
        assertEquals(204, backend.http.send("DELETE", LIST + "/" + id, TestBackend.SECOND_PLANNER, null, null)
                .status());
        assertEquals("park", last().user());
        assertEquals("Deleted scenario split 50–54", last().action());
        assertEquals(404, backend.http.get(LIST + "/" + id, TestBackend.VIEWER).status());
        assertEquals(404, backend.http.send("DELETE", LIST + "/" + id, TestBackend.PLANNER, null, null).status());
        assertEquals(0, backend.http.get(LIST, TestBackend.VIEWER).json().path("scenarios").size());
    }

    private AuditEntry last() {
        List<AuditEntry> audit = backend.server.plans().audit();
        return audit.get(audit.size() - 1);
    }

    @Test
    void onlyPlannersSaveAndEveryoneNeedsAToken() throws Exception {
        for (String token : List.of(TestBackend.VIEWER, TestBackend.SUPPLY)) {
            Http.Answer refused = post(token, body("by a viewer", sample));
            assertEquals(403, refused.status(), refused.body());
            assertEquals("FORBIDDEN", refused.json().path("reason").asText());
            assertTrue(refused.json().path("message").asText().contains("needs the planner role"), refused.body());
        }
        assertEquals(401, backend.http.get(LIST, null).status());
        assertEquals(401, post(null, body("anonymous", sample)).status());
        assertEquals(0, backend.http.get(LIST, TestBackend.PLANNER).json().path("scenarios").size());
    }

    @Test
    void aTakenNameIsAConflictAndNothingIsReplaced() throws Exception {
        assertEquals(201, post(TestBackend.PLANNER, body("more capacity", sample.withDescription("kim's")))
                .status());
        Http.Answer taken = post(TestBackend.SECOND_PLANNER, body("more capacity", sample.withDescription("park's")));
        assertEquals(409, taken.status(), taken.body());
        assertEquals("name", taken.json().path("field").asText());
        assertEquals("EXISTS", taken.json().path("reason").asText());
        assertEquals("kim", taken.json().path("current").path("savedBy").asText());
        long id = backend.http.get(LIST, TestBackend.VIEWER).json().path("scenarios").get(0).path("id").asLong();
        assertEquals("kim's", backend.http.get(LIST + "/" + id, TestBackend.VIEWER).json().path("plan")
                .path("description").asText());
    }

    @Test
    void aBadSaveIsRefusedNamingTheField() throws Exception {
        ObjectNode noName = (ObjectNode) JSON.readTree(body("x", sample));
        noName.remove("name");
        assertField(post(TestBackend.PLANNER, noName.toString()), 400, "name");
        assertField(post(TestBackend.PLANNER, body("   ", sample)), 400, "name");
        assertField(post(TestBackend.PLANNER, body("x".repeat(201), sample)), 400, "name");
        assertField(post(TestBackend.PLANNER, "{\"name\":\"no plan\"}"), 400, "plan");
        ObjectNode badPlan = (ObjectNode) JSON.readTree(body("bad", sample));
        ((ObjectNode) badPlan.path("plan").path("cohorts").get(0)).put("uptake", 7.5);
        Http.Answer invalid = post(TestBackend.PLANNER, badPlan.toString());
        assertEquals(400, invalid.status(), invalid.body());
        assertTrue(invalid.json().path("field").asText().startsWith("plan.cohorts[0]"), invalid.body());
        assertEquals(400, post(TestBackend.PLANNER, "{not json").status());
        Http.Answer form = backend.http.send("POST", LIST, TestBackend.PLANNER, "name=x", null,
                "Content-Type", "application/x-www-form-urlencoded");
        assertField(form, 415, "Content-Type");
        assertEquals(404, backend.http.get(LIST + "/99", TestBackend.PLANNER).status());
        assertEquals(404, backend.http.get(LIST + "/first", TestBackend.PLANNER).status());
        assertEquals(0, backend.http.get(LIST, TestBackend.PLANNER).json().path("scenarios").size(),
                "nothing refused was kept");
    }

    private static void assertField(Http.Answer answer, int status, String field) {
        assertEquals(status, answer.status(), answer.body());
        assertEquals(field, answer.json().path("field").asText(), answer.body());
    }

    @Test
    void twoConsolesSeeEachOthersScenarios() {
        RemotePlanStore kim = new RemotePlanStore(URI.create(backend.server.url()), TestBackend.PLANNER);
        RemotePlanStore park = new RemotePlanStore(URI.create(backend.server.url()), TestBackend.SECOND_PLANNER);
        Plan plan = kim.load().orElseThrow();
        SavedScenario kims = kim.saveScenario("split 50–54", plan.withDescription("split"),
                new PlanChange("kim", "Saved scenario split 50–54", "", "split 50–54", ""));
        park.saveScenario("add capacity", plan.withDescription("capacity"),
                new PlanChange("park", "Saved scenario add capacity", "", "add capacity", ""));
        assertEquals(List.of("split 50–54", "add capacity"), park.scenarios().stream().map(SavedScenario::name)
                .toList());
        assertEquals(List.of("split 50–54", "add capacity"), kim.scenarios().stream().map(SavedScenario::name)
                .toList());
        assertEquals("split", park.scenarios().get(0).plan().description());
        assertEquals("kim", park.scenarios().get(0).savedBy());

        ScenarioNameTakenException taken = assertThrows(ScenarioNameTakenException.class, () -> park.saveScenario(
                "split 50–54", plan, new PlanChange("park", "Saved scenario split 50–54", "", "", "")));
        assertEquals("kim", taken.savedBy());
        assertEquals("split 50–54", taken.name());

        assertTrue(park.deleteScenario(kims.id(), new PlanChange("park", "Deleted scenario split 50–54", "", "", "")));
        assertFalse(kim.deleteScenario(kims.id(), new PlanChange("kim", "Deleted scenario split 50–54", "", "", "")));
        assertEquals(List.of("add capacity"), kim.scenarios().stream().map(SavedScenario::name).toList());
    }

    @Test
    void severalPlannersSavingListingAndDeletingAtOnceLoseNothing() throws Exception {
        int planners = 4;
        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(planners + 1);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int p = 0; p < planners; p++) {
                int planner = p;
                work.add(pool.submit(() -> {
                    RemotePlanStore store = new RemotePlanStore(URI.create(backend.server.url()),
                            planner % 2 == 0 ? TestBackend.PLANNER : TestBackend.SECOND_PLANNER,
                            Duration.ofSeconds(5), Duration.ofSeconds(30), null);
                    for (int i = 0; i < each; i++) {
                        String name = "planner " + planner + " variant " + i;
                        SavedScenario saved = store.saveScenario(name, sample.withDescription("variant " + i),
                                PlanChange.of("x", "Saved scenario " + name));
                        store.scenarios();
                        if (i % 3 == 2) {
                            assertTrue(store.deleteScenario(saved.id(), PlanChange.of("x", "Deleted scenario " + name)));
                        }
                    }
                    return null;
                }));
            }
            work.add(pool.submit(() -> {
                RemotePlanStore store = new RemotePlanStore(URI.create(backend.server.url()), TestBackend.PLANNER,
                        Duration.ofSeconds(5), Duration.ofSeconds(30), null);
                Plan plan = store.load().orElseThrow();
                for (int i = 0; i < each; i++) {
                    plan = store.save(plan.withDescription("edit " + i), PlanChange.of("kim", "Edited"));
                }
                return null;
            }));
            for (Future<?> done : work) {
                done.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode rows = backend.http.get(LIST, TestBackend.VIEWER).json().path("scenarios");
        assertEquals(planners * (each - each / 3), rows.size(), rows.toString());
        List<String> names = new ArrayList<>();
        rows.forEach(row -> names.add(row.path("name").asText()));
        assertEquals(names.size(), names.stream().distinct().count());
        assertEquals(1 + each, backend.server.plans().snapshot().version(), "every plan save was kept");
        long audited = backend.server.plans().audit().stream().filter(e -> e.action().startsWith("Saved scenario")
                || e.action().startsWith("Deleted scenario")).count();
        assertEquals(planners * each + planners * (each / 3), audited);
    }
}
