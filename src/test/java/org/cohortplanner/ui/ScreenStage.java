package org.cohortplanner.ui;

import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** One screen of the console on the headless stage, at the console's size and with its style sheet, for TestFX. */
public final class ScreenStage {
    public static final double WIDTH = 1200;
    public static final double HEIGHT = 760;
    private static final String STYLESHEET = "/org/cohortplanner/ui/console.css";

    private ScreenStage() {
    }

    /** Builds the screen on the FX thread (view models that bind to nodes need it) and shows it. */
    public static void show(Supplier<? extends Parent> screen) throws TimeoutException {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            Scene scene = new Scene(screen.get(), WIDTH, HEIGHT);
            scene.getStylesheets().add(ScreenStage.class.getResource(STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes what the test showed. */
    public static void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }
}
