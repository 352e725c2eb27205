package org.cohortplanner.store.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * What the console remembers between starts: where its data lives, the plan file last opened or saved, the language,
 * the booking backend's address and the window's place on the screen.
 *
 * @param dataDirectory the data folder, or null for the user's data folder
 * @param lastPlanFile  the plan file last opened or saved, or null
 * @param language      {@link #SYSTEM_LANGUAGE} to follow the system, else a language tag ("en", "ko")
 * @param backendUrl    the booking backend's address, empty when none is used
 * @param window        where the window was, or null before it was ever closed
 */
public record ConsoleSettings(Path dataDirectory, Path lastPlanFile, String language, String backendUrl,
                              WindowBounds window) {
    /** The language setting that follows the system's locale. */
    public static final String SYSTEM_LANGUAGE = "";
    public static final String ENGLISH = "en";
    public static final String KOREAN = "ko";

    public ConsoleSettings {
        language = language == null ? SYSTEM_LANGUAGE : language.strip();
        if (!language.equals(SYSTEM_LANGUAGE) && !language.equals(ENGLISH) && !language.equals(KOREAN)) {
            throw new IllegalArgumentException("language " + language + " is not offered; use en, ko or the system's");
        }
        backendUrl = backendUrl == null ? "" : backendUrl.strip();
    }

    /** Settings before the user chose anything: system language, user's data folder, no backend. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(null, null, SYSTEM_LANGUAGE, "", null);
    }

    /**
     * The locale the console's texts use: the chosen language, or the system's when it is one the console speaks
     * (Korean), else English.
     */
    public Locale locale(Locale system) {
        Objects.requireNonNull(system, "system");
        String tag = language.equals(SYSTEM_LANGUAGE) ? system.getLanguage() : language;
        return tag.equals(KOREAN) ? Locale.KOREA : Locale.ENGLISH;
    }

    public ConsoleSettings withDataDirectory(Path folder) {
        return new ConsoleSettings(folder, lastPlanFile, language, backendUrl, window);
    }

    public ConsoleSettings withLastPlanFile(Path file) {
        return new ConsoleSettings(dataDirectory, file, language, backendUrl, window);
    }

    public ConsoleSettings withLanguage(String tag) {
        return new ConsoleSettings(dataDirectory, lastPlanFile, tag, backendUrl, window);
    }

    public ConsoleSettings withBackendUrl(String url) {
        return new ConsoleSettings(dataDirectory, lastPlanFile, language, url, window);
    }

    public ConsoleSettings withWindow(WindowBounds bounds) {
        return new ConsoleSettings(dataDirectory, lastPlanFile, language, backendUrl, bounds);
    }

    /** The window's position and size in screen pixels, and whether it was maximised. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
        public WindowBounds {
            if (!(width > 0) || !(height > 0)) {
                throw new IllegalArgumentException("window size " + width + " × " + height + " is not positive");
            }
        }
    }
}
