package org.cohortplanner.store.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cohortplanner.domain.AuditEntry;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.store.json.PlanFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local model's scenarios saved, listed and deleted from several threads while the working plan is saved: every
 * call finishes (the bound is only there so that a deadlock fails instead of hanging), nothing is lost, and each
 * listing shows whole scenarios.
 */
class ScenarioConcurrencyTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
    private static final int WRITERS = 4;
    private static final int SAVES_EACH = 6;
    private static final int PLAN_SAVES = 8;

    @TempDir
    Path folder;

    @Test
    void scenarioSavesListingsAndDeletesBesidePlanSavesKeepEverythingWhole() throws Exception {
        try (H2PlanStore store = H2PlanStore.open(folder)) {
            Plan stored = store.replace(SAMPLE, PlanChange.of("kim", "Started"));
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 2);
            List<Future<?>> work = new ArrayList<>();
            try {
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < SAVES_EACH; i++) {
                            String name = "writer " + writer + " variant " + i;
                            SavedScenario saved = store.saveScenario(name, SAMPLE.withDescription(name),
                                    PlanChange.of("kim", "Saved scenario " + name));
                            if (i % 2 == 1) {
                                assertTrue(store.deleteScenario(saved.id(), PlanChange.of("kim",
                                        "Deleted scenario " + name)));
                            }
                        }
                        return null;
                    }));
                }
                work.add(pool.submit(() -> {
                    for (int i = 0; i < SAVES_EACH * 2; i++) {
                        for (SavedScenario scenario : store.scenarios()) {
                            assertEquals(scenario.name(), scenario.plan().description(),
                                    "a listed scenario is the plan saved under its name");
                        }
                    }
                    return null;
                }));
                work.add(pool.submit(() -> {
                    Plan plan = stored;
                    for (int i = 0; i < PLAN_SAVES; i++) {
                        plan = store.save(plan.withDescription("edit " + i), PlanChange.of("kim", "Edited"));
                    }
                    return null;
                }));
                for (Future<?> done : work) {
                    done.get(120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<SavedScenario> left = store.scenarios();
            assertEquals(WRITERS * SAVES_EACH / 2, left.size());
            assertEquals(left.size(), left.stream().map(SavedScenario::id).distinct().count());
            assertEquals(1 + PLAN_SAVES, store.load().orElseThrow().version(), "no plan save was lost");
            List<AuditEntry> audit = store.audit();
            assertEquals(WRITERS * SAVES_EACH, audit.stream().filter(e -> e.action().startsWith("Saved scenario"))
                    .count());
            assertEquals(WRITERS * SAVES_EACH / 2, audit.stream()
                    .filter(e -> e.action().startsWith("Deleted scenario")).count());
        }
    }
}
