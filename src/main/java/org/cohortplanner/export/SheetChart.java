package org.cohortplanner.export;

import java.util.List;
import java.util.Objects;

/**
 * A line chart drawn next to a table sheet from the table's own columns, so that the numbers behind the chart
 * stay visible and editable in the workbook.
 *
 * @param categoryColumn the column along the horizontal axis (days, brands)
 * @param seriesColumns  the numeric columns drawn as lines, one series each, named by their headers
 */
public record SheetChart(String title, int categoryColumn, List<Integer> seriesColumns) {
    public SheetChart {
        Objects.requireNonNull(title, "chart title");
        if (categoryColumn < 0) {
            throw new IllegalArgumentException("category column of chart " + title + " must not be negative");
        }
        seriesColumns = List.copyOf(seriesColumns);
        if (seriesColumns.isEmpty()) {
            throw new IllegalArgumentException("chart " + title + " has no series");
        }
    }
}
