package org.cohortplanner.ui.cohorts;

import java.util.Locale;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;

/** The Cohorts screen's view model in English on a plan kept in memory, without the toolkit, as its tests drive it. */
final class CohortsFixture {
    final InMemoryPlanStore store;
    final WorkingPlan working;
    final CohortSelection selection = new CohortSelection();
    final CohortsViewModel cohorts;

    CohortsFixture(Plan plan) {
        store = new InMemoryPlanStore(plan);
        working = new WorkingPlan(store, new DirectTaskRunner(), plan);
        cohorts = new CohortsViewModel(working, selection, new ScriptedDialogs(), "kim", Locale.ENGLISH);
    }

    /** Selects the cohort and opens its editor, as a double-click on its row does. */
    CohortEditor edit(String cohortId) {
        selection.select(cohortId);
        cohorts.editSelected();
        return cohorts.editorProperty().get();
    }
}
