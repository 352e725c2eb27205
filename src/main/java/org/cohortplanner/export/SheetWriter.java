package org.cohortplanner.export;

import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.work.CancelledException;

/**
 * Writes one table as a sheet: a bold header with a filter, one row per item through the columns' writers, columns
 * as wide as their widest cell (within bounds), the header frozen and printed on every page, then the table's
 * charts. Counts every row in the export's progress and stops at a cancel.
 */
final class SheetWriter {
    private static final int MAX_COLUMN_WIDTH = 60;
    private static final int MIN_COLUMN_WIDTH = 6;

    private SheetWriter() {
    }

    static <R> void write(Workbook workbook, SheetTable<R> table, SheetStyles styles, ZoneId zone,
                          ExportProgress progress) throws WorkbookExportException {
        Sheet sheet = workbook.createSheet(table.name());
        progress.startSheet(table.name());
        List<SheetColumn<R>> columns = table.columns();
        int[] widths = new int[columns.size()];
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(styles.header);
            // Bold text is wider, and the filter button takes about two characters.
            widths[i] = SheetTextWidth.of(columns.get(i).header()) * 11 / 10 + 3;
        }
        ColumnWriter[] writers = new ColumnWriter[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            writers[i] = new ColumnWriter(table.name(), columns.get(i), styles, zone);
        }
        ChartValues chartValues = table.charts().isEmpty() ? null : new ChartValues(columns.size());
        int maxRow = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
        int rowIndex = 1;
        try {
            for (R item : table.rows()) {
                progress.checkCancelled();
                if (rowIndex > maxRow) {
                    throw new WorkbookExportException(Phrase.of("export.tooManyRows", table.name(),
                            String.valueOf(maxRow)), null);
                }
                Row row = sheet.createRow(rowIndex);
                for (int i = 0; i < writers.length; i++) {
                    Object value = columns.get(i).value().apply(item);
                    int width = writers[i].write(row, i, value);
                    if (width > widths[i]) {
                        widths[i] = width;
                    }
                    if (chartValues != null) {
                        chartValues.add(i, value);
                    }
                }
                rowIndex++;
                progress.rowWritten();
            }
        } catch (CancelledException cancelled) {
            throw cancelled;
        } catch (RuntimeException e) {
            throw new WorkbookExportException("export stopped on sheet " + table.name() + " at row " + rowIndex
                    + ": " + e.getMessage(), e);
        }
        sheet.createFreezePane(0, 1);
        fitColumnsToPrintedPage(sheet);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rowIndex - 1), 0, columns.size() - 1));
        for (int i = 0; i < widths.length; i++) {
            int width = Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, widths[i] + 2));
            sheet.setColumnWidth(i, width * 256);
        }
        for (int i = 0; i < table.charts().size(); i++) {
            SheetCharts.draw(sheet, table, table.charts().get(i), i, chartValues, rowIndex - 1);
        }
    }

    /** Printed, a sheet is landscape, all columns on one page width, the header repeated on every page. */
    private static void fitColumnsToPrintedPage(Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
        sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
    }
}
