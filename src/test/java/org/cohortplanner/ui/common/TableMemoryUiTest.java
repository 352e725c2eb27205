package org.cohortplanner.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeoutException;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.store.settings.TableStateFile;
import org.cohortplanner.ui.ScreenStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A table keeps the sort order and the widths the user gave it with the mouse: a table built anew (as after a
 * language switch or a restart) comes back sorted and sized the same.
 */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class TableMemoryUiTest {
    @TempDir
    Path folder;
    private final FxRobot robot = new FxRobot();
    private TableView<String> table;

    private void show(TableStateFile states) throws TimeoutException {
        TableMemory.use(states);
        ScreenStage.show(() -> {
            table = new TableView<>(FXCollections.observableArrayList("b", "c", "a"));
            table.setId("remembered");
            TableColumn<String, String> name = new TableColumn<>("Name");
            name.setId("name");
            name.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue()));
            TableColumn<String, String> upper = new TableColumn<>("Upper");
            upper.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().toUpperCase()));
            table.getColumns().setAll(List.of(name, upper));
            TableMemory.remember(table, "test.table");
            return new VBox(table);
        });
    }

    @AfterEach
    void close() throws TimeoutException {
        TableMemory.use(null);
        ScreenStage.close();
    }

    @Test
    void aSortAndAWidthChosenOnTheHeaderComeBackInATableBuiltAnew() throws TimeoutException {
        TableStateFile states = TableStateFile.beside(new SettingsFile(folder.resolve("settings.properties")));
        show(states);
        robot.interact(() -> table.getColumns().get(1).setPrefWidth(222));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#name");
        robot.clickOn("#name");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("c", "b", "a"), List.copyOf(table.getItems()), "sorted descending by two clicks");
        assertTrue(states.get("test.table").isPresent(), "the header's clicks were kept");
        ScreenStage.close();

        show(TableStateFile.beside(new SettingsFile(folder.resolve("settings.properties"))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("c", "b", "a"), List.copyOf(table.getItems()), "the new table sorts as the old did");
        assertEquals(TableColumn.SortType.DESCENDING, table.getSortOrder().get(0).getSortType());
        assertEquals(222, table.getColumns().get(1).getWidth(), 0.5, "and has the width it was given");
    }

    @Test
    void withoutAPlaceToKeepItATableStartsWithItsDefaults() throws TimeoutException {
        show(null);
        robot.clickOn("#name");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("a", "b", "c"), List.copyOf(table.getItems()));
    }
}
