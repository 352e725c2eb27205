package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PlanResourcesTest {
    private TestBackend backend;
    private Http http;

    @BeforeEach
    void start() {
        backend = new TestBackend(TestBackend.initialSample());
        http = backend.http;
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    private ObjectNode cohort(String id) {
        return (ObjectNode) http.get("/api/v1/cohorts/" + id, TestBackend.VIEWER).json();
    }

    private long planVersion() {
        return http.get("/api/v1/plan", TestBackend.VIEWER).json().path("version").asLong();
    }

    @Test
    void aWriteInAnotherContentTypeIsRefusedWith415NamingJsonAndChangesNothing() {
        Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        long before = planVersion();
        Http.Answer asText = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, read.body(),
                read.etag(), "Content-Type", "text/plain");
        assertEquals(415, asText.status());
        assertEquals("Content-Type", asText.json().path("field").asText());
        assertTrue(asText.json().path("message").asText().contains("application/json"), asText.body());
        assertTrue(asText.json().path("message").asText().contains("text/plain"), asText.body());
        Http.Answer asForm = http.send("POST", "/api/v1/bookings", null, "birthDate=1968-03-15&region=Seoul", null,
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(415, asForm.status());
        assertEquals("UNSUPPORTED_MEDIA_TYPE", asForm.json().path("reason").asText());
        assertEquals(before, planVersion());
        Http.Answer withCharset = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, read.body(),
                read.etag(), "Content-Type", "application/json; charset=utf-8");
        assertEquals(200, withCharset.status());
    }

    @Test
    void thePlanIsServedInThePlanFileFormatWithItsVersionAsEtag() {
        Http.Answer plan = http.get("/api/v1/plan", TestBackend.VIEWER);
        assertEquals(200, plan.status());
        assertEquals("\"1\"", plan.etag());
        assertEquals("Korea 2021, initial plan", PlanFiles.fromJson(plan.body()).name());
    }

    @Test
    void aCohortChangedWithItsEtagIsStoredWithAnAuditEntryInTheTokensName() {
        Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        ObjectNode cohort = (ObjectNode) read.json();
        cohort.put("uptake", 0.8);
        Http.Answer written = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, cohort.toString(),
                read.etag(), "X-Change-Reason", "Uptake%20from%20the%20survey%20%E2%80%93%20July");
        assertEquals(200, written.status(), written.body());
        assertNotEquals(read.etag(), written.etag());
        assertEquals(0.8, cohort("c50-54").path("uptake").asDouble());
        assertEquals(2, planVersion());
        JsonNode last = last(http.get("/api/v1/audit", TestBackend.VIEWER).json());
        assertEquals("kim", last.path("user").asText());
        assertEquals("Changed cohort c50-54", last.path("action").asText());
        assertEquals("Uptake from the survey – July", last.path("reason").asText());
        assertEquals(2, last.path("planVersion").asLong());
        assertEquals("audit.api.changed.cohorts", last.path("code").asText(),
                "a change the client did not word is worded by the backend as a phrase, shown in either language");
        assertEquals("[\"c50-54\"]", last.path("args").toString());
    }

    @Test
    void aChangeWordedByTheClientKeepsItsWordsAndTheBackendAddsNoPhrase() {
        Http.Answer read = http.get("/api/v1/deliveries/MOD-2021-W28", TestBackend.SUPPLY);
        ObjectNode delivery = (ObjectNode) read.json();
        delivery.put("doses", delivery.path("doses").asLong() - 1000);
        Http.Answer answer = http.send("PUT", "/api/v1/deliveries/MOD-2021-W28", TestBackend.SUPPLY,
                delivery.toString(), read.etag(), "X-Change-Action", "Cut%20by%20the%20maker");
        assertEquals(200, answer.status(), answer.body());
        JsonNode last = last(http.get("/api/v1/audit", TestBackend.VIEWER).json());
        assertEquals("Cut by the maker", last.path("action").asText());
        assertTrue(last.path("code").isMissingNode() || last.path("code").isNull(), last.toString());
    }

    @Test
    void aWriteWithoutIfMatchIsRefusedWith428AndChangesNothing() {
        ObjectNode cohort = cohort("c50-54");
        cohort.put("uptake", 0.5);
        Http.Answer answer = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, cohort.toString(), null);
        assertEquals(428, answer.status());
        assertTrue(answer.json().path("message").asText().contains("If-Match"), answer.body());
        assertEquals(1, planVersion());
        assertNotEquals(0.5, cohort("c50-54").path("uptake").asDouble());
    }

    @Test
    void theSecondPlannerEditingTheSameCohortGets412WithTheOtherChangeAndNothingIsOverwritten() {
        Http.Answer kimRead = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        Http.Answer parkRead = http.get("/api/v1/cohorts/c50-54", TestBackend.SECOND_PLANNER);
        ObjectNode kims = (ObjectNode) kimRead.json();
        kims.put("uptake", 0.9);
        assertEquals(200, http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, kims.toString(),
                kimRead.etag()).status());
        ObjectNode parks = (ObjectNode) parkRead.json();
        parks.put("eligible", 3000000);
        Http.Answer stale = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.SECOND_PLANNER, parks.toString(),
                parkRead.etag());
        assertEquals(412, stale.status());
        assertEquals(0.9, stale.json().path("current").path("uptake").asDouble(), "the other change is shown");
        assertEquals(stale.etag(), stale.json().path("currentETag").asText());
        JsonNode stored = cohort("c50-54");
        assertEquals(0.9, stored.path("uptake").asDouble());
        assertEquals(3807034, stored.path("eligible").asLong(), "park's edit was not applied");
        assertEquals(2, planVersion());
    }

    @Test
    void twoPlannersEditingDifferentCohortsBothSucceed() {
        Http.Answer first = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        Http.Answer second = http.get("/api/v1/cohorts/c55-59", TestBackend.SECOND_PLANNER);
        ObjectNode a = (ObjectNode) first.json();
        a.put("uptake", 0.81);
        ObjectNode b = (ObjectNode) second.json();
        b.put("uptake", 0.86);
        assertEquals(200, http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, a.toString(),
                first.etag()).status());
        assertEquals(200, http.send("PUT", "/api/v1/cohorts/c55-59", TestBackend.SECOND_PLANNER, b.toString(),
                second.etag()).status());
        assertEquals(0.81, cohort("c50-54").path("uptake").asDouble());
        assertEquals(0.86, cohort("c55-59").path("uptake").asDouble());
    }

    @Test
    void aStaleWholePlanSaveGets412WithTheStoredPlan() {
        Http.Answer read = http.get("/api/v1/plan", TestBackend.PLANNER);
        ObjectNode cohort = cohort("c50-54");
        cohort.put("uptake", 0.7);
        http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.SECOND_PLANNER, cohort.toString(),
                http.get("/api/v1/cohorts/c50-54", TestBackend.SECOND_PLANNER).etag());
        Http.Answer stale = http.send("PUT", "/api/v1/plan", TestBackend.PLANNER, read.body(), read.etag());
        assertEquals(412, stale.status());
        assertEquals("\"2\"", stale.etag());
        assertEquals(2, stale.json().path("current").path("plan").path("version").asLong());
        assertEquals("park", stale.json().path("current").path("lastChange").path("user").asText());
    }

    @Test
    void badJsonIsRefusedWith400SayingWhere() {
        Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        Http.Answer answer = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER,
                "{\"id\": \"c50-54\",\n \"uptake\": 0.8,,}", read.etag());
        assertEquals(400, answer.status());
        assertTrue(answer.json().path("message").asText().contains("line 2"), answer.body());
        assertEquals(1, planVersion());
    }

    @Test
    void anUnknownFieldIsRefusedWith400NamingTheField() {
        Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        ObjectNode cohort = (ObjectNode) read.json();
        cohort.put("colour", "blue");
        Http.Answer answer = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, cohort.toString(),
                read.etag());
        assertEquals(400, answer.status());
        assertEquals("colour", answer.json().path("field").asText(), answer.body());
    }

    @Test
    void anImpossibleValueIsRefusedWith400NamingTheFieldAndNothingIsHalfApplied() {
        int entries = http.get("/api/v1/audit", TestBackend.VIEWER).json().size();
        Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        ObjectNode cohort = (ObjectNode) read.json();
        cohort.put("name", "50–54 renamed");
        cohort.put("uptake", 1.5);
        Http.Answer answer = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, cohort.toString(),
                read.etag());
        assertEquals(400, answer.status());
        assertTrue(answer.json().path("message").asText().startsWith("uptake"), answer.body());
        assertEquals("50–54", cohort("c50-54").path("name").asText());
        assertEquals(entries, http.get("/api/v1/audit", TestBackend.VIEWER).json().size());
        assertEquals(1, planVersion());
    }

    @Test
    void aDeliveryReferringToAnUnknownBrandIsRefusedNamingTheField() {
        Http.Answer read = http.get("/api/v1/deliveries/MOD-2021-W28", TestBackend.SUPPLY);
        ObjectNode delivery = (ObjectNode) read.json();
        delivery.put("brand", "Sputnik");
        Http.Answer answer = http.send("PUT", "/api/v1/deliveries/MOD-2021-W28", TestBackend.SUPPLY,
                delivery.toString(), read.etag());
        assertEquals(400, answer.status());
        assertTrue(answer.json().path("message").asText().contains("Sputnik"), answer.body());
    }

    @Test
    void aSupplyOfficerRecordsASlipOnADelivery() {
        Http.Answer read = http.get("/api/v1/deliveries/MOD-2021-W28", TestBackend.SUPPLY);
        ObjectNode delivery = (ObjectNode) read.json();
        delivery.put("expectedArrival", "2021-07-26");
        delivery.put("status", "DELAYED");
        Http.Answer answer = http.send("PUT", "/api/v1/deliveries/MOD-2021-W28", TestBackend.SUPPLY,
                delivery.toString(), read.etag());
        assertEquals(200, answer.status(), answer.body());
        assertEquals("lee", last(http.get("/api/v1/audit", TestBackend.VIEWER).json()).path("user").asText());
    }

    @Test
    void addingAndRemovingASiteGroupUsesTheListsAndTheItemsEtags() {
        Http.Answer list = http.get("/api/v1/site-groups", TestBackend.PLANNER);
        String site = "{\"name\": \"Sejong pop-up\", \"region\": \"Sejong\", \"kind\": \"VACCINATION_CENTRE\", "
                + "\"dosesPerDay\": 800, \"brands\": [\"Pfizer\"], \"closedDays\": []}";
        Http.Answer created = http.send("POST", "/api/v1/site-groups", TestBackend.PLANNER, site, list.etag());
        assertEquals(201, created.status(), created.body());
        assertEquals("/api/v1/site-groups/Sejong%20pop-up", created.header("Location").orElseThrow());
        Http.Answer again = http.send("POST", "/api/v1/site-groups", TestBackend.PLANNER, site, list.etag());
        assertEquals(412, again.status(), "the list changed since it was read");
        Http.Answer removed = http.send("DELETE", "/api/v1/site-groups/Sejong%20pop-up", TestBackend.PLANNER, null,
                created.etag());
        assertEquals(204, removed.status(), removed.body());
        assertEquals(404, http.get("/api/v1/site-groups/Sejong%20pop-up", TestBackend.VIEWER).status());
    }

    @Test
    void aCohortCannotBeRenamedThroughItsAddress() {
        Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.PLANNER);
        ObjectNode cohort = (ObjectNode) read.json();
        cohort.put("id", "c50-52");
        Http.Answer answer = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.PLANNER, cohort.toString(),
                read.etag());
        assertEquals(400, answer.status());
        assertEquals("id", answer.json().path("field").asText());
    }

    @Test
    void anUnknownCohortIs404() {
        Http.Answer answer = http.get("/api/v1/cohorts/c99", TestBackend.VIEWER);
        assertEquals(404, answer.status());
        assertTrue(answer.json().path("message").asText().contains("c99"));
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
