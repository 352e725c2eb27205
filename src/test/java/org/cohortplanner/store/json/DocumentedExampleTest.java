package org.cohortplanner.store.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.cohortplanner.domain.Plan;
import org.junit.jupiter.api.Test;

/** The example in docs/plan-format.md is the first plan file people copy: it must stay readable. */
class DocumentedExampleTest {
    @Test
    void theExampleInTheFormatDocumentReadsAndRoundTrips() throws IOException {
        String document = Files.readString(Path.of("docs", "plan-format.md"));
        int start = document.indexOf("```json\n");
        assertTrue(start >= 0, "docs/plan-format.md has no ```json example");
        int end = document.indexOf("```", start + 8);
        Plan plan = PlanFiles.fromJson(document.substring(start + 8, end), "docs/plan-format.md example");
        assertEquals("Example", plan.name());
        assertEquals(1, plan.cohorts().size());
        assertEquals(plan, PlanFiles.fromJson(PlanFiles.toJson(plan)));
    }
}
