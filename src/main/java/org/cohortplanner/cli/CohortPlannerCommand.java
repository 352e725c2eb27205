package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            consoleStarter.accept(new ConsoleOptions(dataDir));
        } catch (IllegalStateException cannotStart) {
            // No display, or the data folder in use by another console: the machine's state, not a bug.
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + cannotStart.getMessage());
            spec.commandLine().getErr().flush();
            return 2;
        }
        return 0;
    }

    /** The command line with every subcommand registered. */
    public static CommandLine commandLine(Consumer<ConsoleOptions> consoleStarter) {
        CommandLine commandLine = new CommandLine(new CohortPlannerCommand(consoleStarter));
        // Subcommands: one line each.
        commandLine.addSubcommand(new ValidateCommand());
        commandLine.addSubcommand(new SplitCommand());
        commandLine.addSubcommand(new MergeCommand());
        commandLine.addSubcommand(new ScheduleCommand());
        commandLine.addSubcommand(new SlipCommand());
        commandLine.addSubcommand(new IntervalsCommand());
        commandLine.addSubcommand(new SimulateCommand());
        commandLine.addSubcommand(new CalibrateCommand());
        commandLine.addSubcommand(new AdviseCommand());
        commandLine.addSubcommand(new ExportCommand());
        commandLine.addSubcommand(new CompareCommand());
        commandLine.addSubcommand(new BriefCommand());
        commandLine.addSubcommand(new ServeCommand());
        commandLine.addSubcommand(new LoadTestCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler(CohortPlannerCommand::usageError);
        commandLine.setExecutionExceptionHandler(new CommandFailures());
        commandLine.setExecutionStrategy(CohortPlannerCommand::runGuarded);
        return commandLine;
    }

    /** A mistake on the command line: one short line and where to find help, exit 2; no usage dump. */
    private static int usageError(CommandLine.ParameterException error, String[] args) {
        CommandLine command = error.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(command.getCommandSpec().qualifiedName() + ": " + error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Runs the command; an Error (out of memory, stack overflow) ends the same way as an unexpected exception. */
    private static int runGuarded(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            CommandLine command = parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1);
            return InternalErrorLog.report(command.getCommandSpec().qualifiedName(),
                    parseResult.originalArgs().toArray(new String[0]), e, command.getErr());
        }
    }
}
