package org.cohortplanner.ui.remote;

import java.util.Objects;
import javafx.scene.Scene;

/** The console's stylesheet and the remote mode's own, for the windows this package opens. */
final class RemoteStyles {
    static final String CONSOLE = "/org/cohortplanner/ui/console.css";
    static final String REMOTE = "/org/cohortplanner/ui/remote/remote.css";

    private RemoteStyles() {
    }

    static void apply(Scene scene) {
        for (String sheet : new String[] {CONSOLE, REMOTE}) {
            scene.getStylesheets().add(Objects.requireNonNull(RemoteStyles.class.getResource(sheet), sheet)
                    .toExternalForm());
        }
    }

    /** Adds the remote mode's stylesheet to the console's own window. */
    static void addTo(Scene scene) {
        String sheet = Objects.requireNonNull(RemoteStyles.class.getResource(REMOTE), REMOTE).toExternalForm();
        if (!scene.getStylesheets().contains(sheet)) {
            scene.getStylesheets().add(sheet);
        }
    }
}
