package org.cohortplanner.ui.export;

import java.io.IOException;
import java.nio.file.Path;

/** Opens a file or folder the way the desktop would on a double click; tests record what would be opened. */
@FunctionalInterface
public interface DesktopOpener {

    /**
     * Opens {@code path} with the desktop's program for it.
     *
     * @throws IOException saying why it could not be opened (no desktop, no program for it, the file is gone)
     */
    void open(Path path) throws IOException;
}
