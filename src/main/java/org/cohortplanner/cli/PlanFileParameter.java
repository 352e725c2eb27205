package org.cohortplanner.cli;

import java.nio.file.Path;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFileException;
import org.cohortplanner.store.json.PlanFiles;
import picocli.CommandLine.Parameters;

/**
 * The plan file a command works on, its first parameter, shared by every command that reads one (a picocli mixin).
 * A file that cannot be read, or a plan beyond the format's limits, ends the command before it does any work: the
 * {@link PlanFileException} goes up to {@link CommandFailures}, which prints the reader's one line (file, line,
 * column, JSON path, what is wrong) the same for every command, and exits 2.
 */
final class PlanFileParameter {

    @Parameters(index = "0", paramLabel = "PLAN.json", description = "The plan file (docs/plan-format.md).")
    Path file;

    /** The plan in the file; throws {@link PlanFileException} when it cannot be read or goes beyond the limits. */
    Plan read() {
        return PlanFiles.read(file);
    }

    Path file() {
        return file;
    }
}
