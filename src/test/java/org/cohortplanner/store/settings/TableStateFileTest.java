package org.cohortplanner.store.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cohortplanner.store.settings.TableStateFile.SortKey;
import org.cohortplanner.store.settings.TableStateFile.TableState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables' layouts beside the settings: kept across a restart, and a damaged file costs only the layout. */
class TableStateFileTest {
    @TempDir
    Path folder;

    @Test
    void aLayoutKeptIsReadBackByTheNextStart() {
        SettingsFile settings = new SettingsFile(folder.resolve("settings.properties"));
        TableState audit = new TableState(List.of(120.0, 80.5, 300.0), List.of(new SortKey(1, true),
                new SortKey(0, false)));
        assertTrue(TableStateFile.beside(settings).put("audit", audit));
        assertEquals(folder.resolve(TableStateFile.FILE_NAME), TableStateFile.beside(settings).file());
        assertEquals(audit, TableStateFile.beside(settings).get("audit").orElseThrow());
        assertTrue(TableStateFile.beside(settings).get("supply.deliveries").isEmpty());
    }

    @Test
    void aDamagedOrHostileFileGivesTheTablesTheirDefaults() throws IOException {
        SettingsFile settings = new SettingsFile(folder.resolve("settings.properties"));
        Files.writeString(folder.resolve(TableStateFile.FILE_NAME), "audit.widths=120,abc\naudit.sort=0+\n"
                + "supply.widths=-5,20\ntimeline.widths=10,20\ntimeline.sort=7-\nok.widths=50,60\nok.sort=1-\n");
        TableStateFile read = TableStateFile.beside(settings);
        assertTrue(read.get("audit").isEmpty(), "a width that is not a number");
        assertTrue(read.get("supply").isEmpty(), "a negative width");
        assertTrue(read.get("timeline").isEmpty(), "a sort on a column the table does not have");
        assertEquals(new TableState(List.of(50.0, 60.0), List.of(new SortKey(1, true))), read.get("ok").orElseThrow());
    }
}
