package org.cohortplanner.ui.common;

import java.nio.file.Path;
import org.cohortplanner.domain.Plan;

/**
 * Reading and writing plan files (the JSON format of docs/plan-format.md). The console is given an implementation by
 * its composition root, so screens never depend on how the format is parsed.
 */
public interface PlanFileAccess {

    /**
     * Reads a plan file.
     *
     * @throws RuntimeException with a message naming the file, the place in it and what is wrong, when the file
     *                          cannot be read or is not a valid plan
     */
    Plan read(Path file);

    /**
     * Whether the file is of an older format version that was read with documented defaults for the newer fields
     * (docs/plan-format.md); saving writes the current version.
     */
    default boolean isOlderFormat(Path file) {
        return false;
    }

    /** Writes {@code plan} to {@code file}, replacing it. */
    void write(Plan plan, Path file);
}
