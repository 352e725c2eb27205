package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.ui.export.ExportView;
import org.cohortplanner.ui.shell.ShellView;
import org.cohortplanner.ui.simulation.SimulationView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** A language switch keeps what the screens hold beyond the plan: the night's result, the export's choices. */
class LanguageSwitchKeepsWorkUiTest extends RunningConsole {
    /** Whatever happened, the consoles of later tests start in the system's language (English in the tests). */
    @AfterEach
    void leaveTheSystemLanguage() {
        SettingsFile settings = SettingsFile.userDefault();
        settings.read().ifPresent(saved -> settings.write(saved.withLanguage(ConsoleSettings.SYSTEM_LANGUAGE)));
    }

    /** Issue 15: a simulation's result and the export's choices are still there in the other language. */
    @Test
    void aSimulationsResultAndTheExportsChoicesSurviveASwitch() throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        CheckBox perRegion = robot.lookup("#" + ExportView.PER_REGION_ID).queryAs(CheckBox.class);
        boolean chosen = !perRegion.isSelected();
        robot.interact(() -> perRegion.setSelected(chosen));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT4).release(KeyCode.DIGIT4, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#" + SimulationView.RUN_ID);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !results().getItems().isEmpty());
        int lines = results().getItems().size();

        chooseLanguage(ConsoleSettings.KOREAN);

        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lines, results().getItems().size(), "the night's result is shown again, in Korean");
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(chosen, robot.lookup("#" + ExportView.PER_REGION_ID).queryAs(CheckBox.class).isSelected(),
                "the export's choice stays");
        chooseLanguage(ConsoleSettings.ENGLISH);
    }

    private TableView<?> results() {
        return robot.lookup("#" + SimulationView.RESULTS_TABLE_ID).queryAs(TableView.class);
    }

    private void chooseLanguage(String tag) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem item = bar.getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .flatMap(entry -> entry instanceof Menu ? ((Menu) entry).getItems().stream() : Stream.of(entry))
                .filter(entry -> ShellView.languageItemId(tag).equals(entry.getId()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
