package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTest {
    private TestBackend backend;
    private Http http;

    @TempDir
    Path folder;

    @BeforeEach
    void start() {
        backend = new TestBackend(TestBackend.initialSample());
        http = backend.http;
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void withoutATokenThePlanIs401() {
        Http.Answer answer = http.get("/api/v1/plan", null);
        assertEquals(401, answer.status());
        assertEquals("Bearer realm=\"cohort-planner\"", answer.header("WWW-Authenticate").orElseThrow());
    }

    @Test
    void anUnknownTokenIs401() {
        assertEquals(401, http.get("/api/v1/audit", "not-a-token").status());
        assertEquals(401, http.get("/api/v1/live", "not-a-token").status());
    }

    @Test
    void aViewerReadsButMayNotWrite() {
        Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.VIEWER);
        assertEquals(200, read.status());
        Http.Answer write = http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.VIEWER, read.body(), read.etag());
        assertEquals(403, write.status());
        assertTrue(write.json().path("message").asText().contains("planner role"), write.body());
    }

    @Test
    void aSupplyOfficerMayNotEditACohortNorAPlannerADelivery() {
        Http.Answer cohort = http.get("/api/v1/cohorts/c50-54", TestBackend.SUPPLY);
        ObjectNode changed = (ObjectNode) cohort.json();
        changed.put("uptake", 0.5);
        assertEquals(403, http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.SUPPLY, changed.toString(),
                cohort.etag()).status());
        Http.Answer delivery = http.get("/api/v1/deliveries/MOD-2021-W28", TestBackend.PLANNER);
        ObjectNode slip = (ObjectNode) delivery.json();
        slip.put("doses", 1);
        Http.Answer refused = http.send("PUT", "/api/v1/deliveries/MOD-2021-W28", TestBackend.PLANNER,
                slip.toString(), delivery.etag());
        assertEquals(403, refused.status());
        assertTrue(refused.json().path("message").asText().contains("supply role"), refused.body());
    }

    @Test
    void aWholePlanSaveIsAllowedWhenItChangesOnlyWhatTheRoleOwns() {
        Http.Answer plan = http.get("/api/v1/plan", TestBackend.SUPPLY);
        String slipped = plan.body().replace("\"expectedArrival\": \"2021-07-15\"", "\"expectedArrival\": \"2021-07-26\"");
        assertFalse(slipped.equals(plan.body()));
        assertEquals(200, http.send("PUT", "/api/v1/plan", TestBackend.SUPPLY, slipped, plan.etag()).status());
        Http.Answer again = http.get("/api/v1/plan", TestBackend.SUPPLY);
        String renamed = again.body().replace("\"name\": \"50–54\"", "\"name\": \"Fifties\"");
        assertEquals(403, http.send("PUT", "/api/v1/plan", TestBackend.SUPPLY, renamed, again.etag()).status());
    }

    @Test
    void citizensBookAndTheHealthCheckAnswersWithoutAToken() {
        assertEquals(200, http.get("/api/v1/health", null).status());
        Http.Answer booking = http.send("POST", "/api/v1/bookings", null,
                "{\"personId\": \"P-1\", \"birthDate\": \"1968-03-15\", \"region\": \"Seoul\"}", null);
        assertTrue(booking.status() == 201 || booking.status() == 202 || booking.status() == 409, booking.body());
    }

    @Test
    void tokensNeverReachTheLog() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            http.get("/api/v1/plan", TestBackend.PLANNER);
            http.get("/api/v1/plan", "wrong-token-5d1e");
            Http.Answer read = http.get("/api/v1/cohorts/c50-54", TestBackend.VIEWER);
            http.send("PUT", "/api/v1/cohorts/c50-54", TestBackend.VIEWER, read.body(), read.etag());
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("GET /api/v1/plan -> 200 kim"), log);
        assertTrue(log.contains("GET /api/v1/plan -> 401"), log);
        assertTrue(log.contains("PUT /api/v1/cohorts/c50-54 -> 403 choi"), log);
        for (String token : Set.of(TestBackend.PLANNER, TestBackend.VIEWER, "wrong-token-5d1e")) {
            assertFalse(log.contains(token), "the log shows a token");
        }
    }

    @Test
    void theTokensFileHoldsHashesAndRolesAndRefusesPlainTokens() throws Exception {
        Path file = folder.resolve("tokens");
        Files.writeString(file, "# user roles hash\nkim planner " + AccessTokens.hashLine("s3cret") + "\n"
                + "lee supply,viewer " + AccessTokens.hashLine("other") + "\n");
        AccessTokens tokens = AccessTokens.read(file);
        assertEquals("kim", tokens.caller("s3cret").orElseThrow().user());
        assertEquals(Set.of(Role.SUPPLY, Role.VIEWER), tokens.caller("other").orElseThrow().roles());
        assertTrue(tokens.caller("guess").isEmpty());
        Files.writeString(file, "kim planner s3cret\n");
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class, () -> AccessTokens.read(file));
        assertTrue(plain.getMessage().contains(file + ":1"), plain.getMessage());
        Files.writeString(file, "kim admin " + AccessTokens.hashLine("s3cret") + "\n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccessTokens.read(file)).getMessage()
                .contains("unknown role 'admin'"));
    }
}
