package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.audit.AuditRow;
import org.cohortplanner.ui.audit.AuditView;
import org.cohortplanner.ui.cohorts.CohortRow;
import org.cohortplanner.ui.cohorts.CohortsView;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.cohortplanner.ui.shell.UpcomingScreenView;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.util.WaitForAsyncUtils;

/** The console's shell on the initial sample: cohorts, status bar, navigation, a new plan. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleUiTest extends RunningConsole {
    /** The test that replaces the sample plan runs after those that look at it. */
    private static final int LAST = Integer.MAX_VALUE;

    @Test
    void theCohortTableShowsTheInitialSamplesCohorts() {
        Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
        TableView<CohortRow> table = robot.lookup("#" + CohortsView.TABLE_ID).queryTableView();

        assertEquals(sample.cohorts().stream().map(Cohort::name).toList(),
                table.getItems().stream().map(CohortRow::name).toList());
        CohortRow fifties = table.getItems().stream().filter(row -> row.name().equals("50–54")).findFirst()
                .orElseThrow();
        assertEquals("1967–1971", fifties.birthYearsText());
        assertEquals("3,807,034", fifties.eligibleText());
        assertTrue(robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
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
        Label coming = robot.lookup("#" + Screen.SUPPLY.contentId() + " #" + UpcomingScreenView.MESSAGE_ID)
                .queryAs(Label.class);
        assertTrue(coming.getText().contains("coming with the supply work"), coming.getText());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertShown(Screen.COHORTS);
    }

    @Test
    @Order(LAST)
    void aNewPlanStartsOnlyAfterTheUserConfirms() {
        TableView<CohortRow> table = robot.lookup("#" + CohortsView.TABLE_ID).queryTableView();
        int cohorts = table.getItems().size();

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".dialog-pane .button").match(
                node -> node instanceof Button && ((Button) node).isCancelButton()).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(cohorts, table.getItems().size());

        robot.press(KeyCode.CONTROL, KeyCode.N).release(KeyCode.N, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".dialog-pane .button").match(
                node -> node instanceof Button && ((Button) node).isDefaultButton()).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().isEmpty());
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
