package org.cohortplanner.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** One run of the real command line with captured output and a console starter that only records its calls. */
final class CommandLineRun {
    final List<CohortPlannerCommand.ConsoleOptions> consoleStarts = new ArrayList<>();
    final int exitCode;
    final String out;
    final String err;

    private CommandLineRun(String... args) {
        CommandLine commandLine = CohortPlannerCommand.commandLine(consoleStarts::add);
        StringWriter outText = new StringWriter();
        StringWriter errText = new StringWriter();
        commandLine.setOut(new PrintWriter(outText, true));
        commandLine.setErr(new PrintWriter(errText, true));
        exitCode = commandLine.execute(args);
        out = outText.toString();
        err = errText.toString();
    }

    static CommandLineRun of(String... args) {
        return new CommandLineRun(args);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
