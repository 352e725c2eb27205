package org.cohortplanner.app;

import javafx.application.Application;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;

/** Opens the console with the command line's options, and returns when its window has closed. */
final class ConsoleStarter {
    private ConsoleStarter() {
    }

    static void start(ConsoleOptions options) {
        Application.launch(CohortPlannerApp.class, CohortPlannerApp.arguments(options).toArray(String[]::new));
    }
}
