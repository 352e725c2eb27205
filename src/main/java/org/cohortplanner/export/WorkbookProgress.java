package org.cohortplanner.export;

/**
 * How far an export has got, for a progress bar: the step each of the export's {@code work.Progress} reports
 * carries, so that the screen can say it in its own words.
 *
 * @param workbook     the file being written (one of several when exporting a workbook per region)
 * @param workbookIndex 0-based index of that file among {@code workbookCount}
 * @param sheet        the sheet being written
 * @param rowsWritten  rows written so far in the whole export
 * @param rowsExpected rows expected in the whole export, an estimate never below {@code rowsWritten}; 0 when
 *                     unknown
 */
public record WorkbookProgress(String workbook, int workbookIndex, int workbookCount, String sheet,
                               long rowsWritten, long rowsExpected) {

    /** Done share 0–1, or -1 when the total is unknown (an indeterminate progress bar). */
    public double fraction() {
        if (rowsExpected <= 0) {
            return -1;
        }
        return Math.min(1.0, (double) rowsWritten / rowsExpected);
    }
}
