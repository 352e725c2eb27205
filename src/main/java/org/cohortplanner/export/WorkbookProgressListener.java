package org.cohortplanner.export;

/**
 * Told about progress from the thread that writes the workbook, every few thousand rows and when a sheet starts;
 * a screen hands it on to its own thread.
 */
@FunctionalInterface
public interface WorkbookProgressListener {
    WorkbookProgressListener NONE = progress -> { };

    void progress(WorkbookProgress progress);
}
