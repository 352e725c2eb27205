package org.cohortplanner.sheetimport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.cohortplanner.domain.Delivery;

/**
 * Writes a delivery sheet workbook the way supply officers keep one (dates as date cells, doses as numbers). Run
 * {@code main} to regenerate sample-data/deliveries-2021-q3.xlsx from the .csv next to it.
 */
public final class DeliverySheetSamples {
    private DeliverySheetSamples() {
    }

    static void writeWorkbook(List<Delivery> deliveries, Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Deliveries");
            CreationHelper helper = workbook.getCreationHelper();
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(helper.createDataFormat().getFormat("yyyy-mm-dd"));
            CellStyle number = workbook.createCellStyle();
            number.setDataFormat(helper.createDataFormat().getFormat("#,##0"));
            Row header = sheet.createRow(0);
            for (int c = 0; c < DeliverySheetImport.COLUMNS.size(); c++) {
                header.createCell(c).setCellValue(DeliverySheetImport.COLUMNS.get(c));
            }
            int r = 1;
            for (Delivery delivery : deliveries) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(delivery.id());
                row.createCell(1).setCellValue(delivery.brand());
                row.createCell(2).setCellValue(delivery.doses());
                row.getCell(2).setCellStyle(number);
                row.createCell(3).setCellValue(delivery.plannedArrival());
                row.getCell(3).setCellStyle(date);
                row.createCell(4).setCellValue(delivery.expectedArrival());
                row.getCell(4).setCellStyle(date);
                row.createCell(5).setCellValue(delivery.status().name());
                row.createCell(6).setCellValue(delivery.note());
            }
            for (int c = 0; c < 6; c++) {
                sheet.autoSizeColumn(c);
            }
            sheet.setColumnWidth(6, 100 * 256);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
    }

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "sample-data");
        DeliverySheetPreview csv = DeliverySheetImport.read(folder.resolve("deliveries-2021-q3.csv"),
                org.cohortplanner.store.json.PlanFiles.read(folder.resolve("korea-2021-initial.json")));
        if (csv.hasErrors()) {
            throw new IllegalStateException("the sample sheet has errors: " + csv.errors());
        }
        writeWorkbook(csv.rows().stream().map(DeliverySheetRow::delivery).toList(),
                folder.resolve("deliveries-2021-q3.xlsx"));
    }
}
