package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.ui.common.FxUserDialogs;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.shell.ShellView;

/**
 * The console as a JavaFX application. The window shows at once, with a note that the data is being opened; the data
 * store opens behind it, and a store that cannot be opened (another console has it, the folder is not writable) is
 * reported plainly.
 */
public final class CohortPlannerApp extends Application {
    /** Named parameter carrying {@code --data-dir} from the command line. */
    static final String DATA_DIR_PARAMETER = "data-dir";
    /** Named parameter of the folder holding the settings file; tests give their own, users the default. */
    static final String CONFIG_DIR_PARAMETER = "config-dir";

    /** Node id of the note shown while the data store opens, for tests that wait for the console behind it. */
    public static final String SPLASH_ID = "startup-splash";

    private volatile AppContext context;
    private SettingsFile settings;
    private volatile boolean stopping;
    private RuntimeException startupFailure;
    /** The language of the start-up failure message, from the settings when they can be read. */
    private Locale locale = Locale.getDefault();

    /** The application parameters that carry {@code options}. */
    static List<String> arguments(ConsoleOptions options) {
        return options.dataDir() == null
                ? List.of()
                : List.of("--" + DATA_DIR_PARAMETER + "=" + options.dataDir().toAbsolutePath());
    }

    @Override
    public void init() {
        String configDir = getParameters().getNamed().get(CONFIG_DIR_PARAMETER);
        try {
            settings = configDir == null
                    ? SettingsFile.userDefault()
                    : new SettingsFile(Path.of(configDir).resolve(SettingsFile.FILE_NAME));
            locale = settings.read().orElseGet(ConsoleSettings::defaults).locale(Locale.getDefault());
        } catch (RuntimeException failure) {
            startupFailure = failure;
        }
    }

    /**
     * Shows the window at once with a note that the data is being opened, opens the data store behind it, and then
     * puts the console (or the first-run screen) in the same window; a store that cannot be opened is reported
     * plainly and the program ends.
     */
    @Override
    public void start(Stage stage) {
        if (startupFailure != null) {
            failed(startupFailure);
            return;
        }
        String dataDir = getParameters().getNamed().get(DATA_DIR_PARAMETER);
        Texts texts = Texts.of(ShellView.class, locale);
        Label name = new Label(texts.get("app.name"));
        name.getStyleClass().add("splash-title");
        Label note = new Label(texts.get("startup.opening"));
        note.getStyleClass().add("splash-note");
        ProgressBar progress = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        progress.setPrefWidth(240);
        VBox splash = new VBox(14, name, note, progress);
        splash.setAlignment(Pos.CENTER);
        splash.setId(SPLASH_ID);
        splash.getStyleClass().add("splash");
        Scene scene = new Scene(splash, ShellView.WIDTH, ShellView.HEIGHT);
        scene.getStylesheets().add(ShellView.stylesheet());
        stage.setScene(scene);
        stage.titleProperty().unbind();
        stage.setTitle(texts.get("app.name"));
        stage.show();
        Thread opening = new Thread(() -> {
            try {
                AppContext opened = AppContext.open(new ConsoleOptions(dataDir == null ? null : Path.of(dataDir)),
                        settings);
                Platform.runLater(() -> {
                    context = opened;
                    if (stopping) {
                        opened.close();
                    } else {
                        opened.show(stage, Platform::exit);
                    }
                });
            } catch (RuntimeException failure) {
                Platform.runLater(() -> failed(failure));
            }
        }, "cohort-planner-open-store");
        opening.setDaemon(true);
        opening.start();
    }

    private void failed(RuntimeException failure) {
        String message = Messages.describe(failure);
        System.err.println("cohort-planner: " + message);
        Texts texts = Texts.of(ShellView.class, locale);
        Alert alert = FxUserDialogs.messageAlert(Alert.AlertType.ERROR, null, texts.get("startup.failed"),
                Messages.describe(failure, locale));
        alert.setHeaderText(texts.get("startup.noStore"));
        alert.getButtonTypes().setAll(FxUserDialogs.okButton(locale));
        alert.showAndWait();
        Platform.exit();
    }

    @Override
    public void stop() {
        stopping = true;
        if (context != null) {
            context.close();
        }
    }
}
