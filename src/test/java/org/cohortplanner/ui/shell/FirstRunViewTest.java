package org.cohortplanner.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.stage.Stage;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class FirstRunViewTest {
    private final FxRobot robot = new FxRobot();
    private StartingPlan chosenPlan;
    private String chosenLanguage;
    private Stage window;

    /** A window of its own: the toolkit's primary stage stays as the console tests expect it. */
    @BeforeEach
    void showFirstRun() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        window = FxToolkit.setupFixture(() -> {
            Stage stage = new Stage();
            stage.setScene(new Scene(new FirstRunView(ConsoleSettings.ENGLISH, Path.of("/data/cohort-planner"),
                    (plan, language) -> {
                        chosenPlan = plan;
                        chosenLanguage = language;
                    }).root(), ShellView.WIDTH, ShellView.HEIGHT));
            stage.show();
            return stage;
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void close() throws TimeoutException {
        FxToolkit.setupFixture(() -> window.close());
    }

    @Test
    void theInitialSampleIsOfferedFirstAndNothingStartsBeforeStart() {
        assertTrue(robot.lookup("#" + StartingPlan.INITIAL_SAMPLE.choiceId()).queryAs(RadioButton.class).isSelected());
        assertTrue(robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().contains("/data/cohort-planner")), "says where plans are kept");
        assertNull(chosenPlan);
    }

    @Test
    void theChosenPlanAndLanguageSurviveRewritingTheScreenInKorean() {
        robot.clickOn("#" + StartingPlan.AS_RUN_SAMPLE.choiceId());
        @SuppressWarnings("unchecked")
        ComboBox<String> language = robot.lookup("#" + FirstRunView.LANGUAGE_ID).queryAs(ComboBox.class);
        robot.interact(() -> language.setValue(ConsoleSettings.KOREAN));
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals("코호트 플래너에 오신 것을 환영합니다",
                robot.lookup("#" + FirstRunView.TITLE_ID).queryAs(Label.class).getText());
        assertTrue(robot.lookup("#" + StartingPlan.AS_RUN_SAMPLE.choiceId()).queryAs(RadioButton.class).isSelected());

        robot.clickOn("#" + FirstRunView.START_ID);
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(StartingPlan.AS_RUN_SAMPLE, chosenPlan);
        assertEquals(ConsoleSettings.KOREAN, chosenLanguage);
    }
}
