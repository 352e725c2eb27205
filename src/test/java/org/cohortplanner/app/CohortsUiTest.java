package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.ui.audit.AuditRow;
import org.cohortplanner.ui.audit.AuditView;
import org.cohortplanner.ui.cohorts.CohortRow;
import org.cohortplanner.ui.cohorts.CohortsView;
import org.cohortplanner.ui.shell.Screen;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Splits the initial sample's 50–54 cohort at 1969 through the real console, checks the audit trail, undoes it. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class CohortsUiTest {
    /** How long to wait for background store writes to reach the audit screen; not a measure of speed. */
    private static final int STORE_WAIT_SECONDS = 30;

    @TempDir
    static Path dataDir;

    private static Application console;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsole() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        console = FxToolkit.setupApplication(CohortPlannerApp.class, "--data-dir=" + dataDir);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopConsole() throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }

    @Test
    void splittingFiftyToFiftyFourAtNineteenSixtyNineShowsBothPartsIsAuditedAndUndoes() throws TimeoutException {
        TableView<CohortRow> table = robot.lookup("#" + CohortsView.TABLE_ID).queryTableView();
        List<String> before = names(table);
        assertEquals(List.of("55–59", "50–54", "18–49"), before);

        robot.clickOn(nameCell("50–54"));
        robot.clickOn("#" + CohortsView.SPLIT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        Spinner<?> boundary = robot.lookup("#" + CohortsView.SPLIT_BOUNDARY_ID).queryAs(Spinner.class);
        assertEquals(1969, boundary.getValue());
        TableView<?> preview = robot.lookup("#" + CohortsView.SPLIT_PREVIEW_ID).queryTableView();
        assertEquals(2, preview.getItems().size());
        assertEquals(before, names(table), "the preview changes nothing");
        robot.clickOn((Node) robot.lookup(".dialog-pane .button").match(
                node -> node instanceof Button && ((Button) node).isDefaultButton()).query());
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of("55–59", "50–54", "53–54", "50–52", "18–49"), names(table));
        CohortRow younger = table.getItems().stream().filter(row -> row.name().equals("50–52")).findFirst()
                .orElseThrow();
        assertEquals("1969–1971", younger.birthYearsText());

        robot.clickOn("#" + Screen.AUDIT.navigationId());
        TableView<AuditRow> audit = robot.lookup("#" + AuditView.TABLE_ID).queryTableView();
        WaitForAsyncUtils.waitFor(STORE_WAIT_SECONDS, TimeUnit.SECONDS, () -> audit.getItems().stream()
                .anyMatch(row -> row.action().equals("Split cohort 50–54 at 1969 into 53–54, 50–52")));

        robot.clickOn("#" + Screen.COHORTS.navigationId());
        robot.clickOn(nameCell("55–59"));
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(before, names(table));
        robot.clickOn("#" + Screen.AUDIT.navigationId());
        WaitForAsyncUtils.waitFor(STORE_WAIT_SECONDS, TimeUnit.SECONDS, () -> audit.getItems().stream()
                .anyMatch(row -> row.action().equals("Undo: Split cohort 50–54 at 1969 into 53–54, 50–52")));
        assertTrue(audit.getItems().size() >= 3, "first start, split and undo are all in the trail");
    }

    private Node nameCell(String name) {
        return robot.lookup(".table-cell").match(node -> node instanceof TableCell<?, ?> cell
                && cell.getTableColumn() != null && CohortsView.NAME_COLUMN_ID.equals(cell.getTableColumn().getId())
                && name.equals(cell.getText())).query();
    }

    private static List<String> names(TableView<CohortRow> table) {
        return table.getItems().stream().map(CohortRow::name).toList();
    }
}
