package org.cohortplanner.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataLocationTest {
    private static final Path HOME = Path.of("/home/kim");

    @Test
    void linuxUsesXdgDataHomeWhenSet() {
        assertEquals(Path.of("/data/kim/cohort-planner"),
                DataLocation.defaultDirectory("Linux", Map.of("XDG_DATA_HOME", "/data/kim"), HOME));
    }

    @Test
    void linuxFallsBackToLocalShareWithoutXdgDataHome() {
        assertEquals(Path.of("/home/kim/.local/share/cohort-planner"),
                DataLocation.defaultDirectory("Linux", Map.of(), HOME));
    }

    @Test
    void relativeXdgDataHomeIsIgnoredAsTheSpecificationSays() {
        assertEquals(Path.of("/home/kim/.local/share/cohort-planner"),
                DataLocation.defaultDirectory("Linux", Map.of("XDG_DATA_HOME", "data"), HOME));
    }

    @Test
    void macUsesApplicationSupport() {
        assertEquals(Path.of("/Users/kim/Library/Application Support/Cohort Planner"),
                DataLocation.defaultDirectory("Mac OS X", Map.of("XDG_DATA_HOME", "/data/kim"), Path.of("/Users/kim")));
    }

    @Test
    void windowsUsesAppData() {
        Path appData = Path.of("/roaming/kim");
        assertEquals(appData.resolve("Cohort Planner"),
                DataLocation.defaultDirectory("Windows 11", Map.of("APPDATA", appData.toString()), HOME));
        assertEquals(HOME.resolve("AppData").resolve("Roaming").resolve("Cohort Planner"),
                DataLocation.defaultDirectory("Windows 10", Map.of(), HOME));
    }

    @Test
    void chosenFolderOverridesTheDefault(@TempDir Path temp) {
        Path chosen = temp.resolve("plans");
        assertEquals(chosen.toAbsolutePath(), DataLocation.resolve(chosen).directory());
    }

    @Test
    void noChosenFolderMeansTheUsersDataFolder() {
        assertEquals(DataLocation.userDefault().directory(), DataLocation.resolve(null).directory());
        assertTrue(DataLocation.userDefault().directory().isAbsolute());
    }

    @Test
    void createMakesTheFolderAndItsParents(@TempDir Path temp) {
        Path chosen = temp.resolve("a").resolve("b");
        Path created = DataLocation.resolve(chosen).create();
        assertTrue(Files.isDirectory(created));
        assertEquals(created, DataLocation.resolve(chosen).create());
    }

    @Test
    void folderBelowAFileCannotBeCreatedAndTheMessageSaysWhere(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("plan.json"), "{}");
        StoreException refused = assertThrows(StoreException.class,
                () -> DataLocation.resolve(file.resolve("data")).create());
        assertTrue(refused.getMessage().startsWith("the data folder " + file.resolve("data") + " cannot be created"),
                refused.getMessage());
    }
}
