package org.cohortplanner.ui.export;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Opens files through {@link java.awt.Desktop} where the platform offers it, else with {@code xdg-open} on Linux
 * (many Linux desktops, and every headless one, have no AWT desktop support). Called from a background thread:
 * either way may take a while before the program shows up.
 */
public final class SystemDesktopOpener implements DesktopOpener {
    private static final String XDG_OPEN = "xdg-open";
    /** xdg-open returns at once when it hands the file on; longer means the program runs in its place. */
    private static final long XDG_OPEN_WAIT_SECONDS = 15;

    @Override
    public void open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException(path + " no longer exists");
        }
        String desktopProblem = "this system offers no desktop to open files with";
        if (desktopCanOpen()) {
            try {
                Desktop.getDesktop().open(path.toFile());
                return;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                desktopProblem = "the desktop could not open it (" + e.getMessage() + ")";
            }
        }
        if (!isLinux()) {
            throw new IOException(desktopProblem);
        }
        Optional<Path> xdgOpen = onPath(XDG_OPEN);
        if (xdgOpen.isEmpty()) {
            throw new IOException(desktopProblem + ", and " + XDG_OPEN + " was not found on PATH");
        }
        runXdgOpen(xdgOpen.get(), path);
    }

    private static boolean desktopCanOpen() {
        try {
            return !GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.OPEN);
        } catch (RuntimeException | LinkageError unavailable) {
            return false;
        }
    }

    private static boolean isLinux() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String folder : path.split(Pattern.quote(File.pathSeparator))) {
            if (folder.isBlank()) {
                continue;
            }
            Path candidate = Path.of(folder, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void runXdgOpen(Path xdgOpen, Path path) throws IOException {
        Process process = new ProcessBuilder(xdgOpen.toString(), path.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            if (process.waitFor(XDG_OPEN_WAIT_SECONDS, TimeUnit.SECONDS) && process.exitValue() != 0) {
                throw new IOException(XDG_OPEN + " could not open it (exit code " + process.exitValue()
                        + (process.exitValue() == 3 ? ": no program for this kind of file" : "") + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
