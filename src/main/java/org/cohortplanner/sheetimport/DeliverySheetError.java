package org.cohortplanner.sheetimport;

/**
 * What is wrong with one cell of a delivery sheet.
 *
 * @param row    the row number as the spreadsheet shows it (the header is row 1)
 * @param column the column's header name, such as {@code expectedArrival}
 */
public record DeliverySheetError(int row, String column, String message) {
    @Override
    public String toString() {
        return "row " + row + ", " + column + ": " + message;
    }
}
