package org.cohortplanner.export;

import java.nio.file.Path;
import org.cohortplanner.domain.Phrase;

/** The target file exists and the caller did not confirm replacing it. */
public final class WorkbookTargetExistsException extends WorkbookTargetException {
    private final Path target;

    public WorkbookTargetExistsException(Path target) {
        super(Phrase.of("export.exists", target.toString()), null);
        this.target = target;
    }

    public Path target() {
        return target;
    }
}
