package org.cohortplanner.ui.shell;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.common.HangulFont;
import org.cohortplanner.ui.common.Texts;

/**
 * The console window: menu bar, navigation pane, the current screen, and a status bar that always says where the
 * data lives, which plan is open and whether there are unsaved changes. Its texts are in the view model's language;
 * switching the language builds a new ShellView into the same window.
 */
public final class ShellView {
    public static final String NAVIGATION_ID = "navigation";
    public static final String SCREEN_HOST_ID = "screen-host";
    public static final String STATUS_LOCATION_ID = "status-location";
    public static final String STATUS_PLAN_ID = "status-plan";
    public static final String STATUS_CHANGES_ID = "status-changes";
    public static final String MENU_NEW_ID = "menu-new-plan";
    public static final String MENU_OPEN_ID = "menu-open-plan";
    public static final String MENU_SAVE_ID = "menu-save-plan";
    public static final String MENU_SAVE_AS_ID = "menu-save-plan-as";
    public static final String MENU_EXPORT_ID = "menu-export-workbook";
    public static final String MENU_EXIT_ID = "menu-exit";
    public static final String MENU_BRIEF_ID = "menu-briefing-report";
    public static final String STATUS_BRIEFING_ID = "status-briefing";
    public static final String STATUS_BRIEFING_PROGRESS_ID = "status-briefing-progress";
    public static final String STATUS_BRIEFING_CANCEL_ID = "status-briefing-cancel";
    public static final String MENU_ABOUT_ID = "menu-about";
    public static final String MENU_GUIDE_ID = "menu-guide";
    public static final String MENU_SHORTCUTS_ID = "menu-shortcuts";
    public static final String MENU_SETTINGS_ID = "menu-settings";
    public static final String MENU_FILE_ID = "menu-file";
    public static final String MENU_VIEW_ID = "menu-view";
    public static final String PRODUCT_NAME_ID = "product-name";
    /** Node id of the language item for {@code languageTag} in View › Language ("" is the system's language). */
    public static String languageItemId(String languageTag) {
        return "menu-language-" + (languageTag.isEmpty() ? "system" : languageTag);
    }
    public static final String MENU_UNDO_ID = "menu-undo";
    public static final String MENU_REDO_ID = "menu-redo";
    public static final String STYLESHEET = "/org/cohortplanner/ui/console.css";
    /** Style class of a console in Korean: its font family puts a Hangul font first. */
    public static final String KOREAN_STYLE = HangulFont.STYLE_CLASS;
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT0, KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final ShellViewModel viewModel;
    private final Texts texts;
    private final Map<Screen, Supplier<? extends Node>> screenBuilders;
    /** The screens built so far: each is built the first time it is shown, so that the console opens quickly. */
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final BorderPane root = new BorderPane();
    private GuideWindow guide;
    private final StackPane screenHost = new StackPane();
    private final ListView<Screen> navigation = new ListView<>();
    private final Menu fileMenu = new Menu("_File");
    private final HBox statusExtras = new HBox(8);
    private Runnable exitAction = () -> { };

    /** @param screens what builds the content of every screen, called the first time the screen is shown */
    public ShellView(ShellViewModel viewModel, Map<Screen, ? extends Supplier<? extends Node>> screens) {
        this(viewModel, screens, viewModel.locale());
    }

    /** @param locale the language of the menus this view adds texts for */
    public ShellView(ShellViewModel viewModel, Map<Screen, ? extends Supplier<? extends Node>> screens,
                     Locale locale) {
        this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
        this.texts = Texts.of(ShellView.class, locale);
        this.screenBuilders = new EnumMap<>(Screen.class);
        for (Screen screen : Screen.values()) {
            screenBuilders.put(screen, Objects.requireNonNull(screens.get(screen), "no content for screen " + screen));
        }
        root.getStyleClass().add("console");
        HangulFont.apply(root, isKorean(texts.locale()));
        root.setTop(menuBar());
        root.setLeft(navigationPane());
        screenHost.setId(SCREEN_HOST_ID);
        screenHost.getStyleClass().add("screen-host");
        root.setCenter(screenHost);
        root.setBottom(statusBar());

        viewModel.screenProperty().addListener((observable, before, after) -> showScreen(after));
        showScreen(viewModel.getScreen());
    }

    public Parent root() {
        return root;
    }

    /** Puts the console into {@code stage}: scene, stylesheet, title, size, and closing through Exit's checks. */
    public void showIn(Stage stage, Runnable onExit) {
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(stylesheet());
        stage.setScene(scene);
        attach(stage, onExit);
    }

