package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Labeled;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.ui.cohorts.CohortsView;
import org.cohortplanner.ui.shell.Screen;
import org.cohortplanner.ui.shell.ShellView;
import org.cohortplanner.ui.simulation.SimulationView;
import org.cohortplanner.ui.supply.SupplyView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue item 3: nothing is cut off at 1280×800 in either language. Starts the real console headless on the initial
 * sample, as {@link ConsoleUiTest} does, puts the window at 1280×800 and, in English and then in Korean, shows every
 * screen (and every tab of the tab panes on it), and opens the dialogs that need no backend: the cohort editor (Edit
 * on the first cohort), the split dialog, the delivery dialog (Edit on the first delivery), a delivery's delay with
 * its impact and suggestions, the calibration dialog, File › Settings and Help › Keyboard shortcuts and About. After
 * layout it walks the scene graph of the window and of every dialog and collects each visible {@link Labeled}
 * (labels, buttons, check boxes, tab headers, table column headers, the cells of tables and lists) whose shown text,
 * the skin's {@code Text} child of style class {@code text}, has an ellipsis its text has not: that text is elided.
 *
 * <p>The issue allows "a tooltip on anything that can still be elided": a node whose tooltip's text contains its
 * whole text is not an offender, so a table cell that can still be cut is fine as long as it carries its text in a
 * tooltip. The test fails with the whole list of offenders, each as "screen / language / node class / id or text /
 * shown". The console keeps its settings in the tests' settings folder; the test leaves the system's language there
 * for the others.
 */
class NothingElidedUiTest extends RunningConsole {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;
    private static final int DIALOG_WAIT_SECONDS = 10;
    private static final List<String> ELLIPSES = List.of("…", "...");
    /** The sample's delivery whose delay the test looks at, as in {@link SupplyConsoleUiTest}. */
    private static final String SLIPPED_DELIVERY = "MOD-2021-W28";

    private final List<String> offenders = new ArrayList<>();

    @AfterEach
    void leaveTheSystemLanguage() {
        SettingsFile settings = SettingsFile.userDefault();
        settings.read().ifPresent(saved -> settings.write(saved.withLanguage(ConsoleSettings.SYSTEM_LANGUAGE)));
    }

    @Test
    void noScreenOrDialogCutsOffATextInEitherLanguage() throws TimeoutException {
        for (String language : List.of(ConsoleSettings.ENGLISH, ConsoleSettings.KOREAN)) {
            chooseLanguage(language);
            robot.interact(() -> {
                mainWindow().setWidth(WIDTH);
                mainWindow().setHeight(HEIGHT);
            });
            WaitForAsyncUtils.waitForFxEvents();
            for (Screen screen : Screen.values()) {
                show(screen);
                walkScreen(screen.title(), language);
            }
            walkDialogs(language);
        }
        assertTrue(offenders.isEmpty(), offenders.size() + " texts cut off:\n" + String.join("\n", offenders));
    }

