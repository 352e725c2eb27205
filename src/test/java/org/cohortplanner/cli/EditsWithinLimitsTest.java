package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** split and merge never write a plan beyond the format's limits: they refuse, say which limit, and write nothing. */
class EditsWithinLimitsTest {
    @TempDir
    Path folder;

    @Test
    void aSplitOfAPlanWithTheMostCohortsIsRefusedNamingTheLimit() throws IOException {
        Path plan = Files.writeString(folder.resolve("most.json"), LargestPlanTest.mostCohorts(),
                StandardCharsets.UTF_8);
        Path out = folder.resolve("split.json");
        CommandLineRun run = CommandLineRun.of("split", "--cohort", "born 1960 digit 3", "--at-birth-year", "1961",
                "--out", out.toString(), plan.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("cohort-planner split: the split of born 1960 digit 3 would take the plan "
                + "beyond the plan format's limits: the plan has 2,002 cohorts; a plan holds at most 2,000"),
                run.toString());
        assertEquals(1, run.err.strip().lines().count(), run.toString());
        assertEquals("", run.out);
        assertFalse(Files.exists(out));
    }

    /**
     * A cohort open for 30 days split into two one-night parts, beside four cohorts open 22 days each: 90 days of
     * booking windows. Merged back, the windows would add up to 118 days: allowed; with 23 days each, 122: refused.
     */
    private static String splitBesideLongWindows(int fillerDays) {
        StringBuilder json = new StringBuilder("{\"formatVersion\": 2, \"name\": \"Windows\", \"zone\": \"Asia/Seoul\", "
                + "\"population\": {\"1960\": 800000, \"1961\": 810000}, \"brands\": [{\"name\": \"Pfizer\", "
                + "\"dosesInCourse\": 2, \"interval\": {\"days\": 21, \"minimumDays\": 21, \"maximumDays\": 42}, "
                + "\"minimumAge\": 12, \"platform\": \"MRNA\", \"siteKinds\": [\"VACCINATION_CENTRE\"]}], "
                + "\"deliveries\": [], \"bookingSystem\": {\"peoplePerHour\": 300000, \"concurrentSessions\": 25000, "
                + "\"sessionMinutes\": 5, \"waitingRoom\": {\"enabled\": false, \"admittedPerMinute\": 0, "
                + "\"patienceMinutes\": 60, \"retryProbability\": 0.7, \"retryDelayMinutes\": 30}}, \"cohorts\": [");
        json.append(cohort("p", "60–61", 1960, 1961, "2021-06-01T20:00", "2021-07-01T20:00", null, "CLOSED"));
        json.append(", ").append(cohort("a", "61", 1960, 1960, "2021-06-01T20:00", "2021-06-02T20:00", "p", "OPEN"));
        json.append(", ").append(cohort("b", "60", 1961, 1961, "2021-06-02T20:00", "2021-06-03T20:00", "p", "OPEN"));
        for (int i = 0; i < 4; i++) {
            String opens = java.time.LocalDateTime.of(2021, 7, 1, 20, 0).plusDays(i * 25L).toString();
            String closes = java.time.LocalDateTime.parse(opens).plusDays(fillerDays).toString();
            json.append(", ").append(cohort("f" + i, "f" + i, 1930 + i, 1930 + i, opens, closes, null, "PLANNED"));
        }
        return json.append("]}").toString();
    }

    private static String cohort(String id, String name, int first, int last, String opens, String closes,
                                 String parent, String status) {
        return "{\"id\": \"" + id + "\", \"name\": \"" + name + "\", \"birthYears\": {\"first\": " + first
                + ", \"last\": " + last + "}, \"eligible\": 10000, \"uptake\": 0.8, \"window\": {\"opens\": \"" + opens
                + "\", \"closes\": \"" + closes + "\"}, \"vaccinationPeriod\": {\"firstDay\": \"2021-10-01\", "
                + "\"lastDay\": \"2021-10-10\"}, \"brands\": {\"Pfizer\": 1.0}"
                + (parent == null ? "" : ", \"parentId\": \"" + parent + "\"") + ", \"status\": \"" + status + "\"}";
    }

    @Test
    void aMergeThatWouldOpenMoreBookingDaysThanAllowedIsRefusedNamingTheLimit() throws IOException {
        Path out = folder.resolve("merged.json");
        Path within = Files.writeString(folder.resolve("within.json"), splitBesideLongWindows(22));
        CommandLineRun allowed = CommandLineRun.of("merge", "--parent", "60–61", "--out", out.toString(),
                within.toString());
        assertEquals(0, allowed.exitCode, allowed.toString());
        Files.delete(out);

        Path beyond = Files.writeString(folder.resolve("beyond.json"), splitBesideLongWindows(23));
        CommandLineRun validate = CommandLineRun.of("validate", beyond.toString());
        assertTrue(validate.exitCode < 2, "the split plan reads: " + validate);
        CommandLineRun run = CommandLineRun.of("merge", "--parent", "60–61", "--out", out.toString(),
                beyond.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.startsWith("cohort-planner merge: merging the parts of 60–61 would take the plan beyond "
                + "the plan format's limits: "), run.toString());
        assertTrue(run.err.contains("together they are at most 120 days"), run.toString());
        assertEquals("", run.out);
        assertFalse(Files.exists(out));
    }
}
