package org.cohortplanner.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request refused before its body is read (here a viewer saving a scenario with a whole plan in it) leaves the body
 * on the connection; the backend reads and drops the rest of it, so the refusal itself reaches the client (a socket
 * closed with unread bytes is reset, which can discard the answer) and the client's next request on the same
 * connection is answered.
 */
class RefusedBodyTest {
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

    @Test
    void aRefusalBeforeTheBodyIsReadIsReceivedAndTheNextRequestOnTheConnectionIsAnswered() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectNode body = json.createObjectNode();
        body.put("name", "by a viewer");
        body.set("plan", json.readTree(PlanFiles.toJson(sample)));
        for (int i = 0; i < 20; i++) {
            Http.Answer refused = backend.http.send("POST", "/api/v1/scenarios", TestBackend.VIEWER,
                    body.toString(), null);
            assertEquals(403, refused.status(), refused.response().body());
            assertEquals(Optional.empty(), refused.response().headers().firstValue("Connection"),
                    "a body within the drain limit keeps the connection");
            assertEquals(200, backend.http.get("/api/v1/scenarios", TestBackend.VIEWER).status());
        }
    }
}
