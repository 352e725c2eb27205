package org.cohortplanner.sheetimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.domain.DeliveryStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeliverySheetImportTest {
    private static final Path SAMPLES = Path.of("sample-data");
    private static final String HEADER = "id,brand,doses,plannedArrival,expectedArrival,status,note\n";

    @TempDir
    Path folder;

    private static Plan initialPlan() {
        return PlanFiles.read(SAMPLES.resolve("korea-2021-initial.json"));
    }

    private static DeliverySheetPreview csv(String text) throws IOException {
        return DeliverySheetImport.readCsv(new StringReader(text), "sheet.csv", initialPlan());
    }

    @Test
    void theSampleSheetReadsWithoutErrorsAndRecordsTheJulySlip() throws IOException {
        DeliverySheetPreview preview = DeliverySheetImport.read(SAMPLES.resolve("deliveries-2021-q3.csv"),
                initialPlan());

        assertFalse(preview.hasErrors(), preview.errors().toString());
        assertEquals(35, preview.rows().size());
        Delivery slipped = preview.rows().stream().map(DeliverySheetRow::delivery)
                .filter(d -> d.id().equals("MOD-2021-W28")).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2021, 7, 30), slipped.expectedArrival());
        assertEquals(DeliveryStatus.DELAYED, slipped.status());
        // Against the initial plan the sheet changes seven lots: the slipped one, the lot on hand on 12 July, of
        // which the sheet records the 862,000 doses reported received, and the five August lots that came short;
        // what they lacked comes as five new lots in September.
        assertEquals(7, preview.count(DeliverySheetRow.Change.CHANGED));
        assertEquals(5, preview.count(DeliverySheetRow.Change.NEW));
        assertEquals(862_000, preview.rows().stream().map(DeliverySheetRow::delivery)
                .filter(d -> d.id().equals("MOD-2021-W27")).findFirst().orElseThrow().doses());
    }

    @Test
    void theSampleWorkbookHoldsTheSameDeliveriesAsTheCsv() throws IOException {
        Plan plan = initialPlan();
        List<Delivery> fromCsv = DeliverySheetImport.read(SAMPLES.resolve("deliveries-2021-q3.csv"), plan).rows()
                .stream().map(DeliverySheetRow::delivery).toList();
        List<Delivery> fromWorkbook = DeliverySheetImport.read(SAMPLES.resolve("deliveries-2021-q3.xlsx"), plan)
                .rows().stream().map(DeliverySheetRow::delivery).toList();

        assertEquals(fromCsv, fromWorkbook);
    }

    @Test
    void errorsNameTheRowAndTheColumn() throws IOException {
        DeliverySheetPreview preview = csv(HEADER
                + "A1,Novavax,100,2021-08-01,,PLANNED,\n"
                + "A2,Pfizer,-5,2021-08-01,,PLANNED,\n"
                + "A3,Pfizer,100,2021-08-32,,PLANNED,\n"
                + "A4,Pfizer,lots,2021-08-01,01/08/2021,LOST,\n");

        List<String> errors = preview.errors().stream().map(DeliverySheetError::toString).toList();
        assertTrue(errors.get(0).startsWith("row 2, brand: unknown brand 'Novavax'"), errors.get(0));
        assertEquals("row 3, doses: must not be negative, got -5", errors.get(1));
        assertEquals("row 4, plannedArrival: '2021-08-32' is not a date; write it as YYYY-MM-DD", errors.get(2));
        assertEquals("row 5, doses: 'lots' is not a whole number of doses", errors.get(3));
        assertEquals("row 5, expectedArrival: '01/08/2021' is not a date; write it as YYYY-MM-DD", errors.get(4));
        assertTrue(errors.get(5).startsWith("row 5, status: unknown status 'LOST'"), errors.get(5));
    }

    @Test
    void nothingIsAppliedFromASheetWithErrors() throws IOException {
        Plan plan = initialPlan();
        DeliverySheetPreview preview = csv(HEADER + "NEW-1,Pfizer,100,2021-08-01,,,\nNEW-2,Pfizer,-1,2021-08-01,,,\n");

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> preview.applyTo(plan));
        assertTrue(refused.getMessage().contains("row 3, doses"), refused.getMessage());
        Plan partly = preview.applyValidRowsTo(plan);
        assertTrue(partly.delivery("NEW-1").isPresent());
        assertTrue(partly.delivery("NEW-2").isEmpty());
    }

    @Test
    void applyingReplacesDeliveriesWithTheSameIdAndAddsNewOnes() throws IOException {
        Plan plan = initialPlan();
        DeliverySheetPreview preview = csv(HEADER
                + "MOD-2021-W28,Moderna,1150000,2021-07-15,2021-07-30,DELAYED,\"quality inspection, shipping\"\n"
                + "NEW-1,Pfizer,\"1,000\",2021-08-01,,,\n");

        assertEquals(1, preview.count(DeliverySheetRow.Change.CHANGED));
        assertEquals(1, preview.count(DeliverySheetRow.Change.NEW));
        Plan applied = preview.applyTo(plan);
        assertEquals(plan.deliveries().size() + 1, applied.deliveries().size());
        Delivery slipped = applied.delivery("MOD-2021-W28").orElseThrow();
        assertEquals(LocalDate.of(2021, 7, 30), slipped.expectedArrival());
        assertEquals("quality inspection, shipping", slipped.note());
        Delivery added = applied.delivery("NEW-1").orElseThrow();
        assertEquals(1000, added.doses());
        assertEquals(added.plannedArrival(), added.expectedArrival());
        assertEquals(DeliveryStatus.PLANNED, added.status());
    }

    @Test
    void aMissingColumnIsReportedOnTheHeaderRow() throws IOException {
        DeliverySheetPreview preview = csv("id,brand,plannedArrival\nX,Pfizer,2021-08-01\n");

        assertEquals("row 1, doses: column is missing", preview.errors().get(0).toString());
    }

    @Test
    void workbookDateCellsAndNumberCellsAreRead() throws IOException {
        Path file = folder.resolve("sheet.xlsx");
        Delivery delivery = new Delivery("P-1", "Pfizer", 700_000, LocalDate.of(2021, 7, 26),
                LocalDate.of(2021, 7, 28), DeliveryStatus.DELAYED, "two days late");
        DeliverySheetSamples.writeWorkbook(List.of(delivery), file);

        DeliverySheetPreview preview = DeliverySheetImport.read(file, initialPlan());

        assertEquals(List.of(delivery), preview.rows().stream().map(DeliverySheetRow::delivery).toList());
    }

    @Test
    void aFileThatIsNotAWorkbookIsAClearError() throws IOException {
        Path file = folder.resolve("broken.xlsx");
        Files.writeString(file, "not a workbook");

        IOException error = assertThrows(IOException.class, () -> DeliverySheetImport.read(file, initialPlan()));
        assertTrue(error.getMessage().contains("not a readable .xlsx workbook"), error.getMessage());
    }
}
