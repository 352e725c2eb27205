package org.cohortplanner.export;

import java.time.ZoneId;
import java.util.Objects;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.Progress;

/**
 * How a workbook is written.
 *
 * @param zone            the plan's zone: instants (audit times) are shown as wall-clock times there
 * @param replaceExisting true when the user has confirmed that existing files may be replaced
 * @param progress        told every few thousand rows and when a workbook or a sheet starts, from the writing thread
 * @param cancel          asked between rows: a cancelled export removes what it has written and leaves no file
 */
public record WorkbookWriteOptions(ZoneId zone, boolean replaceExisting, Progress<? super WorkbookProgress> progress,
                                   Cancellation cancel) {
    public WorkbookWriteOptions {
        Objects.requireNonNull(zone, "zone");
        progress = progress == null ? Progress.none() : progress;
        cancel = cancel == null ? new Cancellation() : cancel;
    }

    public static WorkbookWriteOptions in(ZoneId zone) {
        return new WorkbookWriteOptions(zone, false, Progress.none(), new Cancellation());
    }

    public WorkbookWriteOptions replacingExisting(boolean replace) {
        return new WorkbookWriteOptions(zone, replace, progress, cancel);
    }

    public WorkbookWriteOptions reportingTo(Progress<? super WorkbookProgress> listener) {
        return new WorkbookWriteOptions(zone, replaceExisting, listener, cancel);
    }

    public WorkbookWriteOptions cancelledBy(Cancellation cancellation) {
        return new WorkbookWriteOptions(zone, replaceExisting, progress, cancellation);
    }
}
