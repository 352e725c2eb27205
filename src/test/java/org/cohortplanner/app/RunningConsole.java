package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Starts the real console, headless, on a new H2 model in a temporary folder, as a planner would on first start,
 * once for the tests of the extending class.
 */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
abstract class RunningConsole {
    @TempDir
    static Path dataDir;

    private static Application console;
    protected final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startConsole() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        console = FxToolkit.setupApplication(CohortPlannerApp.class, "--data-dir=" + dataDir);
        HeadlessConsole.waitForConsole();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    static void stopConsole() throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }
}
