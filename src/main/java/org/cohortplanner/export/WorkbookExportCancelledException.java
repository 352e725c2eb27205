package org.cohortplanner.export;

/** The export was cancelled; nothing was written in place of the target. */
public final class WorkbookExportCancelledException extends WorkbookExportException {
    public WorkbookExportCancelledException(String message) {
        super(message);
    }
}
