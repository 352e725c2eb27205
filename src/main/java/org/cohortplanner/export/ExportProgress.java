package org.cohortplanner.export;

import java.nio.file.Path;
import org.cohortplanner.work.CancelledException;

/**
 * Counts the rows of an export, tells the options' {@code Progress} now and then (a {@link WorkbookProgress} with its
 * fraction) and notices a cancel of the options' {@code Cancellation}.
 */
final class ExportProgress {
    private static final int PROGRESS_EVERY_ROWS = 4096;

    private final WorkbookWriteOptions options;
    private final int workbookCount;
    private final long rowsExpected;
    private String workbook = "";
    private int workbookIndex;
    private String sheet = "";
    private long rowsWritten;

    ExportProgress(WorkbookWriteOptions options, int workbookCount, long rowsExpected) {
        this.options = options;
        this.workbookCount = workbookCount;
        this.rowsExpected = rowsExpected;
    }

    void startWorkbook(Path target, int index) {
        checkCancelled();
        workbook = String.valueOf(target.getFileName());
        workbookIndex = index;
        report();
    }

    void startSheet(String name) {
        checkCancelled();
        sheet = name;
        report();
    }

    void rowWritten() {
        rowsWritten++;
        if (rowsWritten % PROGRESS_EVERY_ROWS == 0) {
            report();
        }
    }

    void finished() {
        report();
    }

    boolean isCancelled() {
        return options.cancel().isCancelled();
    }

    void checkCancelled() {
        if (isCancelled()) {
            throw cancelledException();
        }
    }

    CancelledException cancelledException() {
        return new CancelledException("export cancelled; no file was written");
    }

    private void report() {
        // Expected counts are estimates (a region's share of the schedule, sheets of unknown length): a total
        // that has been passed is raised, so that no one reads "32,768 of 31,331 rows".
        long expected = rowsExpected > 0 ? Math.max(rowsExpected, rowsWritten) : rowsExpected;
        WorkbookProgress step = new WorkbookProgress(workbook, workbookIndex, workbookCount, sheet, rowsWritten,
                expected);
        options.progress().report(step.fraction(), step);
    }
}
