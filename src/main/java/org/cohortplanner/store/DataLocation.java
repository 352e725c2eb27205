package org.cohortplanner.store;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The folder where the console keeps its local data (the embedded H2 model): the user's data folder as each
 * operating system defines it, unless the user points elsewhere with {@code --data-dir}.
 * <ul>
 *     <li>Linux and other Unix: {@code $XDG_DATA_HOME/cohort-planner}, else {@code ~/.local/share/cohort-planner}</li>
 *     <li>macOS: {@code ~/Library/Application Support/Cohort Planner}</li>
 *     <li>Windows: {@code %APPDATA%\Cohort Planner}</li>
 * </ul>
 */
public final class DataLocation {
    /** Folder name where the platform's convention is lower case without spaces (XDG). */
    public static final String UNIX_FOLDER_NAME = "cohort-planner";
    /** Folder name where the platform's convention is the product's display name. */
    public static final String DISPLAY_FOLDER_NAME = "Cohort Planner";

    private final Path directory;

    private DataLocation(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The folder the user chose, or the user's data folder when {@code chosenDirectory} is null. */
    public static DataLocation resolve(Path chosenDirectory) {
        return chosenDirectory == null ? userDefault() : new DataLocation(chosenDirectory);
    }

    /** The user's data folder on this machine. */
    public static DataLocation userDefault() {
        return new DataLocation(defaultDirectory(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    /** The user's data folder for the given operating system, environment and home folder. */
    static Path defaultDirectory(String osName, Map<String, String> environment, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path appData = absoluteOrNull(environment.get("APPDATA"));
            Path roaming = appData != null ? appData : home.resolve("AppData").resolve("Roaming");
            return roaming.resolve(DISPLAY_FOLDER_NAME);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return home.resolve("Library").resolve("Application Support").resolve(DISPLAY_FOLDER_NAME);
        }
        // The XDG base directory specification says a relative $XDG_DATA_HOME is invalid and must be ignored.
        Path xdgDataHome = absoluteOrNull(environment.get("XDG_DATA_HOME"));
        Path dataHome = xdgDataHome != null ? xdgDataHome : home.resolve(".local").resolve("share");
        return dataHome.resolve(UNIX_FOLDER_NAME);
    }

    private static Path absoluteOrNull(String path) {
        if (path == null || path.isBlank()) {
            return null;
        }
        try {
            Path candidate = Path.of(path);
            return candidate.isAbsolute() ? candidate : null;
        } catch (RuntimeException invalid) {
            return null;
        }
    }

    public Path directory() {
        return directory;
    }

    /**
     * Creates the folder (and its parents) when it does not exist yet.
     *
     * @return the folder
     * @throws StoreException when it cannot be created or is not a writable folder
     */
    public Path create() {
        try {
            Files.createDirectories(directory);
        } catch (FileAlreadyExistsException notAFolder) {
            throw new StoreException("the data folder " + directory + " cannot be used: a file of that name exists");
        } catch (AccessDeniedException denied) {
            throw new StoreException("the data folder " + directory + " cannot be created: permission denied on "
                    + denied.getFile());
        } catch (IOException | SecurityException failure) {
            throw new StoreException("the data folder " + directory + " cannot be created: " + failure.getMessage(),
                    failure);
        }
        if (!Files.isWritable(directory)) {
            throw new StoreException("the data folder " + directory + " is not writable; choose another folder with "
                    + "--data-dir");
        }
        return directory;
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
