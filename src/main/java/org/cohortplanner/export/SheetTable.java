package org.cohortplanner.export;

import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.util.WorkbookUtil;

/**
 * A sheet written as one table: a bold, frozen header row with an autofilter, then one row per item. The rows are
 * read once, while the sheet is written, so a schedule of a million rows never has to be held in memory.
 *
 * @param name         the sheet's tab name (at most 31 characters, none of {@code []:*?/\})
 * @param rows         the items, iterated once when the sheet is written
 * @param expectedRows how many rows are expected, for progress; 0 or less when unknown
 * @param charts       charts drawn beside the table from its columns (keep these to small tables)
 */
public record SheetTable<R>(String name, List<SheetColumn<R>> columns, Iterable<? extends R> rows, long expectedRows,
                            List<SheetChart> charts) {
    public SheetTable {
        Objects.requireNonNull(name, "sheet name");
        WorkbookUtil.validateSheetName(name);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("sheet " + name + " has no columns");
        }
        Objects.requireNonNull(rows, "rows of sheet " + name);
        charts = List.copyOf(charts);
        for (SheetChart chart : charts) {
            requireColumn(name, columns, chart.categoryColumn());
            for (int column : chart.seriesColumns()) {
                requireColumn(name, columns, column);
            }
        }
    }

    public SheetTable(String name, List<SheetColumn<R>> columns, Iterable<? extends R> rows, long expectedRows) {
        this(name, columns, rows, expectedRows, List.of());
    }

    public SheetTable(String name, List<SheetColumn<R>> columns, List<? extends R> rows) {
        this(name, columns, rows, rows.size(), List.of());
    }

    public SheetTable<R> withCharts(List<SheetChart> newCharts) {
        return new SheetTable<>(name, columns, rows, expectedRows, newCharts);
    }

    private static void requireColumn(String sheet, List<?> columns, int column) {
        if (column >= columns.size()) {
            throw new IllegalArgumentException("chart on sheet " + sheet + " refers to column " + column
                    + " but the sheet has " + columns.size());
        }
    }
}
