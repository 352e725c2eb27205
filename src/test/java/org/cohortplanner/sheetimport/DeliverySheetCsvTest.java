package org.cohortplanner.sheetimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliverySheetCsvTest {
    @Test
    void quotedCellsKeepTheirCommasQuotesAndLineBreaksAndTheByteOrderMarkIsSkipped() throws IOException {
        List<List<String>> rows = DeliverySheetImport.readCsv(new StringReader(
                "\uFEFFid,note\r\nA1,\"late, by ship\"\r\nA2,\"said \"\"soon\"\"\nthen not\"\r\n"));
        assertEquals(List.of(List.of("id", "note"), List.of("A1", "late, by ship"),
                List.of("A2", "said \"soon\"\nthen not")), rows);
    }

    @Test
    void blankLinesStayRowsSoThatRowNumbersAreTheFilesOwn() throws IOException {
        List<List<String>> rows = DeliverySheetImport.readCsv(new StringReader("id,note\n\nA1,x\rA2,y"));
        assertEquals(List.of(List.of("id", "note"), List.of(""), List.of("A1", "x"), List.of("A2", "y")), rows);
    }

    @Test
    void aQuoteLeftOpenIsAnError() {
        assertThrows(IOException.class, () -> DeliverySheetImport.readCsv(new StringReader("id,note\nA1,\"open\n")));
    }
}
