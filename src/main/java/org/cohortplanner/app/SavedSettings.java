package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.ui.shell.ConsoleSettingsAccess;

/** The console's settings, kept in the settings file; tells the composition root when they change. */
final class SavedSettings implements ConsoleSettingsAccess {
    private final SettingsFile file;
    private final Path dataFolderInUse;
    private final Path defaultDataFolder;
    private ConsoleSettings current;
    private BiConsumer<ConsoleSettings, ConsoleSettings> onChange = (before, after) -> { };

    SavedSettings(SettingsFile file, ConsoleSettings initial, Path dataFolderInUse, Path defaultDataFolder) {
        this.file = Objects.requireNonNull(file, "file");
        this.current = Objects.requireNonNull(initial, "initial");
        this.dataFolderInUse = dataFolderInUse;
        this.defaultDataFolder = defaultDataFolder;
    }

    /** Called with the settings before and after each change that was saved. */
    void onChange(BiConsumer<ConsoleSettings, ConsoleSettings> listener) {
        this.onChange = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public ConsoleSettings settings() {
        return current;
    }

    @Override
    public void change(ConsoleSettings changed) {
        file.write(changed);
        ConsoleSettings before = current;
        current = changed;
        onChange.accept(before, changed);
    }

    @Override
    public Path dataFolderInUse() {
        return dataFolderInUse;
    }

    @Override
    public Path defaultDataFolder() {
        return defaultDataFolder;
    }

    @Override
    public Path settingsFile() {
        return file.file();
    }
}
