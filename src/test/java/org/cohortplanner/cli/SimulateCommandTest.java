package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulateCommandTest {
    private static final String AS_RUN = "sample-data/korea-2021-as-run.json";
    private static final String INITIAL = "sample-data/korea-2021-initial.json";

    @Test
    void simulatesOneWindowAsText() {
        CommandLineRun run = CommandLineRun.of("simulate", AS_RUN, "--window", "53–54");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("Window 53–54 (c53-54): opens 2021-07-19 20:00"), run.out);
        assertTrue(run.out.contains("50,000 from 2021-07-19 22:00"), run.out);
        assertTrue(run.out.contains("Waits until getting through: p50"), run.out);
        assertTrue(run.out.contains("Suspended: no"), run.out);
        assertFalse(run.out.contains("Window 50–52"), "only the window asked for");
    }

    @Test
    void printsDocumentedJsonThatRepeatsForTheSameSeed() {
        CommandLineRun run = CommandLineRun.of("simulate", INITIAL, "--window", "55–59", "--seed", "4", "--json");
        assertEquals(0, run.exitCode, run.toString());
        String json = run.out.strip();
        assertTrue(json.startsWith("{\"plan\":\"Korea 2021, initial plan\",\"seed\":4,\"windows\":[{\"window\":\"55–59\""),
                json.substring(0, Math.min(200, json.length())));
        for (String field : new String[] {"\"parameters\":", "\"waits\":", "\"p95Minutes\":", "\"bookedBy\":",
            "\"suspension\":{\"suspended\":", "\"perMinute\":{\"arrivals\":[", "\"positionEstimates\":",
            "\"outages\":[", "\"overload\":{\"concurrentRequests\":300000",
            "\"turnedAway\":", "\"bookingLimit\":1850000"}) {
            assertTrue(json.contains(field), field);
        }
        assertEquals(json, CommandLineRun.of("simulate", INITIAL, "--window", "55–59", "--seed", "4", "--json")
                .out.strip());
    }

    @Test
    void anUnknownWindowIsExitTwoWithTheWindowsThePlanHas() {
        CommandLineRun run = CommandLineRun.of("simulate", INITIAL, "--window", "60–64");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("no booking window named '60–64'"), run.err);
        assertTrue(run.err.contains("'50–54'"), run.err);
        assertEquals("", run.out);
    }

    @Test
    void aMissingPlanFileIsExitTwoWithoutAStackTrace() {
        CommandLineRun run = CommandLineRun.of("simulate", "no-such-plan.json");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.startsWith("no-such-plan.json: "), run.err);
        assertTrue(run.err.contains("no-such-plan.json"), run.err);
        assertFalse(run.err.contains("at org."), run.err);
    }

    @Test
    void advisesASplitOfTheInitialFifties() {
        CommandLineRun run = CommandLineRun.of("advise", INITIAL, "--cohort", "50–54", "--p95-wait", "15");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("Proposal: 2 parts"), run.out);
        assertTrue(run.out.contains("Why fewer parts do not do:"), run.out);
        assertTrue(run.out.contains("as it is (1 night): 50–54: p95 wait"), run.out);
    }

    @Test
    void adviceAsJsonListsEveryCandidateTried() {
        CommandLineRun run = CommandLineRun.of("advise", INITIAL, "--cohort", "50–54", "--p95-wait", "15",
                "--json");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("{\"cohort\":\"50–54\",\"cohortId\":\"c50-54\",\"targets\":"), run.out);
        assertTrue(run.out.contains("\"tried\":[{\"split\":\"NONE\",\"parts\":1,\"meetsTargets\":false"), run.out);
    }

    @Test
    void adviceOnAnUnknownCohortIsExitTwo() {
        CommandLineRun run = CommandLineRun.of("advise", INITIAL, "--cohort", "60–64", "--p95-wait", "30");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("no cohort named '60–64'"), run.err);
    }

    @Test
    void adviceOnACohortAlreadySplitIsExitTwo() {
        CommandLineRun run = CommandLineRun.of("advise", AS_RUN, "--cohort", "50–54", "--p95-wait", "30");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("already split"), run.err);
    }
}
