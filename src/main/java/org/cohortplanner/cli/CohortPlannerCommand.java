package org.cohortplanner.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The root of the command line. Without a subcommand it opens the console (through the starter the launcher
 * passes in, so that this package never touches the toolkit); subcommands run headless.
 */
@Command(name = "cohort-planner",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Plans age-cohort booking windows, vaccine supply and booking-night load for mass-vaccination "
                + "campaigns.", "Without a command, opens the console."},
        sortOptions = false)
public final class CohortPlannerCommand implements Callable<Integer> {

    /** What the console needs to know from the command line. */
    public record ConsoleOptions(Path dataDir) {
    }

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the embedded H2 model (default: the user's data folder).")
    Path dataDir;

    private final Consumer<ConsoleOptions> consoleStarter;

    public CohortPlannerCommand(Consumer<ConsoleOptions> consoleStarter) {
        this.consoleStarter = consoleStarter;
    }

    @Override
    public Integer call() {
        consoleStarter.accept(new ConsoleOptions(dataDir));
        return 0;
    }

    /** The command line with every subcommand registered. */
    public static CommandLine commandLine(Consumer<ConsoleOptions> consoleStarter) {
        CommandLine commandLine = new CommandLine(new CohortPlannerCommand(consoleStarter));
        // Subcommands: one line each.
        commandLine.addSubcommand(new ExportCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }
}
