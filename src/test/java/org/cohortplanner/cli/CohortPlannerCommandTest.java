package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CohortPlannerCommandTest {
    @Test
    void withoutArgumentsTheConsoleIsStarted() {
        CommandLineRun run = CommandLineRun.of();
        assertEquals(0, run.exitCode, run.toString());
        assertEquals(List.of(new CohortPlannerCommand.ConsoleOptions(null)), run.consoleStarts);
        assertEquals("", run.out + run.err);
    }

    @Test
    void theDataFolderOptionReachesTheConsole() {
        CommandLineRun run = CommandLineRun.of("--data-dir", "/tmp/planner");
        assertEquals(List.of(new CohortPlannerCommand.ConsoleOptions(Path.of("/tmp/planner"))), run.consoleStarts);
    }

    @Test
    void helpListsTheValidateCommandAndDoesNotStartTheConsole() {
        CommandLineRun run = CommandLineRun.of("--help");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Usage: cohort-planner"), run.toString());
        assertTrue(run.out.contains("validate"), run.toString());
        assertEquals(List.of(), run.consoleStarts);
    }

    @Test
    void versionNamesTheProduct() {
        CommandLineRun run = CommandLineRun.of("--version");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Cohort Planner "), run.toString());
        assertEquals(List.of(), run.consoleStarts);
    }

    @Test
    void validateHasItsOwnHelpWithTheExitCodes() {
        CommandLineRun run = CommandLineRun.of("validate", "--help");
        assertEquals(0, run.exitCode, run.toString());
        assertTrue(run.out.startsWith("Usage: cohort-planner validate [-hV] PLAN.json"), run.toString());
        assertTrue(run.out.contains("1   the plan has errors"), run.toString());
    }

    @Test
    void anUnknownOptionExitsWithTwoAndAShortMessage() {
        CommandLineRun run = CommandLineRun.of("--colour");
        assertEquals(2, run.exitCode, run.toString());
        assertEquals("", run.out);
        assertTrue(run.err.startsWith("cohort-planner: Unknown option: '--colour'"), run.toString());
        assertTrue(run.err.contains("Try 'cohort-planner --help' for more information."), run.toString());
        assertTrue(run.err.lines().count() <= 3, run.toString());
        assertEquals(List.of(), run.consoleStarts);
    }

    @Test
    void anUnknownCommandExitsWithTwo() {
        CommandLineRun run = CommandLineRun.of("valdate", "plan.json");
        assertEquals(2, run.exitCode, run.toString());
        assertTrue(run.err.contains("Unmatched arguments"), run.toString());
        assertTrue(run.err.contains("validate"), run.toString());
        assertEquals(List.of(), run.consoleStarts);
    }

    @Test
    void validateWithoutAFileExitsWithTwoAndAShortMessage() {
        CommandLineRun run = CommandLineRun.of("validate");
        assertEquals(2, run.exitCode, run.toString());
        assertEquals("cohort-planner validate: Missing required parameter: 'PLAN.json'\n"
                + "Try 'cohort-planner validate --help' for more information.\n", run.err.replace("\r\n", "\n"));
    }

    @Test
    void aFailureInTheConsoleIsOneLineWithoutAStackTrace() {
        CommandLine commandLine = CohortPlannerCommand.commandLine(options -> {
            throw new IllegalStateException("no display found");
        });
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        assertEquals(2, commandLine.execute());
        assertEquals("cohort-planner: no display found\n", err.toString().replace("\r\n", "\n"));
    }
}