    /**
     * Takes the place of the console that {@code stage} shows (the language changed): the window keeps its scene,
     * size and place; only the content changes.
     */
    public void replaceIn(Stage stage, Runnable onExit) {
        stage.getScene().setRoot(root);
        attach(stage, onExit);
    }

    private void attach(Stage stage, Runnable onExit) {
        this.exitAction = Objects.requireNonNull(onExit, "onExit");
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        stage.setOnCloseRequest(event -> {
            event.consume();
            exit();
        });
        stage.show();
        navigation.requestFocus();
    }

    static boolean isKorean(Locale locale) {
        return locale.getLanguage().equals(Locale.KOREAN.getLanguage());
    }

    /** The console's stylesheet, for every window of the console. */
    public static String stylesheet() {
        return Objects.requireNonNull(ShellView.class.getResource(STYLESHEET), "stylesheet " + STYLESHEET)
                .toExternalForm();
    }

    /** Adds items to the File menu, just above Exit (the remote mode's Connect to backend…, say). */
    public void addFileMenuItems(MenuItem... items) {
        int at = fileMenu.getItems().size() - 1;
        for (MenuItem added : items) {
            fileMenu.getItems().add(at++, added);
        }
    }

    /** Adds something to the status bar, before the unsaved-changes text (the backend's connection state, say). */
    public void addStatusItem(Node item) {
        statusExtras.getChildren().add(item);
    }

    private void exit() {
        if (viewModel.mayExit()) {
            exitAction.run();
        }
    }

    private MenuBar menuBar() {
        MenuItem newPlan = item(texts.get("menu.file.new"), MENU_NEW_ID, new KeyCodeCombination(KeyCode.N,
                KeyCombination.SHORTCUT_DOWN), viewModel::newPlan);
        MenuItem open = item(texts.get("menu.file.open"), MENU_OPEN_ID, new KeyCodeCombination(KeyCode.O,
                KeyCombination.SHORTCUT_DOWN), viewModel::openPlanFile);
        MenuItem save = item(texts.get("menu.file.save"), MENU_SAVE_ID, new KeyCodeCombination(KeyCode.S,
                KeyCombination.SHORTCUT_DOWN), viewModel::savePlanToFile);
        MenuItem saveAs = item(texts.get("menu.file.saveAs"), MENU_SAVE_AS_ID, new KeyCodeCombination(KeyCode.S,
                KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), viewModel::savePlanAs);
        MenuItem export = item(texts.get("menu.file.export"), MENU_EXPORT_ID, new KeyCodeCombination(KeyCode.E,
                KeyCombination.SHORTCUT_DOWN), () -> viewModel.show(Screen.EXPORT));
        MenuItem brief = item(texts.get("menu.file.brief"), MENU_BRIEF_ID, new KeyCodeCombination(KeyCode.B,
                KeyCombination.SHORTCUT_DOWN), viewModel::writeBriefing);
        if (viewModel.canWriteBriefing()) {
            brief.disableProperty().bind(viewModel.briefingProperty());
        } else {
            brief.setDisable(true);
        }
                MenuItem settings = item(texts.get("menu.file.settings"), MENU_SETTINGS_ID,
                new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN), this::openSettings);
        MenuItem exit = item(texts.get("menu.file.exit"), MENU_EXIT_ID,
                new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
                this::exit);
        newPlan.disableProperty().bind(viewModel.busyProperty());
        open.disableProperty().bind(viewModel.busyProperty());
        save.disableProperty().bind(viewModel.busyProperty());
        saveAs.disableProperty().bind(viewModel.busyProperty());
        Menu file = fileMenu;
        file.setText(texts.get("menu.file"));
        file.getItems().setAll(newPlan, new SeparatorMenuItem(), open, save, saveAs, new SeparatorMenuItem(), export, brief,
                new SeparatorMenuItem(), settings, new SeparatorMenuItem(), exit);
        file.setId(MENU_FILE_ID);

        Menu edit = editMenu();

