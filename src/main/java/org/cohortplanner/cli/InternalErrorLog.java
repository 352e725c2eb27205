package org.cohortplanner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * What a command does with a failure nobody foresaw: one line on standard error, exit {@link #EXIT_CODE}, and the
 * details (command line, versions, stack trace) in a log file whose path the line names, for a bug report.
 */
final class InternalErrorLog {
    /** "Internal error": documented in every command's help and in docs/command-line.md. */
    static final int EXIT_CODE = 3;
    /** The line every command's exit-code list carries. */
    static final String EXIT_CODE_LINE = "3:internal error (a bug; the message names a log file with the details)";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss");

    private InternalErrorLog() {
    }

    /** Writes the log and the one line; returns the exit code. */
    static int report(String command, String[] args, Throwable error, PrintWriter err) {
        String what = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": "
                + firstLine(error.getMessage()));
        Path log = write(command, args, error);
        err.println(command + ": internal error (" + what + "); "
                + (log == null ? "no log file could be written" : "details are in " + log));
        err.flush();
        return EXIT_CODE;
    }

    private static Path write(String command, String[] args, Throwable error) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            out.println("Cohort Planner internal error at " + LocalDateTime.now());
            out.println("command: " + command + " " + String.join(" ", args == null ? new String[0] : args));
            out.println("java: " + System.getProperty("java.version") + " on " + System.getProperty("os.name"));
            out.println("arguments of the JVM: " + Arrays.toString(new String[] {
                "max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB"}));
            error.printStackTrace(out);
        }
        try {
            Path log = Files.createTempFile("cohort-planner-internal-error-" + LocalDateTime.now().format(STAMP) + "-",
                    ".log");
            Files.writeString(log, text.toString(), StandardCharsets.UTF_8);
            return log;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int newline = line.indexOf('\n');
        line = newline < 0 ? line : line.substring(0, newline);
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
