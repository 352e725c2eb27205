package org.cohortplanner.export;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How a workbook is written.
 *
 * @param zone            the plan's zone: instants (audit times) are shown as wall-clock times there
 * @param replaceExisting true when the user has confirmed that existing files may be replaced
 */
public record WorkbookWriteOptions(ZoneId zone, boolean replaceExisting, WorkbookProgressListener progress,
                                   WorkbookCancelSignal cancel) {
    public WorkbookWriteOptions {
        Objects.requireNonNull(zone, "zone");
        progress = progress == null ? WorkbookProgressListener.NONE : progress;
        cancel = cancel == null ? new WorkbookCancelSignal() : cancel;
    }

    public static WorkbookWriteOptions in(ZoneId zone) {
        return new WorkbookWriteOptions(zone, false, WorkbookProgressListener.NONE, new WorkbookCancelSignal());
    }

    public WorkbookWriteOptions replacingExisting(boolean replace) {
        return new WorkbookWriteOptions(zone, replace, progress, cancel);
    }

    public WorkbookWriteOptions reportingTo(WorkbookProgressListener listener) {
        return new WorkbookWriteOptions(zone, replaceExisting, listener, cancel);
    }

    public WorkbookWriteOptions cancelledBy(WorkbookCancelSignal signal) {
        return new WorkbookWriteOptions(zone, replaceExisting, progress, signal);
    }
}
