package org.cohortplanner.ui.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, comparing and taking up scenarios on the initial 2021 sample, without the toolkit. */
class ScenariosViewModelTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    @TempDir
    Path folder;

    private H2PlanStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private ScenariosViewModel open(WorkingPlan working) {
        return new ScenariosViewModel(working, store, new DirectTaskRunner(), CampaignDashboard.standard(), "kim",
                Texts.of(ScenariosView.class, Locale.ENGLISH));
    }

    @Test
    void twoScenariosAreSavedComparedAndOneBecomesTheWorkingPlanUntilUndo() {
        store = H2PlanStore.open(folder);
        Plan stored = store.replace(SAMPLE, new PlanChange("kim", "Started", "", "", ""));
        WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), stored);
        ScenariosViewModel scenarios = open(working);
        assertTrue(scenarios.scenarios().isEmpty());

        scenarios.nameProperty().set("  ");
        scenarios.saveWorkingPlan();
        assertEquals("Give the scenario a name first.", scenarios.statusProperty().get());
        scenarios.nameProperty().set("as planned");
        scenarios.saveWorkingPlan();
        assertEquals("", scenarios.nameProperty().get());

        Plan starved = working.getPlan().withDeliveries(working.getPlan().deliveries().subList(0, 1));
        working.edit(starved, new PlanChange("kim", "Removed deliveries", "", "", ""));
        scenarios.nameProperty().set("without deliveries");
        scenarios.saveWorkingPlan();
        assertEquals(List.of("as planned", "without deliveries"), scenarios.scenarios().stream()
                .map(ScenariosViewModel.ScenarioRow::name).toList());
        assertTrue(store.audit().stream().anyMatch(e -> e.action().equals("Saved scenario without deliveries")));

        scenarios.compare(List.copyOf(scenarios.scenarios()));
        ScenariosViewModel.Comparison comparison = scenarios.getComparison();
        assertEquals(List.of("as planned", "without deliveries"), comparison.columns());
        ScenariosViewModel.FigureRow shortBy = comparison.rows().stream()
                .filter(row -> row.figure().equals("People short")).findFirst().orElseThrow();
        assertEquals("0", shortBy.values().get(0));
        assertTrue(comparison.figures().get(1).peopleShort() > 0);
        assertTrue(comparison.rows().stream().anyMatch(row -> row.figure().equals("Short in Seoul")));
        assertTrue(comparison.differences().stream().allMatch(line -> line.startsWith("without deliveries: removed "
                + "delivery")), comparison.differences().toString());
        assertEquals(SAMPLE.deliveries().size() - 1, comparison.differences().size());
        assertEquals(6, comparison.nights().size(), "three nights of each plan");

        scenarios.makeWorkingPlan(scenarios.scenarios().get(0));
        assertEquals(SAMPLE.deliveries(), working.getPlan().deliveries());
        assertTrue(working.undoActionProperty().get().contains("as planned"), working.undoActionProperty().get());
        working.undo();
        assertEquals(1, working.getPlan().deliveries().size(), "Undo takes the scenario back");
    }

    @Test
    void oneScenarioIsComparedWithTheWorkingPlanAndADeletedOneLeavesTheList() {
        store = H2PlanStore.open(folder);
        Plan stored = store.replace(SAMPLE, new PlanChange("kim", "Started", "", "", ""));
        WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), stored);
        ScenariosViewModel scenarios = open(working);
        scenarios.nameProperty().set("copy");
        scenarios.saveWorkingPlan();
        scenarios.compare(List.of(scenarios.scenarios().get(0)));
        assertEquals(List.of("Working plan", "copy"), scenarios.getComparison().columns());
        assertEquals(List.of(), scenarios.getComparison().differences());

        scenarios.compare(List.of());
        assertEquals("Choose two or more scenarios to compare.", scenarios.statusProperty().get());
        scenarios.delete(scenarios.scenarios().get(0));
        assertTrue(scenarios.scenarios().isEmpty());
        assertNull(store.scenarios().stream().findFirst().orElse(null));
    }
}
