package org.cohortplanner.app;

import org.cohortplanner.cli.CohortPlannerCommand;

/**
 * The program's entry point. Not a JavaFX application itself, so that the jar starts on a plain class path and the
 * headless commands never initialise the toolkit: only the command without a subcommand opens the console.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        // A lambda rather than a method reference: ConsoleStarter (and with it JavaFX) loads only when the console
        // is really started.
        int exitCode = CohortPlannerCommand.commandLine(options -> ConsoleStarter.start(options)).execute(args);
        System.exit(exitCode);
    }
}
