package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.export.ExportFixtures;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
    @TempDir
    Path folder;

    private Path planFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writePlan() {
        planFile = folder.resolve("plan.json");
        PlanFiles.write(ExportFixtures.plan(), planFile);
    }

    private int run(String... args) {
        CommandLine commandLine = CohortPlannerCommand.commandLine(options -> {
            throw new AssertionError("the console must not open");
        });
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("export"));
        all.addAll(List.of(args));
        return commandLine.execute(all.toArray(String[]::new));
    }

    @Test
    void exportsThePlansScheduleToAWorkbook() throws Exception {
        Path target = folder.resolve("plan.xlsx");

        int exit = run(planFile.toString(), "--out", target.toString());

        assertEquals(0, exit, err.toString());
        assertTrue(out.toString().startsWith("Wrote " + target), out.toString());
        int scheduleRows = Schedule.of(PlanFiles.read(planFile)).rows().size();
        assertTrue(scheduleRows > 100, "the fixture plan has a real schedule: " + scheduleRows);
        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertEquals(List.of("Cohorts", "Schedule", "Demand vs capacity", "Deliveries", "Allocation rules",
                    "Regional stock"), sheetNames(workbook));
            XSSFSheet schedule = workbook.getSheet("Schedule");
            assertEquals(scheduleRows, schedule.getLastRowNum());
            assertEquals(ExportFixtures.INJECTED_NAME,
                    workbook.getSheet("Cohorts").getRow(3).getCell(0).getStringCellValue());
        }
    }

    @Test
    void writesOnlyTheSheetsAsked() throws Exception {
        Path target = folder.resolve("some.xlsx");

        assertEquals(0, run(planFile.toString(), "--out", target.toString(), "--sheets", "deliveries,cohorts"));

        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertEquals(List.of("Cohorts", "Deliveries"), sheetNames(workbook));
        }
    }

    @Test
    void exportsTheSamplePlanWithSimulatedBookingNights() throws Exception {
        Path sample = Path.of("sample-data", "korea-2021-as-run.json");
        Path target = folder.resolve("as-run.xlsx");

        assertEquals(0, run(sample.toString(), "--out", target.toString(), "--sheets",
                "cohorts,schedule,capacity,deliveries,simulation"), err.toString());

        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertEquals(List.of("Cohorts", "Schedule", "Demand vs capacity", "Deliveries", "Simulation"),
                    sheetNames(workbook));
            XSSFSheet nights = workbook.getSheet("Simulation");
            assertTrue(nights.getLastRowNum() >= 1, "a row per booking window");
            assertTrue(nights.getRow(1).getCell(6).getNumericCellValue() > 0, "people booked on the first night");
        }
    }

    @Test
    void listsSecondDoseChangesAgainstThePlanPeopleWereTold() throws Exception {
        Path told = Path.of("sample-data", "korea-2021-initial.json");
        Path now = Path.of("sample-data", "korea-2021-as-run.json");
        Path target = folder.resolve("changes.xlsx");

        assertEquals(0, run(now.toString(), "--told", told.toString(), "--out", target.toString()), err.toString());

        try (XSSFWorkbook workbook = new XSSFWorkbook(target.toFile())) {
            assertEquals(List.of("Cohorts", "Schedule", "Demand vs capacity", "Deliveries", "Allocation rules",
                    "Regional stock", "Dose-2 changes"), sheetNames(workbook));
            XSSFSheet changes = workbook.getSheet("Dose-2 changes");
            assertTrue(changes.getLastRowNum() > 0, "the as-run plan moved second doses");
            assertTrue(changes.getRow(1).getCell(2).getNumericCellValue() > 0, "people to tell");
        }
    }

    @Test
    void dose2ChangesNeedThePlanPeopleWereTold() {
        assertEquals(2, run(planFile.toString(), "--out", folder.resolve("x.xlsx").toString(), "--sheets",
                "dose2-changes"));
        assertTrue(err.toString().contains("needs --told TOLD.json"), err.toString());
        assertFalse(Files.exists(folder.resolve("x.xlsx")));
    }

    @Test
    void writesAWorkbookPerRegion() throws Exception {
        Path provinces = folder.resolve("provinces");

        assertEquals(0, run(planFile.toString(), "--per-region", provinces.toString()), err.toString());

        try (Stream<Path> files = Files.list(provinces)) {
            assertEquals(17, files.filter(file -> file.toString().endsWith(".xlsx")).count());
        }
        assertTrue(out.toString().contains("Wrote 17 regional workbooks"), out.toString());
    }

    @Test
    void refusesToReplaceAnExistingFileWithoutForce() throws Exception {
        Path target = Files.writeString(folder.resolve("existing.xlsx"), "old");

        assertEquals(2, run(planFile.toString(), "--out", target.toString()));
        assertTrue(err.toString().contains("already exists; add --force to replace it"), err.toString());
        assertEquals("old", Files.readString(target));

        assertEquals(0, run(planFile.toString(), "--out", target.toString(), "--force"), err.toString());
        assertTrue(Files.size(target) > 1_000, "replaced by a workbook");
    }

    @Test
    void exitsWithTwoAndAMessageWhenTheOutputCannotBeWritten() {
        assertEquals(2, run(planFile.toString(), "--out", folder.resolve("missing").resolve("x.xlsx").toString()));
        assertTrue(err.toString().contains("does not exist"), err.toString());
        assertEquals(2, run(planFile.toString(), "--out", folder.toString()));
        assertTrue(err.toString().contains("is a folder"), err.toString());
        assertEquals(2, run(planFile.toString(), "--out", "/proc/plan.xlsx"));
        assertTrue(err.toString().contains("cannot write /proc/plan.xlsx"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace: " + err);
    }

    @Test
    void exitsWithTwoAndAMessageWhenThePlanCannotBeRead() throws Exception {
        Path broken = Files.writeString(folder.resolve("broken.json"), "{ \"name\": ");

        assertEquals(2, run(broken.toString(), "--out", folder.resolve("x.xlsx").toString()));
        assertTrue(err.toString().startsWith(broken + ":"), err.toString());
        assertEquals(2, run(folder.resolve("none.json").toString(), "--out", folder.resolve("x.xlsx").toString()));
        assertTrue(err.toString().contains("no such file"), err.toString());
        assertFalse(Files.exists(folder.resolve("x.xlsx")));
    }

    @Test
    void exitsWithTwoOnUnknownSheetsOrNoOutput() {
        assertEquals(2, run(planFile.toString(), "--out", folder.resolve("x.xlsx").toString(), "--sheets", "charts"));
        assertTrue(err.toString().contains("unknown sheet 'charts'"), err.toString());
        assertEquals(2, run(planFile.toString()));
        assertTrue(err.toString().contains("give --out FILE.xlsx, --per-region DIR, or both"), err.toString());
    }

    private static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(sheet -> names.add(sheet.getSheetName()));
        return names;
    }

    @Test
    void removesThePartFilesThatAKilledExportLeftBehind() throws Exception {
        Path target = folder.resolve("plan.xlsx");
        Path stale = Files.createFile(folder.resolve(".plan.xlsx.k1ll3d.part"));
        Path other = Files.createFile(folder.resolve(".other.xlsx.k1ll3d.part"));

        assertEquals(0, run(planFile.toString(), "--out", target.toString()), err.toString());

        assertFalse(Files.exists(stale), "the stale .part file of this workbook is removed");
        assertTrue(Files.exists(other), "another workbook's file is left alone");
        assertTrue(Files.exists(target));
    }

    @Test
    void refusesRegionsThatWouldShareAFileBeforeWritingAnything() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode plan = json.readTree(planFile.toFile());
        String first = plan.get("regions").get(0).get("name").asText();
        String second = plan.get("regions").get(1).get("name").asText();
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan.get("regions").get(0)).put("name", "North/East");
        ((com.fasterxml.jackson.databind.node.ObjectNode) plan.get("regions").get(1)).put("name", "North:East");
        for (com.fasterxml.jackson.databind.JsonNode site : plan.get("sites")) {
            String region = site.get("region").asText();
            if (region.equals(first) || region.equals(second)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) site).put("region", region.equals(first)
                        ? "North/East" : "North:East");
            }
        }
        json.writeValue(planFile.toFile(), plan);
        Path target = folder.resolve("main.xlsx");

        assertEquals(2, run(planFile.toString(), "--out", target.toString(), "--per-region",
                folder.resolve("provinces").toString()), err.toString());

        assertTrue(err.toString().contains("regions North/East and North:East would both be written to"),
                err.toString());
        assertFalse(Files.exists(target), "nothing is written");
        assertFalse(Files.exists(folder.resolve("provinces")), "nothing is written");
    }
}
