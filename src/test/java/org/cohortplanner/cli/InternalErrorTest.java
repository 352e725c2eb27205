package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

class InternalErrorTest {
    @Command(name = "broken")
    static final class Broken implements Callable<Integer> {
        final Throwable failure;

        Broken(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception exception) {
                throw exception;
            }
            throw (Error) failure;
        }
    }

    private static String run(Throwable failure, int expectedExit) throws IOException {
        CommandLine commandLine = CohortPlannerCommand.commandLine(options -> { });
        commandLine.addSubcommand(new Broken(failure));
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(expectedExit, commandLine.execute("broken"));
        return err.toString();
    }

    private static void assertOneLineWithALog(String err, String what) throws IOException {
        assertEquals(1, err.strip().lines().count(), err);
        assertFalse(err.contains("\tat "), err);
        Matcher log = Pattern.compile("cohort-planner broken: internal error \\(" + Pattern.quote(what)
                + "\\); details are in (\\S+\\.log)").matcher(err.strip());
        assertTrue(log.matches(), err);
        Path file = Path.of(log.group(1));
        String details = Files.readString(file);
        assertTrue(details.contains(what) && details.contains("\tat org.cohortplanner.cli.InternalErrorTest"), details);
        assertTrue(details.contains("command: cohort-planner broken"), details);
        Files.delete(file);
    }

    @Test
    void anUnexpectedExceptionIsOneLineExitThreeAndALogFile() throws IOException {
        assertOneLineWithALog(run(new IllegalStateException("the unforeseen"), 3),
                "IllegalStateException: the unforeseen");
    }

    @Test
    void runningOutOfMemoryIsOneLineExitThreeAndALogFile() throws IOException {
        assertOneLineWithALog(run(new OutOfMemoryError("Java heap space"), 3), "OutOfMemoryError: Java heap space");
    }

    @Test
    void everyCommandsHelpListsExitThree() {
        CommandLine commandLine = CohortPlannerCommand.commandLine(options -> { });
        for (CommandLine command : commandLine.getSubcommands().values()) {
            StringWriter out = new StringWriter();
            command.usage(new PrintWriter(out, true));
            assertTrue(out.toString().contains("3   internal error"), command.getCommandName() + ":\n" + out);
        }
    }
}
