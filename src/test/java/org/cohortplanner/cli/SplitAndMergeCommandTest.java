package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SplitAndMergeCommandTest {
    private static final String PLAN = """
            {
              "formatVersion": 1,
              "name": "Korea 50s",
              "description": "Two cohorts of the July 2021 campaign.",
              "zone": "Asia/Seoul",
              "version": 0,
              "settings": {"reserveSecondDose": true, "noShowRate": 0.02},
              "population": {"1967": 780000, "1968": 760000, "1969": 752000, "1970": 770000, "1971": 745034},
              "regions": [],
              "holidays": [{"date": "2021-07-21", "name": "made-up holiday"}],
              "brands": [
                {"name": "Moderna", "dosesInCourse": 2,
                 "interval": {"days": 28, "minimumDays": 28, "maximumDays": 42},
                 "minimumAge": 18, "platform": "MRNA", "siteKinds": ["VACCINATION_CENTRE", "CLINIC"]}
              ],
              "deliveries": [],
              "sites": [],
              "bookingSystem": {
                "peoplePerHour": 300000, "concurrentSessions": 25000, "sessionMinutes": 5, "accessMultiplier": 6.7,
                "capacityChanges": [],
                "waitingRoom": {"enabled": true, "admittedPerMinute": 5000, "order": "FIFO", "patienceMinutes": 60,
                                "retryProbability": 0.7, "retryDelayMinutes": 30}
              },
              "cohorts": [
                {"id": "c50-54", "name": "50–54", "birthYears": {"first": 1967, "last": 1971}, "birthDayDigits": [],
                 "eligible": 3807034, "uptake": 0.82,
                 "window": {"opens": "2021-07-19T20:00", "closes": "2021-07-20T18:00"},
                 "vaccinationPeriod": {"firstDay": "2021-08-16", "lastDay": "2021-08-25"},
                 "brands": {"Moderna": 1.0}, "parentId": null, "status": "PLANNED"}
              ]
            }
            """;

    @TempDir
    Path folder;

    private Path planFile;
    private Path newFile;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void writePlan() throws IOException {
        planFile = folder.resolve("plan.json");
        newFile = folder.resolve("new.json");
        Files.writeString(planFile, PLAN, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = CohortPlannerCommand.commandLine(options -> {
            throw new AssertionError("the console must not open");
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    @Test
    void splitAtABirthYearWritesThePartsAndPrintsThem() {
        int exit = run("split", planFile.toString(), "--cohort", "50–54", "--at-birth-year", "1969",
                "--out", newFile.toString());

        assertEquals(0, exit, err.toString());
        Plan split = PlanFiles.read(newFile);
        Cohort older = split.cohortNamed("53–54").orElseThrow();
        Cohort younger = split.cohortNamed("50–52").orElseThrow();
        assertEquals(BirthCohortRange.of(1967, 1968), older.birthYears());
        assertEquals(BirthCohortRange.of(1969, 1971), younger.birthYears());
        assertEquals(3_807_034, older.eligible() + younger.eligible());
        assertEquals(Math.round(3_807_034 * 1_540_000.0 / 3_807_034), older.eligible());
        assertEquals(LocalDateTime.of(2021, 7, 20, 20, 0), younger.window().opens());
        assertEquals("c50-54", younger.parentId());
        assertEquals(CohortStatus.CLOSED, split.cohortNamed("50–54").orElseThrow().status());
        String printed = out.toString();
        assertTrue(printed.contains("53–54"), printed);
        assertTrue(printed.matches("(?s).*50–52 +1969–1971 +2267034 +2021-07-20 20:00 → 2021-07-21 18:00.*"),
                printed);
        assertTrue(printed.contains("Wrote " + newFile), printed);
    }

    @Test
    void splitByBirthDayDigitPassesOverTheHolidayAndPrintsEveryDigit() {
        int exit = run("split", planFile.toString(), "--cohort", "50–54", "--by-birth-day-digit", "10",
                "--out", newFile.toString());

        assertEquals(0, exit, err.toString());
        Plan split = PlanFiles.read(newFile);
        Cohort digitTwo = split.cohortNamed("50–54 digit 2").orElseThrow();
        assertEquals(Set.of(2), digitTwo.birthDayDigits());
        assertEquals(LocalDateTime.of(2021, 7, 22, 20, 0), digitTwo.window().opens());
        assertEquals(3_807_034, split.cohorts().stream().filter(c -> c.parentId() != null)
                .mapToLong(Cohort::eligible).sum());
        for (int digit = 0; digit <= 9; digit++) {
            assertTrue(out.toString().contains("1967–1971, digit " + digit), out.toString());
        }
    }

    @Test
    void splitIntoEqualPartsThenMergeGivesBackTheOriginalPlan() {
        assertEquals(0, run("split", planFile.toString(), "--cohort", "50–54", "--equal", "3",
                "--out", newFile.toString()), err.toString());
        assertEquals(4, PlanFiles.read(newFile).cohorts().size());

        Path merged = folder.resolve("merged.json");
        assertEquals(0, run("merge", newFile.toString(), "--parent", "50–54", "--out", merged.toString()),
                err.toString());
        assertEquals(PlanFiles.read(planFile), PlanFiles.read(merged));
        assertTrue(out.toString().contains("Merged 3 parts back into 50–54"), out.toString());
        assertTrue(out.toString().contains("1967–1971"), out.toString());
    }

    @Test
    void aCohortThatDoesNotExistExitsTwoNamingIt() {
        assertEquals(2, run("split", planFile.toString(), "--cohort", "60–64", "--equal", "2",
                "--out", newFile.toString()));
        assertTrue(err.toString().contains("no cohort named '60–64'"), err.toString());
        assertTrue(err.toString().contains("'50–54'"), err.toString());
        assertFalse(Files.exists(newFile));
        assertEquals(2, run("merge", planFile.toString(), "--parent", "60–64", "--out", newFile.toString()));
        assertTrue(err.toString().contains("no cohort named '60–64'"), err.toString());
    }

    @Test
    void splitsThatMakeNoSenseExitTwoWithAClearMessage() {
        List<List<String>> nonsense = List.of(List.of("--at-birth-year", "1967"), List.of("--at-birth-year", "1990"),
                List.of("--by-birth-day-digit", "11"), List.of("--by-birth-day-digit", "1"),
                List.of("--equal", "6"), List.of("--equal", "0"));
        for (List<String> how : nonsense) {
            int exit = run("split", planFile.toString(), "--cohort", "50–54", how.get(0), how.get(1),
                    "--out", newFile.toString());
            assertEquals(2, exit, how.toString());
            assertTrue(err.toString().startsWith("split: "), err.toString());
            assertFalse(err.toString().contains("Exception"), err.toString());
            assertFalse(Files.exists(newFile), how.toString());
        }
        run("split", planFile.toString(), "--cohort", "50–54", "--at-birth-year", "1990", "--out",
                newFile.toString());
        assertTrue(err.toString().contains("1968–1971"), err.toString());
    }

    @Test
    void mergingACohortWithoutPartsExitsTwo() {
        assertEquals(2, run("merge", planFile.toString(), "--parent", "50–54", "--out", newFile.toString()));
        assertTrue(err.toString().contains("has no parts"), err.toString());
    }

    @Test
    void anUnreadablePlanExitsTwoWithoutAStackTrace() throws IOException {
        Files.writeString(planFile, "{\"formatVersion\": 1, ", StandardCharsets.UTF_8);
        assertEquals(2, run("split", planFile.toString(), "--cohort", "50–54", "--equal", "2",
                "--out", newFile.toString()));
        assertTrue(err.toString().contains("plan.json"), err.toString());
        assertFalse(err.toString().contains("\tat "), err.toString());
        assertEquals(2, run("merge", folder.resolve("missing.json").toString(), "--parent", "50–54",
                "--out", newFile.toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void exactlyOneKindOfSplitMustBeGiven() {
        assertEquals(2, run("split", planFile.toString(), "--cohort", "50–54", "--out", newFile.toString()));
        assertEquals(2, run("split", planFile.toString(), "--cohort", "50–54", "--equal", "2",
                "--at-birth-year", "1969", "--out", newFile.toString()));
    }

    @Test
    void helpExplainsWhichPartTheBoundaryYearStarts() {
        assertEquals(0, run("split", "--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("Y is the first birth year of the younger part"), help);
        assertTrue(help.contains("at 1969 gives 53–54 (born 1967–1968) and 50–52 (born 1969–1971)"), help);
        assertTrue(out.toString().contains("--by-birth-day-digit=K"), out.toString());
    }
}
