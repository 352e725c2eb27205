package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;
import org.cohortplanner.ui.common.FxUserDialogs;
import org.cohortplanner.ui.common.Messages;

/**
 * The console as a JavaFX application. The data store opens in {@link #init()}, before any window, so that a store
 * that cannot be opened (another console has it, the folder is not writable) is reported at once and plainly.
 */
public final class CohortPlannerApp extends Application {
    /** Named parameter carrying {@code --data-dir} from the command line. */
    static final String DATA_DIR_PARAMETER = "data-dir";

    private AppContext context;
    private RuntimeException startupFailure;

    /** The application parameters that carry {@code options}. */
    static List<String> arguments(ConsoleOptions options) {
        return options.dataDir() == null
                ? List.of()
                : List.of("--" + DATA_DIR_PARAMETER + "=" + options.dataDir().toAbsolutePath());
    }

    @Override
    public void init() {
        String dataDir = getParameters().getNamed().get(DATA_DIR_PARAMETER);
        try {
            context = AppContext.open(new ConsoleOptions(dataDir == null ? null : Path.of(dataDir)));
        } catch (RuntimeException failure) {
            startupFailure = failure;
        }
    }

    @Override
    public void start(Stage stage) {
        if (startupFailure != null) {
            String message = Messages.describe(startupFailure);
            System.err.println("cohort-planner: " + message);
            Alert alert = FxUserDialogs.messageAlert(Alert.AlertType.ERROR, null, "Cohort Planner cannot start",
                    message);
            alert.setHeaderText("The data store cannot be opened");
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