        Menu go = new Menu(texts.get("menu.go"));
        for (Screen screen : Screen.values()) {
            go.getItems().add(item(texts.get("screen." + screen.name()), "menu-go-" + screen.contentId(),
                    new KeyCodeCombination(DIGITS[screen.ordinal()], KeyCombination.SHORTCUT_DOWN),
                    () -> viewModel.show(screen)));
        }
        Menu help = new Menu(texts.get("menu.help"), null,
                item(texts.get("menu.help.guide"), MENU_GUIDE_ID, new KeyCodeCombination(KeyCode.F1), this::openGuide),
                item(texts.get("menu.help.shortcuts"), MENU_SHORTCUTS_ID, null, this::openShortcuts),
                new SeparatorMenuItem(),
                item(texts.get("menu.help.about"), MENU_ABOUT_ID, null, viewModel::showAbout));
        MenuBar bar = new MenuBar(file, edit, go, viewMenu(), help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private Menu viewMenu() {
        ToggleGroup languages = new ToggleGroup();
        Menu language = new Menu(texts.get("menu.view.language"));
        String chosen = viewModel.settings().language();
        for (String tag : List.of(ConsoleSettings.SYSTEM_LANGUAGE, ConsoleSettings.ENGLISH, ConsoleSettings.KOREAN)) {
            RadioMenuItem item = new RadioMenuItem(languageName(texts, tag));
            item.setId(languageItemId(tag));
            item.setToggleGroup(languages);
            item.setSelected(tag.equals(chosen));
            item.setOnAction(event -> {
                if (!tag.equals(viewModel.settings().language())) {
                    viewModel.switchLanguage(tag);
                }
            });
            language.getItems().add(item);
        }
        Menu view = new Menu(texts.get("menu.view"), null, language);
        view.setId(MENU_VIEW_ID);
        return view;
    }

    /** How a language choice is written in the menus and the settings: each language in its own words. */
    static String languageName(Texts texts, String tag) {
        if (tag.isEmpty()) {
            Locale system = Locale.getDefault();
            return texts.get("language.system", system.getDisplayLanguage(system));
        }
        return texts.get("language." + tag);
    }

    /** Help › User guide: the bundled guide in the console's language, in a window of its own. */
    private void openGuide() {
        if (guide == null) {
            guide = new GuideWindow(texts, root.getScene() == null ? null : root.getScene().getWindow());
        }
        guide.show();
    }

    GuideWindow guideWindow() {
        return guide;
    }

    /** Help › Keyboard shortcuts: the shortcuts of the menus, read from them, and Ctrl+Y. */
    private void openShortcuts() {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle(texts.get("shortcuts.title"));
        dialog.setHeaderText(texts.get("shortcuts.header"));
        if (root.getScene() != null) {
            dialog.initOwner(root.getScene().getWindow());
        }
        MenuBar bar = (MenuBar) root.getTop();
        List<ShortcutSheet.Shortcut> shortcuts = ShortcutSheet.of(bar.getMenus(), List.of(new ShortcutSheet.Shortcut(
                texts.get("shortcuts.redoAlt"), new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN)
                        .getDisplayText())));
        ScrollPane sheet = new ScrollPane(ShortcutSheet.grid(shortcuts));
        sheet.setFitToWidth(true);
        sheet.setPrefViewportHeight(420);
        dialog.getDialogPane().setContent(sheet);
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        dialog.getDialogPane().getStylesheets().add(stylesheet());
        HangulFont.apply(dialog.getDialogPane(), isKorean(texts.locale()));
        dialog.show();
    }

    private void openSettings() {
        new SettingsDialog(viewModel, root.getScene() == null ? null : root.getScene().getWindow()).showAndWait()
                .ifPresent(viewModel::applySettings);
    }

