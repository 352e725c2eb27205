package org.cohortplanner.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Dose2ChangeListCsvTest {
    @TempDir
    Path folder;

    @Test
    void everyTextASpreadsheetWouldTakeForAFormulaIsWrittenAsTextAndQuotingSurvivesAReadBack() throws Exception {
        Plan plan = ExportFixtures.plan();
        SecondDoseMove injected = new SecondDoseMove("cx", "\tteachers, \"night\"", "+82 region\r\nsecond line",
                1200, "@brand", LocalDate.of(2021, 8, 16), LocalDate.of(2021, 9, 13), "-Moderna",
                LocalDate.of(2021, 8, 16), LocalDate.of(2021, 9, 20));
        Path target = folder.resolve("changes.csv");

        Dose2ChangeList.write(plan, List.of(injected), "en", target, WorkbookWriteOptions.in(ExportFixtures.SEOUL));

        String text = Files.readString(target, StandardCharsets.UTF_8);
        assertEquals('\uFEFF', text.charAt(0));
        List<CSVRecord> records = read(target);
        assertEquals(2, records.size());
        assertEquals(Dose2ChangeList.COLUMNS.size(), records.get(0).size());
        CSVRecord row = records.get(1);
        for (String typed : List.of(ExportFixtures.INJECTED_NAME, "+82 region\r\nsecond line", "@brand", "-Moderna",
                "\tteachers, \"night\"")) {
            assertEquals(1, row.toList().stream().filter(("'" + typed)::equals).count(), typed + " in " + row);
        }
        assertEquals("1200", row.get(2));
        assertEquals(injected.secondDoseBefore().toString(), row.get(5));
        assertEquals(Long.toString(injected.daysMoved()), row.get(9));
        assertEquals(List.of(SheetText.forCsv(ExportFixtures.INJECTED_NAME)), List.of(row.get(0)));
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.skip(1);
            try (CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
                return parser.getRecords();
            }
        }
    }
}
