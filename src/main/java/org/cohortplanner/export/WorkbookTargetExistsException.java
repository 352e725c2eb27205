package org.cohortplanner.export;

import java.nio.file.Path;

/** The target file exists and the caller did not confirm replacing it. */
public final class WorkbookTargetExistsException extends WorkbookTargetException {
    private final Path target;

    public WorkbookTargetExistsException(Path target) {
        super(target + " already exists; confirm replacing it");
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
