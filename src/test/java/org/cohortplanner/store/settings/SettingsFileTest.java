package org.cohortplanner.store.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cohortplanner.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {
    @TempDir
    Path folder;

    @Test
    void settingsComeBackAsTheyWereSaved() {
        SettingsFile file = new SettingsFile(folder.resolve("config").resolve(SettingsFile.FILE_NAME));
        ConsoleSettings saved = new ConsoleSettings(Path.of("/data/계획"), Path.of("/plans/korea-2021.json"),
                ConsoleSettings.KOREAN, "https://booking.example.org",
                new ConsoleSettings.WindowBounds(40, 30, 1280, 800, true));

        assertFalse(file.exists());
        file.write(saved);

        assertTrue(file.exists());
        assertEquals(Optional.of(saved), file.read());
    }

    @Test
    void noFileMeansNoSettingsYet() {
        assertEquals(Optional.empty(), new SettingsFile(folder.resolve(SettingsFile.FILE_NAME)).read());
    }

    @Test
    void valuesThatCannotBeUnderstoodFallBackToTheirDefaults() throws IOException {
        Path path = folder.resolve(SettingsFile.FILE_NAME);
        Files.writeString(path, "language=fr\nwindow.width=wide\nwindow.height=800\nbackend.url=  \n");

        ConsoleSettings read = new SettingsFile(path).read().orElseThrow();

        assertEquals(ConsoleSettings.SYSTEM_LANGUAGE, read.language());
        assertNull(read.window());
        assertNull(read.dataDirectory());
        assertEquals("", read.backendUrl());
    }

    @Test
    void aSettingsFileThatCannotBeWrittenSaysWhere() throws IOException {
        Path blocker = folder.resolve("not-a-folder");
        Files.writeString(blocker, "");
        SettingsFile file = new SettingsFile(blocker.resolve(SettingsFile.FILE_NAME));

        StoreException failure = assertThrows(StoreException.class, () -> file.write(ConsoleSettings.defaults()));
        assertTrue(failure.getMessage().contains(blocker.toString()), failure.getMessage());
    }

    @Test
    void theSettingsFolderFollowsEachSystemsConvention() {
        Path home = Path.of("/home/kim");
        assertEquals(Path.of("/home/kim/.config/cohort-planner"),
                SettingsFile.defaultDirectory("Linux", Map.of(), home));
        assertEquals(Path.of("/xdg/config/cohort-planner"),
                SettingsFile.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "/xdg/config"), home));
        assertEquals(Path.of("/home/kim/.config/cohort-planner"),
                SettingsFile.defaultDirectory("Linux", Map.of("XDG_CONFIG_HOME", "relative"), home));
        assertEquals(Path.of("/home/kim/Library/Preferences/Cohort Planner"),
                SettingsFile.defaultDirectory("Mac OS X", Map.of(), home));
    }

    @Test
    void theLanguageFollowsTheSystemUnlessChosen() {
        ConsoleSettings system = ConsoleSettings.defaults();
        assertEquals("ko", system.locale(Locale.KOREA).getLanguage());
        assertEquals("en", system.locale(Locale.GERMANY).getLanguage());
        assertEquals("en", system.withLanguage(ConsoleSettings.ENGLISH).locale(Locale.KOREA).getLanguage());
        assertEquals("ko", system.withLanguage(ConsoleSettings.KOREAN).locale(Locale.US).getLanguage());
        assertThrows(IllegalArgumentException.class, () -> system.withLanguage("fr"));
    }
}
