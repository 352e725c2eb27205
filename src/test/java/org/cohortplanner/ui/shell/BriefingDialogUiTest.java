package org.cohortplanner.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.ScreenStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** File › Briefing report's dialog, headless: a scenario, a day and the language chosen as a planner does. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class BriefingDialogUiTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void showWindow() throws TimeoutException {
        ScreenStage.show(StackPane::new);
    }

    @AfterEach
    void closeWindow() throws TimeoutException {
        ScreenStage.close();
    }

    @Test
    void theChosenScenarioDayAndLanguageAreWhatTheDialogAnswers() throws TimeoutException {
        SavedScenario split = new SavedScenario(2, "split 50–54", Instant.parse("2021-07-12T01:00:00Z"), "park", 3,
                SAMPLE);
        Window owner = robot.listWindows().get(0);
        BriefingDialog dialog = new BriefingDialog(() -> owner, Locale.ENGLISH);
        AtomicReference<Optional<BriefingChoices.Chosen>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialog.choose(List.of(split), Locale.ENGLISH)));
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<SavedScenario> compare = robot.lookup("#" + BriefingDialog.COMPARE_ID).queryComboBox();
        assertEquals(2, compare.getItems().size(), "the plan alone, then each saved scenario");
        robot.interact(() -> {
            compare.getSelectionModel().select(split);
            robot.lookup("#" + BriefingDialog.SINCE_ID).queryAs(DatePicker.class).setValue(LocalDate.of(2021, 7, 1));
            robot.lookup("#" + BriefingDialog.LANGUAGE_ID).<String>queryComboBox().setValue("ko");
        });
        assertEquals("1 Jul 2021", robot.lookup("#" + BriefingDialog.SINCE_ID).queryAs(DatePicker.class).getEditor()
                .getText(), "the picker writes the date as the console's tables do, not as 7/1/2021");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);

        BriefingChoices.Chosen chosen = answer.get().orElseThrow();
        assertEquals(split, chosen.compareWith());
        assertEquals(LocalDate.of(2021, 7, 1), chosen.since());
        assertEquals(Locale.KOREAN, chosen.language());
    }

    @Test
    void cancelAnswersNothing() throws TimeoutException {
        Window owner = robot.listWindows().get(0);
        BriefingDialog dialog = new BriefingDialog(() -> owner, Locale.ENGLISH);
        AtomicReference<Optional<BriefingChoices.Chosen>> answer = new AtomicReference<>();
        Platform.runLater(() -> answer.set(dialog.choose(List.of(), Locale.KOREAN)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("ko", robot.lookup("#" + BriefingDialog.LANGUAGE_ID).<String>queryComboBox().getValue(),
                "the console's language is offered first");
        robot.clickOn("Cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answer.get() != null);
        assertTrue(answer.get().isEmpty());
    }
}
