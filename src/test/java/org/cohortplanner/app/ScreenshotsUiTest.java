package org.cohortplanner.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.SceneSnapshots;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The pictures of docs/screenshots/screens, taken from the real console at 1280×800 in English and Korean:
 * {@code mvn -B -o test -Dtest=ScreenshotsUiTest -Dcohortplanner.screenshots=docs/screenshots/screens}. Without that
 * property the test does nothing (it is not a check, only the camera). The Korean pictures need a Hangul font on the
 * machine (Debian: {@code apt-get install -y fonts-nanum}); without one the toolkit draws Hangul as boxes.
 */
class ScreenshotsUiTest extends RunningConsole {
    @Test
    void everyScreenInBothLanguages() throws TimeoutException {
        assumeTrue(SceneSnapshots.folder().isPresent(), "no folder asked for");
        Stage stage = (Stage) robot.lookup(".menu-bar").queryAs(MenuBar.class).getScene().getWindow();
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(800);
        });
        for (String language : List.of(ConsoleSettings.ENGLISH, ConsoleSettings.KOREAN)) {
            chooseLanguage(language);
            for (Screen screen : Screen.values()) {
                robot.clickOn("#" + screen.navigationId());
                WaitForAsyncUtils.waitForFxEvents();
                // Screens that work out figures in the background (Dashboard, Provinces) show them when done.
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup(".progress-bar").queryAll()
                        .stream().noneMatch(bar -> bar.isVisible() && bar.getScene() != null));
                WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS);
                WaitForAsyncUtils.waitForFxEvents();
                String name = screen.name().toLowerCase(Locale.ROOT) + "-" + (language.equals(ConsoleSettings.KOREAN)
                        ? "ko" : "en");
                robot.interact(() -> SceneSnapshots.write(stage.getScene(), name));
            }
        }
        chooseLanguage(ConsoleSettings.ENGLISH);
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