    private void walkDialogs(String language) throws TimeoutException {
        show(Screen.COHORTS);
        robot.clickOn(robot.lookup("#" + CohortsView.TABLE_ID + " .tree-table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#" + CohortsView.EDIT_ID);
        WaitForAsyncUtils.waitForFxEvents();
        walkScreen("Cohorts › editor", language);
        robot.clickOn("#" + CohortsView.EDITOR_CANCEL_ID);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn(robot.lookup("#" + CohortsView.TABLE_ID + " .tree-table-row-cell").nth(1).queryAs(Node.class));
        walkDialog("Cohorts › split", language, fire("#" + CohortsView.SPLIT_ID));

        show(Screen.SUPPLY);
        robot.clickOn(robot.lookup("#" + SupplyView.DELIVERIES_ID + " .table-row-cell").nth(0).queryAs(Node.class));
        walkDialog("Supply › delivery", language, fire("#" + SupplyView.EDIT_ID));
        walkSlip(language);

        show(Screen.SIMULATION);
        walkDialog("Simulation › calibration", language, fire("#" + SimulationView.CALIBRATE_ID));

        walkDialog("File › Settings", language, fireMenu(ShellView.MENU_SETTINGS_ID));
        walkDialog("Help › Keyboard shortcuts", language, fireMenu(ShellView.MENU_SHORTCUTS_ID));
        walkDialog("Help › About", language, fireMenu(ShellView.MENU_ABOUT_ID));
    }

    /** The Supply screen with the impact of a delay of the sample's Moderna delivery and its suggestions shown. */
    private void walkSlip(String language) throws TimeoutException {
        robot.clickOn(SLIPPED_DELIVERY);
        robot.clickOn("#supply-record-delay");
        DatePicker date = robot.lookup("#" + SupplyView.SLIP_DATE_ID).queryAs(DatePicker.class);
        robot.interact(() -> date.setValue(LocalDate.of(2021, 7, 30)));
        Labeled impact = robot.lookup("#" + SupplyView.IMPACT_SUMMARY_ID).queryLabeled();
        robot.clickOn("#" + SupplyView.SLIP_SHOW_ID);
        WaitForAsyncUtils.waitFor(DIALOG_WAIT_SECONDS, TimeUnit.SECONDS, () -> !impact.getText().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        walkScreen("Supply › delay and suggestions", language);
        robot.clickOn("#" + SupplyView.SLIP_CANCEL_ID);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void show(Screen screen) {
        robot.clickOn("#" + screen.navigationId());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Walks what the window shows, then every other tab of the tab panes on it, one after another. */
    private void walkScreen(String where, String language) {
        Parent root = mainWindow().getScene().getRoot();
        robot.interact(() -> walk(root, where, language));
        List<TabPane> tabPanes = robot.lookup(".tab-pane").queryAllAs(TabPane.class).stream()
                .filter(NothingElidedUiTest::shown).toList();
        for (TabPane tabs : tabPanes) {
            Tab before = tabs.getSelectionModel().getSelectedItem();
            for (Tab tab : List.copyOf(tabs.getTabs())) {
                if (tab == before || tab.isDisable()) {
                    continue;
                }
                robot.interact(() -> tabs.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents();
                robot.interact(() -> walk(tabs, where + " › " + tab.getText(), language));
            }
            robot.interact(() -> tabs.getSelectionModel().select(before));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** Waits for the window that is not in {@code before}, walks it and closes it with its cancel (or only) button. */
    private void walkDialog(String where, String language, Set<Window> before) throws TimeoutException {
        WaitForAsyncUtils.waitFor(DIALOG_WAIT_SECONDS, TimeUnit.SECONDS, () -> opened(before).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        Window dialog = opened(before).orElseThrow();
        Parent root = dialog.getScene().getRoot();
        robot.interact(() -> walk(root, where, language));
        Button close = robot.from(root).lookup(".button").queryAllAs(Button.class).stream()
                .filter(button -> button.isCancelButton()).findFirst()
                .or(() -> robot.from(root).lookup(".button-bar .button").queryAllAs(Button.class).stream()
                        .filter(Button::isDefaultButton).findFirst())
                .orElseThrow(() -> new AssertionError(where + " has no button that closes it"));
        robot.interact(close::fire);
        WaitForAsyncUtils.waitFor(DIALOG_WAIT_SECONDS, TimeUnit.SECONDS, () -> !dialog.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Optional<Window> opened(Set<Window> before) {
        return Window.getWindows().stream().filter(window -> window.isShowing() && !before.contains(window)
                && window.getScene() != null && window instanceof Stage).findFirst();
    }

    /** Fires the button without waiting for it: a dialog shown and waited for would hold the robot. */
    private Set<Window> fire(String query) {
        ButtonBase button = robot.lookup(query).queryAs(ButtonBase.class);
        Set<Window> before = new HashSet<>(Window.getWindows());
        Platform.runLater(button::fire);
        return before;
    }

    private Set<Window> fireMenu(String id) {
        MenuItem item = menuItem(id);
        Set<Window> before = new HashSet<>(Window.getWindows());
        Platform.runLater(item::fire);
        return before;
    }

    private void walk(Node node, String where, String language) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled labeled) {
            check(labeled, where, language);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                walk(child, where, language);
            }
        }
    }

    private void check(Labeled labeled, String where, String language) {
        String text = labeled.getText();
        if (text == null || text.isEmpty()) {
            return;
        }
        String shown = shownText(labeled);
        if (shown == null || shown.equals(text) || ellipses(shown) <= ellipses(text)) {
            return;
        }
        if (labeled.getTooltip() != null && labeled.getTooltip().getText() != null
                && labeled.getTooltip().getText().contains(text)) {
            return;
        }
        String name = labeled.getId() != null ? "#" + labeled.getId() : "\"" + text + "\"";
        String entry = where + " / " + language + " / " + className(labeled) + " / " + name + " / \"" + shown + "\"";
        if (!offenders.contains(entry)) {
            offenders.add(entry);
        }
    }

    /** The class's name, or for a cell of a table the column it is in ("TableCell in Doses"). */
    private static String className(Labeled labeled) {
        Class<?> named = labeled.getClass();
        while (named.getSimpleName().isEmpty()) {
            named = named.getSuperclass();
        }
        if (labeled instanceof TableCell<?, ?> cell && cell.getTableColumn() != null) {
            return named.getSimpleName() + " in " + cell.getTableColumn().getText();
        }
        return named.getSimpleName();
    }

    /** The text the skin shows: the {@code Text} child of style class {@code text}; null before there is a skin. */
    private static String shownText(Labeled labeled) {
        return labeled.getChildrenUnmodifiable().stream()
                .filter(child -> child instanceof Text && child.getStyleClass().contains("text"))
                .map(child -> ((Text) child).getText()).findFirst().orElse(null);
    }

    private static int ellipses(String text) {
        int count = 0;
        for (String ellipsis : ELLIPSES) {
            for (int at = text.indexOf(ellipsis); at >= 0; at = text.indexOf(ellipsis, at + ellipsis.length())) {
                count++;
            }
        }
        return count;
    }

    private static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private Stage mainWindow() {
        return (Stage) menuBar().getScene().getWindow();
    }

    private void chooseLanguage(String tag) {
        MenuItem item = menuItem(ShellView.languageItemId(tag));
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private MenuItem menuItem(String id) {
        return menuBar().getMenus().stream().flatMap(menu -> menu.getItems().stream())
                .flatMap(entry -> entry instanceof Menu ? ((Menu) entry).getItems().stream() : Stream.of(entry))
                .filter(entry -> id.equals(entry.getId()))
                .findFirst().orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    private MenuBar menuBar() {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class);
    }
}
