package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command that reads a plan refuses one beyond the format's limits before doing any work: the reader's line,
 * word for word the same as validate's, exit 2, nothing on standard output and no file written. A command added to
 * the command line without a case here fails the test.
 */
class EveryCommandRefusesBeyondLimitsTest {
    /** Commands that read no plan file. */
    private static final Set<String> WITHOUT_A_PLAN = Set.of("loadtest");

    @TempDir
    Path folder;

    @Test
    void everyCommandRefusesAPlanBeyondTheLimitsWithValidatesLineAndExitTwo() throws IOException {
        String sample = Files.readString(Path.of("sample-data", "korea-2021-initial.json"), StandardCharsets.UTF_8);
        // One cohort more than a plan may hold: the sample's cohorts, then copies of the first under new ids.
        int first = sample.indexOf("\"cohorts\": [") + "\"cohorts\": [".length();
        int end = sample.indexOf("\n    }", first) + "\n    }".length();
        String cohort = sample.substring(first, end);
        StringBuilder copies = new StringBuilder();
        for (int i = 0; i < org.cohortplanner.domain.PlanLimits.COHORTS; i++) {
            copies.append(cohort.replaceFirst("\"id\": \"[^\"]+\"", "\"id\": \"copy" + i + "\"")).append(',');
        }
        Path plan = Files.writeString(folder.resolve("beyond.json"), sample.substring(0, first) + copies
                + sample.substring(first), StandardCharsets.UTF_8);
        Path out = folder.resolve("out");
        String file = plan.toString();
        Map<String, String[]> runs = new LinkedHashMap<>();
        runs.put("validate", new String[] {"validate", file});
        runs.put("split", new String[] {"split", "--cohort", "50–54", "--equal", "2", "--out", out + ".json", file});
        runs.put("merge", new String[] {"merge", "--parent", "50–54", "--out", out + ".json", file});
        runs.put("schedule", new String[] {"schedule", "--json", file});
        runs.put("slip", new String[] {"slip", "--delivery", "MOD-2021-W27", "--to", "2021-08-01", "--apply", "1",
            "--out", out + ".json", file});
        runs.put("simulate", new String[] {"simulate", file});
        runs.put("compare", new String[] {"compare", file, "sample-data/korea-2021-initial.json"});
        runs.put("brief", new String[] {"brief", "--out", out.toString(), file});
        runs.put("advise", new String[] {"advise", "--cohort", "50–54", "--p95-wait", "30", file});
        runs.put("intervals", new String[] {"intervals", file});
        runs.put("calibrate", new String[] {"calibrate", "--window", "55–59", "--observed",
            "sample-data/observed/korea-2021-initial.12-july.json", "--out", out + ".json", file});
        runs.put("export", new String[] {"export", "--out", out + ".xlsx", "--per-region", out.toString(), file});
        runs.put("serve", new String[] {"serve", "--port", "0", "--db", "jdbc:h2:" + folder.resolve("db")
            + ";WRITE_DELAY=0", "--seed", file});

        Set<String> commands = new TreeSet<>(CohortPlannerCommand.commandLine(options -> { }).getSubcommands()
                .keySet());
        commands.removeAll(WITHOUT_A_PLAN);
        assertEquals(commands, new TreeSet<>(runs.keySet()), "every command that reads a plan is tried");

        CommandLineRun validate = CommandLineRun.of(runs.get("validate"));
        assertEquals(2, validate.exitCode, validate.toString());
        String line = validate.err.strip();
        assertTrue(line.startsWith(file + ":"), line);
        assertTrue(line.contains("cohorts: the plan has 2,0"), line);
        assertTrue(line.endsWith("a plan holds at most 2,000 (the plan format's limits)"), line);
        for (Map.Entry<String, String[]> run : runs.entrySet()) {
            CommandLineRun result = CommandLineRun.of(run.getValue());
            assertEquals(2, result.exitCode, run.getKey() + ": " + result);
            assertEquals(line, result.err.strip(), run.getKey() + " says what validate says: " + result);
            assertEquals("", result.out, run.getKey() + " does no work: " + result);
            assertFalse(Files.exists(out) || Files.exists(Path.of(out + ".json")) || Files.exists(Path.of(out
                    + ".xlsx")), run.getKey() + " writes nothing");
        }
    }
}
