package org.cohortplanner.ui.shell;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cohortplanner.store.ScenarioStore.SavedScenario;

/** Asks what the briefing report should hold before it is written (the console's dialog; scripted in tests). */
@FunctionalInterface
public interface BriefingChoices {

    /**
     * What the planner chose.
     *
     * @param compareWith the scenario to compare the plan with, or null for the plan alone
     * @param since       decisions from this day on, or null for all of them
     */
    record Chosen(SavedScenario compareWith, LocalDate since, Locale language) {
        public Chosen {
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * @param scenarios the scenarios the plan may be compared with (may be empty)
     * @param language  the language offered first (the console's)
     * @return the choice, or empty when the planner cancelled
     */
    Optional<Chosen> choose(List<SavedScenario> scenarios, Locale language);
}
