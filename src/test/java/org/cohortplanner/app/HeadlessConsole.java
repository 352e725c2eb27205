package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real console for TestFX tests, headless, on a model in {@code dataDir}. */
public final class HeadlessConsole {
    private HeadlessConsole() {
    }

    public static Application start(Path dataDir) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Application console = FxToolkit.setupApplication(CohortPlannerApp.class, "--data-dir=" + dataDir);
        WaitForAsyncUtils.waitForFxEvents();
        return console;
    }

    public static void stop(Application console) throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }
}
