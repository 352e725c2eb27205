package org.cohortplanner.ui.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.ScreenStage;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Scenarios screen, headless: two scenarios saved as a planner types them, compared, and one taken up. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class ScenariosViewUiTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final FxRobot robot = new FxRobot();
    @TempDir
    Path folder;
    private H2PlanStore store;
    private WorkingPlan working;

    @BeforeEach
    void showScreen() throws TimeoutException {
        store = H2PlanStore.open(folder);
        Plan stored = store.replace(SAMPLE, new PlanChange("kim", "Started", "", "", ""));
        working = new WorkingPlan(store, new DirectTaskRunner(), stored);
        ScreenStage.show(() -> new ScenariosView(new ScenariosViewModel(working, store, new DirectTaskRunner(),
                CampaignDashboard.standard(), "kim", Texts.of(ScenariosView.class, Locale.ENGLISH))).root());
    }

    @AfterEach
    void closeScreen() throws TimeoutException {
        ScreenStage.close();
        store.close();
    }

    @Test
    void twoScenariosAreSavedComparedAndOneIsOpenedAsTheWorkingPlan() {
        robot.clickOn("#" + ScenariosView.NAME_ID).write("as planned");
        robot.clickOn("#" + ScenariosView.SAVE_ID);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> working.edit(working.getPlan().withDeliveries(working.getPlan().deliveries()
                .subList(0, 2)), new PlanChange("kim", "Removed deliveries", "", "", "")));
        robot.clickOn("#" + ScenariosView.NAME_ID).write("two deliveries");
        robot.clickOn("#" + ScenariosView.SAVE_ID);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<ScenariosViewModel.ScenarioRow> list = robot.lookup("#" + ScenariosView.LIST_ID).queryTableView();
        assertEquals(List.of("as planned", "two deliveries"), list.getItems().stream()
                .map(ScenariosViewModel.ScenarioRow::name).toList());
        robot.interact(() -> list.getSelectionModel().selectAll());
        robot.clickOn("#" + ScenariosView.COMPARE_ID);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<ScenariosViewModel.FigureRow> figures = robot.lookup("#" + ScenariosView.FIGURES_ID)
                .queryTableView();
        assertEquals(List.of("Figure", "as planned", "two deliveries"), figures.getColumns().stream()
                .map(column -> column.getText()).toList());
        assertEquals("Eligible people", figures.getItems().get(0).figure());
        ListView<String> differences = robot.lookup("#" + ScenariosView.DIFFERENCES_ID).queryListView();
        assertEquals(SAMPLE.deliveries().size() - 2, differences.getItems().size(), differences.getItems()
                .toString());

        robot.interact(() -> list.getSelectionModel().clearAndSelect(0));
        robot.clickOn("#" + ScenariosView.MAKE_ID);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SAMPLE.deliveries(), working.getPlan().deliveries(), "the scenario is the working plan");
        assertTrue(working.canUndo());
        assertTrue(store.audit().stream().anyMatch(entry -> entry.action().equals("Saved scenario two deliveries")));
    }
}
