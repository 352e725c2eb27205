package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.store.settings.SettingsFile;
import org.cohortplanner.ui.common.FxUserDialogs;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.shell.ShellView;

/**
 * The console as a JavaFX application. The data store opens in {@link #init()}, before any window, so that a store
 * that cannot be opened (another console has it, the folder is not writable) is reported at once and plainly.
 */
public final class CohortPlannerApp extends Application {
    /** Named parameter carrying {@code --data-dir} from the command line. */
    static final String DATA_DIR_PARAMETER = "data-dir";
    /** Named parameter of the folder holding the settings file; tests give their own, users the default. */
    static final String CONFIG_DIR_PARAMETER = "config-dir";

    private AppContext context;
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
        String dataDir = getParameters().getNamed().get(DATA_DIR_PARAMETER);
        String configDir = getParameters().getNamed().get(CONFIG_DIR_PARAMETER);
        try {
            SettingsFile settings = configDir == null
                    ? SettingsFile.userDefault()
                    : new SettingsFile(Path.of(configDir).resolve(SettingsFile.FILE_NAME));
            locale = settings.read().orElseGet(ConsoleSettings::defaults).locale(Locale.getDefault());
            context = AppContext.open(new ConsoleOptions(dataDir == null ? null : Path.of(dataDir)), settings);
        } catch (RuntimeException failure) {
            startupFailure = failure;
        }
    }

    @Override
    public void start(Stage stage) {
        if (startupFailure != null) {
            String message = Messages.describe(startupFailure);
            System.err.println("cohort-planner: " + message);
            Texts texts = Texts.of(ShellView.class, locale);
            Alert alert = FxUserDialogs.messageAlert(Alert.AlertType.ERROR, null, texts.get("startup.failed"),
                    message);
            alert.setHeaderText(texts.get("startup.noStore"));
            alert.getButtonTypes().setAll(FxUserDialogs.okButton(locale));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        context.show(stage, Platform::exit);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
