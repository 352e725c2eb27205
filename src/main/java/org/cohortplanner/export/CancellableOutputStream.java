package org.cohortplanner.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The stream a finished workbook is zipped into: it stops as soon as the export is cancelled, so that the long final
 * write of a large workbook does not run on after the user pressed Cancel.
 */
final class CancellableOutputStream extends FilterOutputStream {
    private final ExportProgress progress;

    CancellableOutputStream(OutputStream out, ExportProgress progress) {
        super(out);
        this.progress = progress;
    }

    @Override
    public void write(int b) throws IOException {
        check();
        out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        check();
        out.write(bytes, offset, length);
    }

    private void check() throws CancelledWrite {
        if (progress.isCancelled()) {
            throw new CancelledWrite();
        }
    }

    /** Thrown from inside POI's zip writing when the user cancels, to stop a long final write early. */
    private static final class CancelledWrite extends IOException {
        CancelledWrite() {
            super("cancelled");
        }
    }
}
