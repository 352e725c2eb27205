package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.schedule.Schedule;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.planning.slip.SlipSuggestions;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The August 2021 case on the command line: the 6-week policy, its exceptions, and the list of people to tell. */
class IntervalCommandsTest {
    private static final Path AS_RUN = Path.of("sample-data", "korea-2021-as-run.json");

    @TempDir
    Path folder;

    /** The as-run plan as people were told before 16 August: the same plan without the 6-week policy. */
    private Path told() {
        Path told = folder.resolve("told.json");
        PlanFiles.write(PlanFiles.read(AS_RUN).withIntervalPolicies(List.of()), told);
        return told;
    }

    @Test
    void intervalsListsThePoliciesTheGroupsAndWhoseSecondDoseMovesByGroup() {
        CommandLineRun run = CommandLineRun.of("intervals", AS_RUN.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("mrna-6-weeks: Pfizer, Moderna 42 days for second doses due from 2021-08-16; "
                + "exam students 2022 28 days; school teachers 35 days"), run.out);
        assertTrue(run.out.contains("18–49 digit 3, school teachers: 2.5 % of the cohort (39,942 people) (estimate)"),
                run.out);
        assertTrue(run.out.contains("By group:\n    no named group: "), run.out);
        assertTrue(run.out.contains("    school teachers: "), run.out);
    }

    @Test
    void aPlanWithoutPoliciesSaysEveryBrandKeepsItsLabelInterval() {
        CommandLineRun run = CommandLineRun.of("intervals", "sample-data/korea-2021-initial.json");

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("No interval policies: every brand keeps its label interval."), run.out);
        assertTrue(run.out.contains("No named groups."), run.out);
    }

    @Test
    void scheduleShowsTheSecondDosesThePoliciesMoveByGroup() {
        CommandLineRun run = CommandLineRun.of("schedule", AS_RUN.toString());

        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.contains("Second doses the interval policies move from the label interval:"), run.out);
        assertTrue(run.out.contains("  By group:\n"), run.out);
    }

    @Test
    void exportListsTheGroupOfEveryRowInTheWorkbookAndTheKoreanChangeList() throws Exception {
        Path told = told();
        Path workbook = folder.resolve("changes.xlsx");
        Path list = folder.resolve("changes.csv");

        CommandLineRun run = CommandLineRun.of("export", AS_RUN.toString(), "--told", told.toString(), "--out",
                workbook.toString(), "--sheets", "dose2-changes", "--told-list", list.toString(), "--list-language",
                "ko");

        assertEquals(0, run.exitCode, run.toString());
        List<SecondDoseMove> moves = SlipSuggestions.secondDoseMoves(Schedule.of(PlanFiles.read(told)),
                Schedule.of(PlanFiles.read(AS_RUN)));
        assertFalse(moves.isEmpty());
        List<String> lines = Files.readAllLines(list, StandardCharsets.UTF_8);
        assertEquals("\uFEFF코호트,지역,인원,안내한 백신,안내한 1차 접종일,안내한 2차 접종일,변경된 백신,변경된 1차 접종일,"
                + "변경된 2차 접종일,변경 일수,지정 집단", lines.get(0));
        assertEquals(moves.size() + 1, lines.size());
        long teachers = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            assertEquals(11, cells.length, lines.get(i));
            SecondDoseMove move = moves.get(i - 1);
            assertEquals(move.group() == null ? "" : move.group(), cells[10]);
            assertEquals(Long.toString(move.people()), cells[2]);
            if (cells[10].equals("school teachers")) {
                teachers += move.people();
                // 5 weeks, or the nearest open day after it (the Chuseok holidays of 20-22 September close sites).
                long interval = java.time.temporal.ChronoUnit.DAYS.between(move.firstDoseAfter(),
                        move.secondDoseAfter());
                assertTrue(interval >= 35 && interval <= 42, lines.get(i));
            }
            if (cells[10].equals("exam students 2022")) {
                assertFalse(cells[3].equals("Moderna") && cells[6].equals("Moderna") && cells[4].equals(cells[7]),
                        "exam students keep Moderna's 4 weeks: " + lines.get(i));
            }
        }
        assertTrue(teachers > 0);
        try (XSSFWorkbook read = new XSSFWorkbook(workbook.toFile())) {
            XSSFSheet sheet = read.getSheet("Dose-2 changes");
            assertEquals("Group", sheet.getRow(0).getCell(10).getStringCellValue());
            assertEquals(moves.size(), sheet.getLastRowNum());
        }
    }
}