    /** Undo and Redo, naming the edit they would take back or make again; disabled when there is none. */
    private Menu editMenu() {
        MenuItem undo = item("", MENU_UNDO_ID, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                viewModel::undo);
        undo.textProperty().bind(viewModel.undoActionProperty().map(action -> action.isEmpty()
                ? texts.get("menu.undo.nothing") : texts.get("menu.undo", action)));
        undo.disableProperty().bind(viewModel.undoActionProperty().isEmpty());
        MenuItem redo = item("", MENU_REDO_ID, new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), viewModel::redo);
        redo.textProperty().bind(viewModel.redoActionProperty().map(action -> action.isEmpty()
                ? texts.get("menu.redo.nothing") : texts.get("menu.redo", action)));
        redo.disableProperty().bind(viewModel.redoActionProperty().isEmpty());
        // Ctrl+Y redoes too, as in most editors; a menu item has one accelerator, so this one lives in the scene.
        root.sceneProperty().addListener((observable, before, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
                        viewModel::redo);
            }
        });
        return new Menu(texts.get("menu.edit"), null, undo, redo);
    }

    private static MenuItem item(String text, String id, KeyCombination accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        item.setAccelerator(accelerator);
        item.setOnAction(event -> action.run());
        return item;
    }

    private Node navigationPane() {
        Label product = new Label(texts.get("app.name"));
        product.setId(PRODUCT_NAME_ID);
        product.getStyleClass().add("product-name");
        Label subtitle = new Label(texts.get("app.subtitle"));
        subtitle.getStyleClass().add("product-subtitle");
        VBox heading = new VBox(2, product, subtitle);
        heading.getStyleClass().add("navigation-heading");

        navigation.setId(NAVIGATION_ID);
        navigation.getStyleClass().add("navigation");
        navigation.getItems().setAll(Screen.values());
        navigation.setCellFactory(list -> new NavigationCell(texts));
        navigation.getSelectionModel().select(viewModel.getScreen());
        navigation.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (after != null) {
                viewModel.show(after);
            }
        });
        VBox.setVgrow(navigation, Priority.ALWAYS);
        VBox pane = new VBox(heading, navigation);
        pane.getStyleClass().add("navigation-pane");
        pane.setPrefWidth(172);
        return pane;
    }

    private Node statusBar() {
        Label location = statusLabel(STATUS_LOCATION_ID, viewModel.locationTextProperty().get());
        location.textProperty().bind(viewModel.locationTextProperty());
        Label plan = statusLabel(STATUS_PLAN_ID, "");
        plan.textProperty().bind(viewModel.planTextProperty());
        Label changes = statusLabel(STATUS_CHANGES_ID, "");
        changes.textProperty().bind(viewModel.changesTextProperty());
        viewModel.unsavedChangesProperty().addListener((observable, before, after) -> markUnsaved(changes, after));
        viewModel.storeProblemProperty().addListener((observable, before, after) -> markProblem(changes, after));
        markUnsaved(changes, viewModel.hasUnsavedChanges());
        ProgressIndicator working = new ProgressIndicator();
        working.getStyleClass().add("status-progress");
        working.visibleProperty().bind(viewModel.busyProperty());
        working.setPrefSize(14, 14);

        Label briefing = statusLabel(STATUS_BRIEFING_ID, "");
        briefing.textProperty().bind(viewModel.briefingStatusProperty());
        ProgressBar briefingProgress = new ProgressBar();
        briefingProgress.setId(STATUS_BRIEFING_PROGRESS_ID);
        briefingProgress.setPrefWidth(90);
        briefingProgress.progressProperty().bind(viewModel.briefingProgressProperty());
        Button cancelBriefing = new Button("×");
        cancelBriefing.setId(STATUS_BRIEFING_CANCEL_ID);
        cancelBriefing.setTooltip(new Tooltip(texts.get("brief.cancel")));
        cancelBriefing.setOnAction(event -> viewModel.cancelBriefing());
        for (Node running : List.of(briefingProgress, cancelBriefing)) {
            running.visibleProperty().bind(viewModel.briefingProperty());
            running.managedProperty().bind(viewModel.briefingProperty());
        }
        HBox briefingItems = new HBox(6, briefing, briefingProgress, cancelBriefing);
        briefingItems.setAlignment(Pos.CENTER_LEFT);

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox.setHgrow(location, Priority.SOMETIMES);
        location.setMinWidth(120);
        statusExtras.setAlignment(Pos.CENTER_LEFT);
        HBox bar = new HBox(14, location, separator(), plan, spacer, briefingItems, statusExtras, working, changes);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 12, 4, 12));
        bar.getStyleClass().add("status-bar");
        return bar;
    }

    private static Label statusLabel(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add("status-text");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Node separator() {
        Region line = new Region();
        line.getStyleClass().add("status-separator");
        return line;
    }

    private static void markUnsaved(Label label, boolean unsaved) {
        label.getStyleClass().remove("unsaved");
        if (unsaved) {
            label.getStyleClass().add("unsaved");
        }
    }

    private static void markProblem(Label label, boolean problem) {
        label.getStyleClass().remove("problem");
        if (problem) {
            label.getStyleClass().add("problem");
        }
    }

    private void showScreen(Screen screen) {
        Node content = screens.computeIfAbsent(screen, shown -> {
            Node built = Objects.requireNonNull(screenBuilders.get(shown).get(), "no content for screen " + shown);
            built.setId(shown.contentId());
            return built;
        });
        screenHost.getChildren().setAll(content);
        if (navigation.getSelectionModel().getSelectedItem() != screen) {
            navigation.getSelectionModel().select(screen);
        }
    }

    private static final class NavigationCell extends ListCell<Screen> {
        private final Texts texts;

        NavigationCell(Texts texts) {
            this.texts = texts;
        }

        @Override
        protected void updateItem(Screen screen, boolean empty) {
            super.updateItem(screen, empty);
            if (empty || screen == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                return;
            }
            Label name = new Label(texts.get("screen." + screen.name()));
            name.getStyleClass().add("navigation-name");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            Label shortcut = new Label(texts.get("shortcut", Integer.toString(screen.shortcutDigit())));
            shortcut.getStyleClass().add("navigation-shortcut");
            HBox row = new HBox(name, spacer, shortcut);
            row.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(row);
            setId(screen.navigationId());
        }
    }
}
