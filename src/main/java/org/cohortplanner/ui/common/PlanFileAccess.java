package org.cohortplanner.ui.common;

import java.nio.file.Path;
import java.util.Optional;
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
     * The file's format version when it is older than the one written today, so that it was read with the documented
     * defaults for the newer fields (docs/plan-format.md); empty for a file of today's version. Saving writes today's.
     */
    default Optional<OlderFormat> olderFormat(Path file) {
        return Optional.empty();
    }

    /** A plan file's format version, and the version the console writes. */
    record OlderFormat(int fileVersion, int currentVersion) {
    }

    /** Writes {@code plan} to {@code file}, replacing it. */
    void write(Plan plan, Path file);
}
