package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import org.cohortplanner.ui.shell.ShellView;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts and stops the real console for TestFX tests, headless, on a model in {@code dataDir}. */
public final class HeadlessConsole {
    private HeadlessConsole() {
    }

    public static Application start(Path dataDir) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        Application console = FxToolkit.setupApplication(CohortPlannerApp.class, "--data-dir=" + dataDir);
        waitForConsole();
        WaitForAsyncUtils.waitForFxEvents();
        return console;
    }

    /** Waits until the console has opened its data store and shows its screens in place of the start-up note. */
    static void waitForConsole() throws TimeoutException {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> new FxRobot().lookup("#" + ShellView.PRODUCT_NAME_ID)
                .tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    public static void stop(Application console) throws TimeoutException {
        FxToolkit.cleanupApplication(console);
        FxToolkit.cleanupStages();
    }
}
