package org.cohortplanner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens an exported workbook in a real spreadsheet program: LibreOffice converts every sheet to CSV as the cells
 * are shown, which proves the file opens and that numbers, percentages and dates carry their formats. Skipped when
 * LibreOffice is not installed.
 */
class WorkbookInLibreOfficeTest {
    /** Comma, double quote, UTF-8, cells as shown, every sheet to its own file. */
    private static final String CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,"
            + "false,-1";

    @TempDir
    Path folder;

    @Test
    void libreOfficeShowsTheExportedValuesWithTheirFormats() throws Exception {
        Optional<Path> office = findOnPath("libreoffice").or(() -> findOnPath("soffice"));
        assumeTrue(office.isPresent(), "LibreOffice is not installed (libreoffice-calc); skipping the check of the "
                + "export in a real spreadsheet program");
        Path workbook = new PlanWorkbook().export(ExportFixtures.content(500), WorkbookSheet.all(),
                folder.resolve("plan.xlsx"), WorkbookWriteOptions.in(ExportFixtures.SEOUL));

        Process process = new ProcessBuilder(office.get().toString(), "--headless",
                "-env:UserInstallation=" + folder.resolve("profile").toUri(), "--convert-to", CSV_FILTER,
                "--outdir", folder.resolve("csv").toString(), workbook.toString())
                .redirectErrorStream(true).redirectOutput(folder.resolve("office.log").toFile()).start();
        assertTrue(process.waitFor(3, TimeUnit.MINUTES), "LibreOffice finished");
        String log = Files.readString(folder.resolve("office.log"));

        List<String> cohorts = csv("plan-Cohorts.csv", log);
        assertEquals("Cohort,Birth years,Ages,Birth-day digits,People,Uptake,Expected bookings,Booking opens,"
                + "Booking closes,Vaccination from,Vaccination to,Brand,Status,Split from", cohorts.get(0));
        assertEquals("55–59세,1962–1966,55–59,all,\"3,524,000\",86.0%,\"3,030,640\",2021-07-14 20:00,"
                + "2021-07-24 18:00,2021-07-26,2021-08-07,\"Pfizer 40.0%, Moderna 60.0%\",open,", cohorts.get(1));
        assertTrue(cohorts.get(3).startsWith("\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",1969–1971"),
                "the injected name is shown as typed, not as a link: " + cohorts.get(3));

        List<String> deliveries = csv("plan-Deliveries.csv", log);
        assertEquals("M-0721,Moderna,\"2,000,000\",2021-07-19,2021-07-26,7,delayed,"
                + "품질 검사 지연 (quality inspection)", deliveries.get(2));

        List<String> schedule = csv("plan-Schedule.csv", log);
        assertEquals(501, schedule.size());
        assertTrue(schedule.get(1).startsWith("2021-07-26,서울특별시,55–59세,Pfizer,1,\"1,000\",\"12,000\","),
                schedule.get(1));

        List<String> audit = csv("plan-Audit.csv", log);
        assertTrue(audit.get(1).startsWith("1,2021-07-12 12:00,planner,Suspend 55–59 window"), audit.get(1));
        assertTrue(audit.get(2).endsWith(",@reopen,2"), audit.get(2));
    }

    private List<String> csv(String name, String log) throws IOException {
        Path file = folder.resolve("csv").resolve(name);
        assertTrue(Files.exists(file), name + " was written; LibreOffice said: " + log);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertFalse(lines.isEmpty(), name + " is empty");
        return lines;
    }

    private static Optional<Path> findOnPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        try (Stream<String> folders = Stream.of(path.split(File.pathSeparator))) {
            return folders.map(folder -> Path.of(folder, program)).filter(Files::isExecutable).findFirst();
        }
    }
}
