package org.cohortplanner.cli;

import java.io.PrintWriter;
import org.cohortplanner.export.WorkbookExportException;
import org.cohortplanner.export.WorkbookTargetException;
import org.cohortplanner.export.WorkbookTargetExistsException;
import org.cohortplanner.planning.SplitNotPossibleException;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.json.PlanFileException;
import picocli.CommandLine;

/**
 * How every command ends when it cannot go on: one place instead of a read/catch/print/return block per command.
 * <ul>
 *     <li>a plan file that cannot be read or goes beyond the format's limits: the reader's line as it stands, the
 *     same for every command ({@code plan.json:41:20: cohorts[2].window: ...}), exit 2;</li>
 *     <li>a request the input does not allow (a {@link CommandRefusedException}, a split or merge that makes no
 *     sense) or a store that cannot be used: the command's name and the reason, exit 2;</li>
 *     <li>anything else is a bug: one line naming a log file with the details, exit 3 ({@link InternalErrorLog}).</li>
 * </ul>
 */
final class CommandFailures implements CommandLine.IExecutionExceptionHandler {
    /** "Cannot do it with this input": documented in every command's help. */
    static final int REFUSED = 2;

    /**
     * A workbook or report that could not be written, as the export and brief commands say it: an existing file
     * names --force (exit 2), a target that cannot be written is the input's fault (exit 2), anything else exits
     * with {@code otherExitCode}.
     */
    static CommandRefusedException notWritten(WorkbookExportException failure, int otherExitCode) {
        if (failure instanceof WorkbookTargetExistsException exists) {
            return new CommandRefusedException(exists.target() + " already exists; add --force to replace it");
        }
        return new CommandRefusedException(failure.getMessage(),
                failure instanceof WorkbookTargetException ? REFUSED : otherExitCode);
    }

    @Override
    public int handleExecutionException(Exception error, CommandLine command, CommandLine.ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (error instanceof PlanFileException) {
            err.println(error.getMessage());
            err.flush();
            return REFUSED;
        }
        if (error instanceof CommandRefusedException refused) {
            err.println(command.getCommandSpec().qualifiedName() + ": " + error.getMessage());
            err.flush();
            return refused.exitCode();
        }
        if (error instanceof SplitNotPossibleException || error instanceof StoreException) {
            // StoreException: a plan file or database the command could not use (serve --seed, a store that is not
            // there): the input's fault, said in its own words, like every other "cannot do it".
            err.println(command.getCommandSpec().qualifiedName() + ": " + error.getMessage());
            err.flush();
            return REFUSED;
        }
        return InternalErrorLog.report(command.getCommandSpec().qualifiedName(), parseResult.originalArgs().toArray(
                new String[0]), error, err);
    }
}
