package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleBackendSettingsTest {
    /** A node of its own under the user's preferences, removed after the test. */
    private final Preferences legacy = Preferences.userRoot().node("org/cohortplanner/test-" + UUID.randomUUID());

    @TempDir
    Path folder;

    @AfterEach
    void removeNode() throws BackingStoreException {
        legacy.removeNode();
    }

    private SavedSettings saved(ConsoleSettings initial) {
        SettingsFile file = new SettingsFile(folder.resolve(SettingsFile.FILE_NAME));
        file.write(initial);
        return new SavedSettings(file, initial, folder, folder);
    }

    @Test
    void anOlderConsolesAddressMovesToTheSettingsFileAndItsPlainTextTokenIsRemoved() throws Exception {
        legacy.put(ConsoleBackendSettings.LEGACY_URL_KEY, "http://10.0.0.5:8080");
        legacy.put(ConsoleBackendSettings.LEGACY_TOKEN_KEY, "kims-token");
        legacy.flush();
        SavedSettings settings = saved(ConsoleSettings.defaults());

        ConsoleBackendSettings backend = ConsoleBackendSettings.migrated(settings, legacy);

        assertEquals(Optional.of("http://10.0.0.5:8080"), backend.backendUrl());
        assertEquals(Optional.empty(), backend.token(), "the old token is not taken over");
        assertNull(legacy.get(ConsoleBackendSettings.LEGACY_URL_KEY, null));
        assertNull(legacy.get(ConsoleBackendSettings.LEGACY_TOKEN_KEY, null));
        String file = Files.readString(folder.resolve(SettingsFile.FILE_NAME));
        assertTrue(file.contains("10.0.0.5"), file);
        assertTrue(!file.contains("kims-token"), file);
    }

    @Test
    void theMigrationHappensOnceAndAnAddressInTheSettingsFileWins() throws Exception {
        legacy.put(ConsoleBackendSettings.LEGACY_URL_KEY, "http://old:8080");
        SavedSettings settings = saved(ConsoleSettings.defaults().withBackendUrl("https://booking.example"));
        assertEquals(Optional.of("https://booking.example"),
                ConsoleBackendSettings.migrated(settings, legacy).backendUrl());
        settings.change(settings.settings().withBackendUrl("https://other.example"));
        assertEquals(Optional.of("https://other.example"),
                ConsoleBackendSettings.migrated(settings, legacy).backendUrl(), "nothing left to migrate again");
    }

    @Test
    void theTokenIsKeptForTheSessionOnlyAndTheAddressInTheSettingsFile() throws Exception {
        SavedSettings settings = saved(ConsoleSettings.defaults());
        ConsoleBackendSettings backend = ConsoleBackendSettings.migrated(settings, legacy);
        backend.remember("http://127.0.0.1:8080", "kims-token");
        assertEquals(Optional.of("kims-token"), backend.token());
        String file = Files.readString(folder.resolve(SettingsFile.FILE_NAME));
        assertTrue(file.contains("127.0.0.1"), file);
        assertTrue(!file.contains("kims-token"), file);
        assertEquals(0, legacy.keys().length, "nothing written to preferences");
        assertEquals(Optional.empty(), ConsoleBackendSettings.migrated(settings, legacy).token(),
                "a new run asks for the token again");
        backend.remember("http://127.0.0.1:8080", null);
        assertEquals(Optional.empty(), backend.token());
    }
}
