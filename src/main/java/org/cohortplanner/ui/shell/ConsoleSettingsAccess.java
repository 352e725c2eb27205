package org.cohortplanner.ui.shell;

import java.nio.file.Path;
import org.cohortplanner.store.settings.ConsoleSettings;

/** The console's saved settings as the shell reads and changes them; the composition root keeps them. */
public interface ConsoleSettingsAccess {
    ConsoleSettings settings();

    /**
     * Saves {@code changed}. A new language takes effect at once: the screens are built again in it, the working plan
     * and the screen shown stay.
     *
     * @throws org.cohortplanner.store.StoreException when the settings cannot be saved, saying where
     */
    void change(ConsoleSettings changed);

    /** The data folder in use now, for the settings dialog. */
    Path dataFolderInUse();

    /** The user's data folder, shown when the setting is left at its default. */
    Path defaultDataFolder();

    /** Where the settings are kept, for the settings dialog and the About box. */
    Path settingsFile();

    /** Settings kept in memory only: for tests and for consoles started without a settings file. */
    static ConsoleSettingsAccess inMemory(Path dataFolder) {
        return new ConsoleSettingsAccess() {
            private ConsoleSettings current = ConsoleSettings.defaults();

            @Override
            public ConsoleSettings settings() {
                return current;
            }

            @Override
            public void change(ConsoleSettings changed) {
                current = changed;
            }

            @Override
            public Path dataFolderInUse() {
                return dataFolder;
            }

            @Override
            public Path defaultDataFolder() {
                return dataFolder;
            }

            @Override
            public Path settingsFile() {
                return Path.of("(not saved)");
            }
        };
    }
}
