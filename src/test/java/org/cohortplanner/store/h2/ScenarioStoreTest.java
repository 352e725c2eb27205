package org.cohortplanner.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioStoreTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    @TempDir
    Path folder;

    @Test
    void scenariosAreKeptBesideThePlanWithTheirSavesInTheAuditTrailAndSurviveAReopen() {
        Plan stored;
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            stored = store.replace(SAMPLE, new PlanChange("kim", "Started", "", SAMPLE.name(), ""));
            SavedScenario split = store.saveScenario("split 50–54", stored.withDescription("split"),
                    new PlanChange("kim", "Saved scenario", "", "split 50–54", "for the commissioner"));
            store.saveScenario("more capacity", stored.withDescription("capacity"),
                    new PlanChange("lee", "Saved scenario", "", "more capacity", ""));
            assertEquals(1, split.id());
            assertEquals(stored.version(), split.basedOnVersion());
            SavedScenario again = store.saveScenario("split 50–54", stored.withDescription("split, again"),
                    new PlanChange("kim", "Saved scenario", "", "split 50–54", "replaced"));
            assertEquals(split.id(), again.id(), "a name taken is the same scenario, replaced");
        }
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            List<SavedScenario> scenarios = store.scenarios();
            assertEquals(List.of("split 50–54", "more capacity"), scenarios.stream().map(SavedScenario::name)
                    .toList());
            assertEquals("split, again", scenarios.get(0).plan().description());
            assertEquals("lee", scenarios.get(1).savedBy());
            assertEquals(SAMPLE.cohorts(), scenarios.get(1).plan().cohorts());
            List<AuditEntry> audit = store.audit();
            assertEquals(4, audit.size(), audit.toString());
            assertEquals("for the commissioner", audit.get(1).reason());
            assertEquals(stored.version(), audit.get(3).planVersion(), "a scenario does not change the plan");
            assertEquals(stored, store.load().orElseThrow());

            assertTrue(store.deleteScenario(scenarios.get(1).id(), new PlanChange("lee", "Deleted scenario", "",
                    "", "")));
            assertFalse(store.deleteScenario(99, new PlanChange("lee", "Deleted scenario", "", "", "")));
            assertEquals(1, store.scenarios().size());
            assertEquals(5, store.audit().size());
            StoreException tooLong = assertThrows(StoreException.class, () -> store.saveScenario("x".repeat(201),
                    SAMPLE, new PlanChange("kim", "Saved scenario", "", "", "")));
            assertTrue(tooLong.getMessage().contains("scenario name"), tooLong.getMessage());
            assertEquals(1, store.scenarios().size());
            assertEquals(5, store.audit().size(), "a refused save leaves no audit entry");
        }
    }
}
