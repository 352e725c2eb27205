package org.cohortplanner.export;

import org.cohortplanner.domain.Phrase;

/**
 * The place to write to cannot take the workbook: its folder is missing or read-only, it is a folder, or the disk
 * refused the file. Distinct from a failure of the data being written, so that a caller can ask for another place.
 */
public class WorkbookTargetException extends WorkbookExportException {
    public WorkbookTargetException(String message) {
        super(message);
    }

    public WorkbookTargetException(String message, Throwable cause) {
        super(message, cause);
    }

    public WorkbookTargetException(Phrase phrase, Throwable cause) {
        super(phrase, cause);
    }
}
