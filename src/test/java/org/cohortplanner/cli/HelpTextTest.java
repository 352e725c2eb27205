package org.cohortplanner.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help reads cleanly: picocli warns on stderr when a description has a stray '%'. */
class HelpTextTest {

    @Test
    void everyCommandsHelpRendersWithoutWarnings() {
        CommandLine root = CohortPlannerCommand.commandLine(options -> { });
        Map<String, CommandLine> commands = root.getSubcommands();
        assertFalse(commands.isEmpty());
        PrintStream originalErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            root.getUsageMessage();
            commands.values().forEach(CommandLine::getUsageMessage);
        } finally {
            System.setErr(originalErr);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
    }
}
