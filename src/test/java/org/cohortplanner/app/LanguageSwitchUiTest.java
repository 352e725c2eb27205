package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Switches the real console between English and Korean from View › Language, keeping the plan and the screen. The
 * console keeps its settings in the tests' settings folder (see the surefire configuration); the test leaves English
 * there for the others.
 */
class LanguageSwitchUiTest extends RunningConsole {
    /** Whatever happened, the consoles of later tests start in the system's language (English in the tests). */
    @AfterEach
    void leaveTheSystemLanguage() {
        SettingsFile settings = SettingsFile.userDefault();
        settings.read().ifPresent(saved -> settings.write(saved.withLanguage(ConsoleSettings.SYSTEM_LANGUAGE)));
    }

    @Test
    void theConsoleSwitchesToKoreanAndBackWithoutLosingThePlanOrTheScreen() {
        assertEquals("_File", menuBar().getMenus().get(0).getText());
        assertEquals("Cohorts", navigationName(Screen.COHORTS));
        String planBefore = statusPlan();
        assertTrue(planBefore.startsWith("Plan: Korea 2021, initial plan · version "), planBefore);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();

        chooseLanguage(ConsoleSettings.KOREAN);

        assertEquals("파일(_F)", menuBar().getMenus().get(0).getText());
        assertEquals("편집(_E)", menuBar().getMenus().get(1).getText());
        assertEquals("보기(_V)", menuBar().getMenus().stream().filter(menu -> ShellView.MENU_VIEW_ID.equals(menu.getId()))
                .findFirst().orElseThrow().getText());
        assertEquals("코호트", navigationName(Screen.COHORTS));
        assertEquals("변경 기록", navigationName(Screen.AUDIT));
        assertEquals("코호트 플래너", robot.lookup("#" + ShellView.PRODUCT_NAME_ID).queryAs(Label.class).getText());
        String version = planBefore.substring(planBefore.lastIndexOf(' ') + 1);
        assertEquals("계획: Korea 2021, initial plan · 버전 " + version, statusPlan());
        assertTrue(robot.lookup("#" + Screen.AUDIT.contentId()).tryQuery().isPresent(), "the audit screen stays");
        assertEquals(ConsoleSettings.KOREAN, SettingsFile.userDefault().read().orElseThrow().language());

        chooseLanguage(ConsoleSettings.ENGLISH);

        assertEquals("_File", menuBar().getMenus().get(0).getText());
        assertEquals("Audit", navigationName(Screen.AUDIT));
        assertEquals(planBefore, statusPlan());
    }

    /**
     * Issue 15: the screens left behind by a language switch are let go. Ten switches, then a plan edit: every root
     * shown before is collected (nothing shared still holds its view models, so none hears of the edit), and the
     * console shown still does.
     */
    @Test
    void tenSwitchesLeaveNoOldScreenBehind() throws InterruptedException {
        Stage stage = (Stage) menuBar().getScene().getWindow();
        List<WeakReference<Parent>> left = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            left.add(new WeakReference<>(stage.getScene().getRoot()));
            chooseLanguage(i % 2 == 0 ? ConsoleSettings.KOREAN : ConsoleSettings.ENGLISH);
        }
        assertEquals("_File", menuBar().getMenus().get(0).getText());
        Parent shown = stage.getScene().getRoot();
        forgetEventsRecordedByTheTestRobot();
        for (int attempt = 0; attempt < 20 && left.stream().anyMatch(root -> root.get() != null); attempt++) {
            System.gc();
            Thread.sleep(100);
            WaitForAsyncUtils.waitForFxEvents();
        }
        long kept = left.stream().filter(root -> root.get() != null).count();
        assertEquals(0, kept, "screens of earlier languages still held after ten switches");
        assertTrue(shown.getScene() != null, "the console shown stays");
    }

    /**
     * TestFX records every event fired on the stage it registered, for as long as the stage stays registered, and
     * each event holds its target: a control of a screen left behind. Registering the stage again starts an empty
     * record, so that only the console itself can keep an old screen alive.
     */
    private static void forgetEventsRecordedByTheTestRobot() {
        FxToolkitContext toolkit = FxToolkit.toolkitContext();
        toolkit.setRegisteredStage(toolkit.getRegisteredStage());
    }

    private void chooseLanguage(String tag) {
        MenuItem item = menuBar().getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .flatMap(entry -> entry instanceof Menu ? ((Menu) entry).getItems().stream() : Stream.of(entry))
                .filter(entry -> ShellView.languageItemId(tag).equals(entry.getId()))
                .findFirst().orElseThrow();
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuBar menuBar() {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class);
    }

    private String navigationName(Screen screen) {
        ListCell<?> cell = robot.lookup("#" + screen.navigationId()).queryAs(ListCell.class);
        return robot.from(cell).lookup(".navigation-name").queryAs(Label.class).getText();
    }

    private String statusPlan() {
        return robot.lookup("#" + ShellView.STATUS_PLAN_ID).queryAs(Label.class).getText();
    }
}
