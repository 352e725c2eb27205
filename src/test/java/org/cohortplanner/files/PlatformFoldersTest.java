package org.cohortplanner.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlatformFoldersTest {
    private static final Path HOME = Path.of("/home/kim").toAbsolutePath();

    @Test
    void eachXdgVariableMovesOnlyItsOwnFolderAndARelativeOneIsIgnored() {
        Path data = Path.of("/xdg/data").toAbsolutePath();
        PlatformFolders folders = PlatformFolders.of("Linux", Map.of("XDG_DATA_HOME", data.toString(),
                "XDG_CONFIG_HOME", "relative/config"), HOME);
        assertEquals(data.resolve("cohort-planner"), folders.data());
        assertEquals(HOME.resolve(".config").resolve("cohort-planner"), folders.config());
    }

    @Test
    void macOsKeepsDataAndSettingsInItsTwoLibraryFoldersWhateverTheXdgVariablesSay() {
        Path home = Path.of("/Users/kim").toAbsolutePath();
        PlatformFolders folders = PlatformFolders.of("Mac OS X", Map.of("XDG_CONFIG_HOME", "/xdg"), home);
        assertEquals(home.resolve("Library/Application Support/Cohort Planner"), folders.data());
        assertEquals(home.resolve("Library/Preferences/Cohort Planner"), folders.config());
    }

    @Test
    void windowsKeepsBothInTheRoamingAppDataFolder() {
        Path appData = Path.of("/roaming").toAbsolutePath();
        PlatformFolders named = PlatformFolders.of("Windows 11", Map.of("APPDATA", appData.toString()), HOME);
        assertEquals(appData.resolve("Cohort Planner"), named.data());
        assertEquals(named.data(), named.config());
        PlatformFolders unnamed = PlatformFolders.of("Windows 10", Map.of(), HOME);
        assertEquals(HOME.resolve("AppData/Roaming/Cohort Planner"), unnamed.config());
    }

    @Test
    void thisUsersFoldersAreAbsolute() {
        PlatformFolders mine = PlatformFolders.ofThisUser();
        assertTrue(mine.data().isAbsolute());
        assertTrue(mine.config().isAbsolute());
    }
}
