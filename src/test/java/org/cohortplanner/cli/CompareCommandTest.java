package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CompareCommandTest {
    private static final String AS_RUN = "sample-data/korea-2021-as-run.json";
    private static final String INITIAL = "sample-data/korea-2021-initial.json";

    @Test
    void printsBothPlansFiguresSideBySideAndWhatDiffers() {
        CommandLineRun run = CommandLineRun.of("compare", INITIAL, AS_RUN);
        assertEquals(0, run.exitCode, run.toString());
        String header = run.out.lines().findFirst().orElseThrow();
        assertTrue(header.contains("Korea 2021, initial plan") && header.indexOf("Korea 2021, initial plan")
                < header.indexOf("Korea 2021, as run"), header);
        assertTrue(run.out.contains("Eligible people"), run.out);
        assertTrue(run.out.contains("23,541,034"), "the initial plan's eligible people");
        assertTrue(run.out.contains("Worst p95 wait"), run.out);
        assertTrue(run.out.contains("Short in Seoul"), run.out);
        assertTrue(run.out.contains("From Korea 2021, initial plan to Korea 2021, as run: 41 differences"), run.out);
        assertTrue(run.out.contains("delivery MOD-2021-W32, doses: 1800000 → 810000"), run.out);
        assertTrue(run.out.contains("added delivery MOD-2021-W32-REST: brand=Moderna; doses=990000"), run.out);
        assertTrue(run.out.contains("delivery MOD-2021-W28, expectedArrival: 2021-07-15 → 2021-07-30"), run.out);
        assertTrue(run.out.contains("added cohort 53–54 (c53-54)"), run.out);
    }

    @Test
    void printsTheDocumentedJson() {
        CommandLineRun run = CommandLineRun.of("compare", INITIAL, INITIAL, "--json");
        assertEquals(0, run.exitCode, run.toString());
        String json = run.out.strip();
        assertTrue(json.startsWith("{\"plans\":[{\"file\":\"" + INITIAL + "\",\"name\":\"Korea 2021, initial plan\","
                + "\"eligible\":23541034,"), json.substring(0, 200));
        for (String field : new String[] {"\"expectedBookings\":", "\"dosesNeeded\":", "\"brandWeeks\":[{\"brand\":",
            "\"regions\":[{\"region\":\"Seoul\"", "\"nights\":[{\"date\":\"2021-07-12\",\"cohort\":\"c55-59\"",
            "\"p95Minutes\":", "\"suspended\":[", "\"problems\":[", "\"differences\":[{\"from\":"}) {
            assertTrue(json.contains(field), field);
        }
        assertTrue(json.endsWith("\"changes\":[]}]}"), "a plan against itself has no changes");
    }

    @Test
    void oneFileAloneIsAUsageError() {
        CommandLineRun run = CommandLineRun.of("compare", INITIAL);
        assertEquals(2, run.exitCode, run.toString());
    }
}
