package org.cohortplanner.ui.shell;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.cohortplanner.domain.Plan;

/**
 * A briefing report to write, as the {@code brief} command takes it: the working plan, optionally compared with a
 * saved scenario ({@code --compare}), the decisions since a day (all of them when null) and the language
 * ({@code --lang}).
 *
 * @param compared the scenario's plan, or null for the plan alone
 * @param since    decisions from this day on, or null for every decision of the audit trail
 */
public record BriefingRequest(Plan plan, Plan compared, LocalDate since, Locale language, Path target) {
    public BriefingRequest {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(target, "target");
    }

    public Optional<Plan> comparedPlan() {
        return Optional.ofNullable(compared);
    }
}
