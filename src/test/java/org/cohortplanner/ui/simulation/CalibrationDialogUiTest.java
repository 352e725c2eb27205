package org.cohortplanner.ui.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.TableView;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.store.json.ObservedNightFiles;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScreenStage;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Simulation screen's calibration dialog, headless, as a planner uses it: a figure of the 12 July night typed in,
 * the burst decay fitted to it, the fit applied to the plan and taken back with Undo.
 */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class CalibrationDialogUiTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final FxRobot robot = new FxRobot();
    private final Texts texts = Texts.of(SimulationView.class, Locale.ENGLISH);
    private WorkingPlan working;

    @BeforeEach
    void showScreen() throws TimeoutException {
        working = new WorkingPlan(new InMemoryPlanStore(SAMPLE), new DirectTaskRunner(), SAMPLE);
        ScreenStage.show(() -> {
            SimulationViewModel simulation = new SimulationViewModel(working, new DirectTaskRunner(),
                    new CohortSelection(), new BookingNightSimulator(), BookingNights.standard(),
                    new CohortSplitter(), "kim", texts);
            CalibrationViewModel calibration = new CalibrationViewModel(working, new DirectTaskRunner(),
                    new ScriptedDialogs(), file -> ObservedNightFiles.read(file).observations(),
                    new BookingNightSimulator(), BookingNights.standard(), "kim", texts);
            simulation.chooseWindow("c55-59");
            return new SimulationView(simulation, calibration).root();
        });
    }

    @AfterEach
    void closeScreen() throws TimeoutException {
        ScreenStage.close();
    }

    @Test
    void aTypedFigureIsFittedAppliedAndUndone() {
        double planDecay = SAMPLE.bookingSystem().night().burstDecayMinutes();
        robot.clickOn("#" + SimulationView.CALIBRATE_ID);
        WaitForAsyncUtils.waitForFxEvents();

        // Half the people the sample books by 15:30: another burst decay fits it.
        robot.clickOn("#" + CalibrationDialog.TIME_ID).write("15:30");
        robot.clickOn("#" + CalibrationDialog.VALUE_ID).write("900,000");
        robot.clickOn("#" + CalibrationDialog.SOURCE_ID).write("a test figure");
        robot.clickOn("#" + CalibrationDialog.ADD_ID);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> observed = robot.lookup("#" + CalibrationDialog.OBSERVATIONS_ID).queryTableView();
        assertEquals(1, observed.getItems().size(), robot.lookup("#" + CalibrationDialog.PROBLEM_ID)
                .queryLabeled().getText());

        robot.clickOn("#" + CalibrationDialog.FIT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<CalibrationViewModel.ParameterLine> fitted =
                robot.lookup("#" + CalibrationDialog.PARAMETERS_ID).queryTableView();
        assertEquals(1, fitted.getItems().size(), robot.lookup("#" + CalibrationDialog.STATUS_ID).queryLabeled()
                .getText());
        assertEquals(1, robot.lookup("#" + CalibrationDialog.RESIDUALS_ID).queryTableView().getItems().size());
        assertEquals(SAMPLE, working.getPlan(), "nothing changes before Apply");

        robot.clickOn(texts.get("calibration.apply"));
        WaitForAsyncUtils.waitForFxEvents();
        double fittedDecay = working.getPlan().bookingSystem().night().burstDecayMinutes();
        assertNotEquals(planDecay, fittedDecay);
        assertEquals(new NightFormats(texts).number(fittedDecay, 1), fitted.getItems().get(0).fitted(),
                "the plan holds the value the dialog showed");

        robot.interact(working::undo);
        assertEquals(SAMPLE.bookingSystem(), working.getPlan().bookingSystem());
    }
}
