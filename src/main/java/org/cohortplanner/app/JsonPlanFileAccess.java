package org.cohortplanner.app;

import java.nio.file.Path;
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.common.PlanFileAccess;

/** Plan files for the console, through the plan file reader and writer of the store. */
public final class JsonPlanFileAccess implements PlanFileAccess {
    @Override
    public Plan read(Path file) {
        return PlanFiles.read(file);
    }

    @Override
    public Optional<OlderFormat> olderFormat(Path file) {
        int version = PlanFiles.formatVersionOf(file).orElse(PlanFiles.FORMAT_VERSION);
        return version < PlanFiles.FORMAT_VERSION ? Optional.of(new OlderFormat(version, PlanFiles.FORMAT_VERSION))
                : Optional.empty();
    }

    @Override
    public void write(Plan plan, Path file) {
        PlanFiles.write(plan, file);
    }
}
