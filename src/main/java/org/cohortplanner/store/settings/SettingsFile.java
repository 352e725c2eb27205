package org.cohortplanner.store.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.cohortplanner.files.AtomicFiles;
import org.cohortplanner.files.PlatformFolders;
import org.cohortplanner.store.StoreException;

/**
 * The console's settings as a small properties file in the user's configuration folder (see docs/adr for why a file
 * and not java.util.prefs). A value that cannot be understood is left at its default rather than stopping the
 * console: settings are a convenience, never a reason not to start.
 * The file is {@value #FILE_NAME} in the user's configuration folder ({@link PlatformFolders#config()}).
 * The system property {@value #CONFIG_DIR_PROPERTY} names another folder (tests, a portable install).
 */
public final class SettingsFile {
    public static final String FILE_NAME = "settings.properties";
    public static final String CONFIG_DIR_PROPERTY = "cohortplanner.config.dir";

    static final String DATA_DIRECTORY = "data.directory";
    static final String LAST_PLAN_FILE = "plan.lastFile";
    static final String LANGUAGE = "language";
    static final String BACKEND_URL = "backend.url";
    static final String WINDOW_X = "window.x";
    static final String WINDOW_Y = "window.y";
    static final String WINDOW_WIDTH = "window.width";
    static final String WINDOW_HEIGHT = "window.height";
    static final String WINDOW_MAXIMIZED = "window.maximized";

    private final Path file;

    public SettingsFile(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    /** The settings file of this user (or of the folder the system property names). */
    public static SettingsFile userDefault() {
        String chosen = System.getProperty(CONFIG_DIR_PROPERTY);
        Path folder = chosen != null && !chosen.isBlank()
                ? Path.of(chosen)
                : PlatformFolders.ofThisUser().config();
        return new SettingsFile(folder.resolve(FILE_NAME));
    }

    /** The user's configuration folder for the console on the given operating system. */
    static Path defaultDirectory(String osName, Map<String, String> environment, Path home) {
        return PlatformFolders.of(osName, environment, home).config();
    }

    public Path file() {
        return file;
    }

    /** True once settings were saved: until then the console starts with its first-run screen. */
    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The saved settings, or empty when there are none yet or the file cannot be read. */
    public Optional<ConsoleSettings> read() {
        if (!exists()) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
        String language = properties.getProperty(LANGUAGE, ConsoleSettings.SYSTEM_LANGUAGE).strip();
        if (!language.equals(ConsoleSettings.ENGLISH) && !language.equals(ConsoleSettings.KOREAN)) {
            language = ConsoleSettings.SYSTEM_LANGUAGE;
        }
        return Optional.of(new ConsoleSettings(path(properties, DATA_DIRECTORY), path(properties, LAST_PLAN_FILE),
                language, properties.getProperty(BACKEND_URL, ""), window(properties)));
    }

    /**
     * Saves {@code settings}, replacing the file in one step so that a crash never leaves half a file.
     *
     * @throws StoreException when the file cannot be written, saying where
     */
    public void write(ConsoleSettings settings) {
        Properties properties = new Properties();
        put(properties, DATA_DIRECTORY, settings.dataDirectory());
        put(properties, LAST_PLAN_FILE, settings.lastPlanFile());
        properties.setProperty(LANGUAGE, settings.language());
        properties.setProperty(BACKEND_URL, settings.backendUrl());
        ConsoleSettings.WindowBounds window = settings.window();
        if (window != null) {
            properties.setProperty(WINDOW_X, Double.toString(window.x()));
            properties.setProperty(WINDOW_Y, Double.toString(window.y()));
            properties.setProperty(WINDOW_WIDTH, Double.toString(window.width()));
            properties.setProperty(WINDOW_HEIGHT, Double.toString(window.height()));
            properties.setProperty(WINDOW_MAXIMIZED, Boolean.toString(window.maximized()));
        }
        try {
            Files.createDirectories(file.getParent());
            StringWriter text = new StringWriter();
            properties.store(text, "Cohort Planner settings");
            byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(file, true, out -> out.write(bytes));
        } catch (IOException | UncheckedIOException failure) {
            throw new StoreException("the settings cannot be saved to " + file + ": " + failure.getMessage(), failure);
        }
    }

    private static void put(Properties properties, String key, Path value) {
        if (value != null) {
            properties.setProperty(key, value.toString());
        }
    }

    private static Path path(Properties properties, String key) {
        String value = properties.getProperty(key, "").strip();
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException invalid) {
            return null;
        }
    }

    private static ConsoleSettings.WindowBounds window(Properties properties) {
        try {
            double width = Double.parseDouble(properties.getProperty(WINDOW_WIDTH, ""));
            double height = Double.parseDouble(properties.getProperty(WINDOW_HEIGHT, ""));
            double x = Double.parseDouble(properties.getProperty(WINDOW_X, "0"));
            double y = Double.parseDouble(properties.getProperty(WINDOW_Y, "0"));
            return new ConsoleSettings.WindowBounds(x, y, width, height,
                    Boolean.parseBoolean(properties.getProperty(WINDOW_MAXIMIZED, "false")));
        } catch (IllegalArgumentException missingOrBad) {
            return null;
        }
    }
}
