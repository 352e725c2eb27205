package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.junit.jupiter.api.Test;

class AppContextTest {
    @Test
    void anEmptyStoreIsSeededWithTheBundledInitialSample() {
        InMemoryPlanStore store = new InMemoryPlanStore(null);

        try (AppContext context = new AppContext(store, new DirectTaskRunner(), "kim")) {
            Plan seeded = store.load().orElseThrow();
            Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
            assertEquals(sample.withVersion(seeded.version()), seeded);
            assertEquals(1, store.audit().size());
            assertEquals("kim", store.audit().get(0).user());
            assertTrue(store.audit().get(0).action().contains("sample plan"));
        }
    }

    @Test
    void aStoreThatHoldsAPlanIsNotSeededAgain() {
        InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial().withVersion(12));

        try (AppContext context = new AppContext(store, new DirectTaskRunner(), "kim")) {
            assertEquals(12, store.load().orElseThrow().version());
            assertEquals(List.of(), store.audit());
        }
    }

    @Test
    void theDataFolderTravelsToTheApplicationAsANamedParameter() {
        assertEquals(List.of(), CohortPlannerApp.arguments(
                new ConsoleOptions(null)));
        assertEquals(List.of("--data-dir=" + Path.of("plans").toAbsolutePath()), CohortPlannerApp.arguments(
                new ConsoleOptions(Path.of("plans"))));
    }
}
