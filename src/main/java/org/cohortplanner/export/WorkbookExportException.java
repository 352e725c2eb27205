package org.cohortplanner.export;

/** An export that could not be completed; the message says what and where, for showing to a planner. */
public class WorkbookExportException extends Exception {
    public WorkbookExportException(String message) {
        super(message);
    }

    public WorkbookExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
