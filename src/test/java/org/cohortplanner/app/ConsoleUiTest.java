package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.TreeRows;
import org.cohortplanner.ui.audit.AuditRow;
import org.cohortplanner.ui.audit.AuditView;
import org.cohortplanner.ui.cohorts.CohortRow;
import org.cohortplanner.ui.cohorts.CohortsView;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.cohortplanner.ui.supply.SupplyView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real console, headless, on a new H2 model in a temporary folder, as a planner would on first start, and
 * works with it as a planner would: switches screens, splits the initial sample's 50–54 cohort and undoes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUiTest extends RunningConsole {
    /** The test that replaces the sample plan runs after those that look at it. */
    private static final int LAST = Integer.MAX_VALUE;
    /** How long to wait for background store writes to reach the audit screen; not a measure of speed. */
    private static final int STORE_WAIT_SECONDS = 30;

    /** The console starts on the Dashboard; these tests work from the Cohorts screen. */
    @BeforeEach
    void openTheCohorts() {
        robot.clickOn("#" + Screen.COHORTS.navigationId());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theCohortTableShowsTheInitialSamplesCohorts() {
        Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        TreeTableView<CohortRow> table = robot.lookup("#" + CohortsView.TABLE_ID).query();

        assertEquals(sample.cohorts().stream().map(Cohort::name).toList(),
                TreeRows.shown(table).stream().map(CohortRow::name).toList());
        CohortRow fifties = TreeRows.shown(table).stream().filter(row -> row.name().equals("50–54")).findFirst()
                .orElseThrow();
        assertEquals("1967–1971", fifties.birthYearsText());
        assertEquals("3,807,034", fifties.eligibleText());
        assertTrue(robot.lookup(".tree-table-cell").queryAllAs(TreeTableCell.class).stream()
                .anyMatch(cell -> "3,807,034".equals(cell.getText())), "the cell shows people with separators");
    }

    @Test
    void theStatusBarSaysWhereTheDataLivesAndWhichPlanIsOpen() {
        String location = robot.lookup("#" + ShellView.STATUS_LOCATION_ID).queryAs(Label.class).getText();
        String plan = robot.lookup("#" + ShellView.STATUS_PLAN_ID).queryAs(Label.class).getText();

        assertTrue(location.contains(dataDir.toString()), location);
        assertTrue(Files.exists(dataDir.resolve(H2PlanStore.DATABASE_NAME + H2PlanStore.FILE_SUFFIX)));
        assertTrue(plan.startsWith("Plan: Korea 2021, initial plan · version "), plan);
    }

    @Test
    void theNavigationPaneAndShortcutsSwitchScreens() {
        robot.clickOn("#" + Screen.AUDIT.navigationId());
        WaitForAsyncUtils.waitForFxEvents();
        assertShown(Screen.AUDIT);
        TableView<AuditRow> audit = robot.lookup("#" + AuditView.TABLE_ID).queryTableView();
        assertTrue(audit.getItems().stream().anyMatch(row -> row.action().contains("sample plan")),
                "the first start is in the audit trail");

        robot.clickOn("#" + AuditView.FILTER_ID).write("no such entry");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(audit.getItems().isEmpty());
        TextField filter = robot.lookup("#" + AuditView.FILTER_ID).queryAs(TextField.class);
        robot.interact(filter::clear);
        assertFalse(audit.getItems().isEmpty());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertShown(Screen.SUPPLY);
        assertFalse(robot.lookup("#" + Screen.SUPPLY.contentId() + " #" + SupplyView.DELIVERIES_ID).queryTableView()
                .getItems().isEmpty(), "the supply screen lists the sample's deliveries");

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertShown(Screen.COHORTS);
    }

    @Test
    void splittingFiftyToFiftyFourAtNineteenSixtyNineShowsBothPartsIsAuditedAndUndoes() throws TimeoutException {
        TreeTableView<CohortRow> table = robot.lookup("#" + CohortsView.TABLE_ID).query();
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
        CohortRow younger = TreeRows.shown(table).stream().filter(row -> row.name().equals("50–52")).findFirst()
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
        robot.clickOn("#" + Screen.COHORTS.navigationId());
    }

    private Node nameCell(String name) {
        return robot.lookup(".tree-table-cell").match(node -> node instanceof TreeTableCell<?, ?> cell
                && cell.getTableColumn() != null && CohortsView.NAME_COLUMN_ID.equals(cell.getTableColumn().getId())
                && name.equals(cell.getText())).query();
    }

    private static List<String> names(TreeTableView<CohortRow> table) {
        return TreeRows.shown(table).stream().map(CohortRow::name).toList();
    }

    @Test
    @Order(LAST)
    void aNewPlanStartsOnlyAfterTheUserConfirms() {
        TreeTableView<CohortRow> table = robot.lookup("#" + CohortsView.TABLE_ID).query();
        int cohorts = TreeRows.shown(table).size();

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".dialog-pane .button").match(
                node -> node instanceof Button && ((Button) node).isCancelButton()).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cohorts, TreeRows.shown(table).size());

        // The plan is in no file: the console offers to save it first, to replace it (Undo brings it back) or not.
        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".dialog-pane .button").match(
                node -> node instanceof Button && "Replace".equals(((Button) node).getText())).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(TreeRows.shown(table).isEmpty());
        String plan = robot.lookup("#" + ShellView.STATUS_PLAN_ID).queryAs(Label.class).getText();
        assertTrue(plan.startsWith("Plan: New plan · version "), plan);
    }

    private void assertShown(Screen shown) {
        for (Screen screen : Screen.values()) {
            List<Node> nodes = List.copyOf(robot.lookup("#" + screen.contentId()).queryAll());
            boolean visible = !nodes.isEmpty() && nodes.get(0).getScene() != null;
            if (screen == shown) {
                assertTrue(visible, screen + " should be shown");
            } else {
                assertFalse(visible, screen + " should not be shown");
            }
        }
    }
}
