package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.BookingSystem;
import org.cohortplanner.domain.BookingWindow;
import org.cohortplanner.domain.BrandAllocation;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.DoseInterval;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanSettings;
import org.cohortplanner.domain.Platform;
import org.cohortplanner.domain.PopulationTable;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.domain.SiteKind;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path folder;

    private static Cohort cohort(String id, String name, int firstYear, int lastYear, LocalDateTime opens,
                                 LocalDateTime closes) {
        return new Cohort(id, name, BirthCohortRange.of(firstYear, lastYear), Set.of(), 3_500_000, 0.85,
                new BookingWindow(opens, closes),
                new VaccinationPeriod(LocalDate.of(2021, 7, 26), LocalDate.of(2021, 8, 7)),
                BrandAllocation.single("Moderna"), null, CohortStatus.OPEN);
    }

    private static Plan plan(List<Integer> populationYears, Cohort... cohorts) {
        TreeMap<Integer, Long> people = new TreeMap<>();
        populationYears.forEach(year -> people.put(year, 712_000L));
        BookingSystem system = new BookingSystem(300_000, 25_000, 5, 6.7, List.of(),
                new WaitingRoom(true, 5000, QueueOrder.FIFO, 60, 0.7, 30));
        VaccineBrand moderna = new VaccineBrand("Moderna", 2, new DoseInterval(28, 28, 42), 18, Platform.MRNA,
                Set.of(SiteKind.VACCINATION_CENTRE));
        return new Plan("Validate", "", ZoneId.of("Asia/Seoul"), List.of(cohorts), List.of(moderna), List.of(),
                List.of(), system, List.of(), List.of(), new PopulationTable(people), PlanSettings.DEFAULT, 0);
    }

    private Path write(Plan plan) {
        Path file = folder.resolve("plan.json");
        PlanFiles.write(plan, file);
        return file;
    }

    @Test
    void aPlanWithoutProblemsExitsWithZero() {
        Path file = write(plan(List.of(1962, 1963), cohort("c55-59", "55–59", 1962, 1963,
                LocalDateTime.of(2021, 7, 14, 20, 0), LocalDateTime.of(2021, 7, 24, 18, 0))));
        CommandLineRun run = CommandLineRun.of("validate", file.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(file + ": 1 cohort checked, 0 errors, 0 warnings\n", run.out);
        assertEquals("", run.err);
    }

    @Test
    void warningsArePrintedButStillExitWithZero() {
        Path file = write(plan(List.of(1961, 1962, 1963), cohort("c55-59", "55–59", 1962, 1963,
                LocalDateTime.of(2021, 7, 14, 20, 0), LocalDateTime.of(2021, 7, 24, 18, 0))));
        CommandLineRun run = CommandLineRun.of("validate", file.toString());
        assertEquals(0, run.exitCode, run.toString());
        assertEquals("WARNING plan (birthYears): no cohort includes people born 1961, who are in the population "
                + "table\n" + file + ": 1 cohort checked, 0 errors, 1 warning\n", run.out);
    }

    @Test
    void aPlanWithErrorsPrintsEachOnALineAndExitsWithOne() {
        Path file = write(plan(List.of(1962, 1963),
                cohort("c55-59", "55–59", 1962, 1963, LocalDateTime.of(2021, 7, 14, 20, 0),
                        LocalDateTime.of(2021, 7, 12, 0, 0)),
                cohort("c55-59-again", "55–59 again", 1962, 1963, LocalDateTime.of(2021, 7, 12, 0, 0),
                        LocalDateTime.of(2021, 7, 13, 0, 0)).withEligible(0)));
        CommandLineRun run = CommandLineRun.of("validate", file.toString());
        assertEquals(1, run.exitCode, run.toString());
        List<String> lines = run.out.lines().toList();
        assertEquals(List.of(
                "ERROR   cohort 55–59 (window): closes 2021-07-12 00:00 before it opens 2021-07-14 20:00",
                "ERROR   cohort 55–59 again (eligible): has 0 eligible people; a cohort needs more than 0",
                file + ": 2 cohorts checked, 2 errors, 0 warnings"), lines);
        assertEquals("", run.err);
    }

    @Test
    void aFileThatCannotBeParsedExitsWithTwoAndSaysWhereOnStandardError() throws IOException {
        Path file = folder.resolve("broken.json");
        String json = PlanFiles.toJson(plan(List.of(1962), cohort("c55-59", "55–59", 1962, 1962,
                LocalDateTime.of(2021, 7, 14, 20, 0), LocalDateTime.of(2021, 7, 24, 18, 0))));
        Files.writeString(file, json.replace("\"eligible\": 3500000", "\"eligible\": -3"));
        CommandLineRun run = CommandLineRun.of("validate", file.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertEquals("", run.out);
        assertTrue(run.err.startsWith(file + ":"), run.toString());
        assertTrue(run.err.contains("cohorts[0]: eligible people of 55–59 must not be negative, got -3"),
                run.toString());
        assertFalse(run.err.contains("Exception"), run.toString());
        assertFalse(run.err.contains("\tat "), run.toString());
        assertEquals(1, run.err.lines().count(), run.toString());
    }

    @Test
    void aCutOffFileExitsWithTwo() throws IOException {
        Path file = folder.resolve("cut.json");
        String json = PlanFiles.toJson(plan(List.of(1962)));
        Files.writeString(file, json.substring(0, json.length() / 2));
        CommandLineRun run = CommandLineRun.of("validate", file.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("the file ends before"), run.toString());
    }

    @Test
    void aMissingFileExitsWithTwo() {
        Path file = folder.resolve("nowhere.json");
        CommandLineRun run = CommandLineRun.of("validate", file.toString());
        assertEquals(2, run.exitCode, run.toString());
        assertEquals(file + ": no such file\n", run.err.replace("\r\n", "\n"));
    }

    @TestFactory
    Stream<DynamicTest> everySamplePlanValidatesWithoutErrors() throws IOException {
        Path samples = Path.of("sample-data");
        if (!Files.isDirectory(samples)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(samples)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        CommandLineRun run = CommandLineRun.of("validate", file.toString());
                        assertEquals(0, run.exitCode, run.toString());
                        assertFalse(run.out.contains("ERROR"), run.toString());
                    }));
        }
    }
}
