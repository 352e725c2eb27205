package org.cohortplanner.ui.simulation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.app.HeadlessConsole;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.shell.Screen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Simulation screen in the real console, headless, on the initial sample plan a first start seeds. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class SimulationViewUiTest {
    private final FxRobot robot = new FxRobot();
    private final Texts texts = Texts.of(SimulationView.class, Locale.getDefault());

    @Test
    void theInitialPlansSingleFiftiesNightMakesPeopleWait(@TempDir Path dataDir) throws TimeoutException {
        Application console = HeadlessConsole.start(dataDir);
        try {
            simulateTheFiftiesNight();
        } finally {
            HeadlessConsole.stop(console);
        }
    }

    private void simulateTheFiftiesNight() throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#" + Screen.SIMULATION.contentId()).queryAll().isEmpty());

        ComboBox<?> window = robot.lookup("#" + SimulationView.WINDOW_CHOICE_ID).queryComboBox();
        robot.clickOn(window);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn((Node) robot.lookup(".list-cell").match(node -> node instanceof ListCell<?> cell
                && cell.getText() != null && cell.getText().startsWith("50–54")).query());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.getValue().toString().startsWith("50–54"), String.valueOf(window.getValue()));

        robot.clickOn("#" + SimulationView.RUN_ID);
        TableView<SimulationViewModel.ResultLine> results =
                robot.lookup("#" + SimulationView.RESULTS_TABLE_ID).queryTableView();
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !results.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        String p95 = results.getItems().stream().filter(line -> line.figure().equals(texts.get("result.p95")))
                .findFirst().orElseThrow().value();
        // With the arrival burst fitted to 12 July the one fifties night has a p95 of minutes, not hours.
        Matcher hours = Pattern.compile(texts.get("duration.hours", "(\\d+)", "\\d+")).matcher(p95);
        Matcher minutes = Pattern.compile(texts.get("duration.minutes", "(\\d+)")).matcher(p95);
        assertTrue(hours.matches() || minutes.matches() && Integer.parseInt(minutes.group(1)) >= 1,
                "a p95 wait of a minute or more: " + p95);
    }
}
