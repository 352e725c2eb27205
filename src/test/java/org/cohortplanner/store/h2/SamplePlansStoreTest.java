package org.cohortplanner.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The 2021 sample plans, as the console seeds and replaces its local model with them. */
class SamplePlansStoreTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"korea-2021-initial.json", "korea-2021-as-run.json"})
    void samplePlanIsStoredAndReadBackEqualAcrossAReopen(String sample) {
        Plan plan = PlanFiles.read(Path.of("sample-data", sample));
        Plan stored;
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            stored = store.replace(plan, PlanChange.of("kim", "Open " + sample));
            assertEquals(plan.withVersion(1), stored);
            assertEquals(Optional.of(stored), store.load());
        }
        try (H2PlanStore reopened = H2PlanStore.open(folder)) {
            assertEquals(Optional.of(stored), reopened.load());
            assertEquals(List.of("Open " + sample), reopened.audit().stream().map(AuditEntry::action).toList());
        }
    }
}
