package org.cohortplanner.files;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The one place that knows each operating system's per-user folders for the console: where it keeps its local data
 * (the embedded database) and where its settings file goes.
 * <table>
 *     <caption>The folders</caption>
 *     <tr><th>system</th><th>data</th><th>settings</th></tr>
 *     <tr><td>Linux and other Unix</td><td>{@code $XDG_DATA_HOME/cohort-planner}, else
 *     {@code ~/.local/share/cohort-planner}</td><td>{@code $XDG_CONFIG_HOME/cohort-planner}, else
 *     {@code ~/.config/cohort-planner}</td></tr>
 *     <tr><td>macOS</td><td>{@code ~/Library/Application Support/Cohort Planner}</td>
 *     <td>{@code ~/Library/Preferences/Cohort Planner}</td></tr>
 *     <tr><td>Windows</td><td>{@code %APPDATA%\Cohort Planner}</td><td>{@code %APPDATA%\Cohort Planner}</td></tr>
 * </table>
 *
 * @param data   the folder of the console's local data
 * @param config the folder of the console's settings
 */
public record PlatformFolders(Path data, Path config) {
    /** Folder name where the platform's convention is lower case without spaces (XDG). */
    public static final String UNIX_FOLDER_NAME = "cohort-planner";
    /** Folder name where the platform's convention is the product's display name. */
    public static final String DISPLAY_FOLDER_NAME = "Cohort Planner";

    /** The folders of this user on this machine. */
    public static PlatformFolders ofThisUser() {
        return of(System.getProperty("os.name", ""), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The folders for the given operating system ({@code os.name}), environment and home folder. */
    public static PlatformFolders of(String osName, Map<String, String> environment, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            Path appData = absoluteOrNull(environment.get("APPDATA"));
            Path roaming = (appData != null ? appData : home.resolve("AppData").resolve("Roaming"))
                    .resolve(DISPLAY_FOLDER_NAME);
            return new PlatformFolders(roaming, roaming);
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            Path library = home.resolve("Library");
            return new PlatformFolders(library.resolve("Application Support").resolve(DISPLAY_FOLDER_NAME),
                    library.resolve("Preferences").resolve(DISPLAY_FOLDER_NAME));
        }
        Path xdgDataHome = absoluteOrNull(environment.get("XDG_DATA_HOME"));
        Path xdgConfigHome = absoluteOrNull(environment.get("XDG_CONFIG_HOME"));
        return new PlatformFolders(
                (xdgDataHome != null ? xdgDataHome : home.resolve(".local").resolve("share")).resolve(UNIX_FOLDER_NAME),
                (xdgConfigHome != null ? xdgConfigHome : home.resolve(".config")).resolve(UNIX_FOLDER_NAME));
    }

    /**
     * {@code path} when it is an absolute path, else null: the XDG base directory specification says a relative or
     * empty value of its variables is invalid and must be ignored, and other systems' variables are read the same way.
     */
    static Path absoluteOrNull(String path) {
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
}
