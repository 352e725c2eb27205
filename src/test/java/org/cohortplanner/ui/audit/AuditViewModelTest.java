package org.cohortplanner.ui.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;

class AuditViewModelTest {
    private final InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial());
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final WorkingPlan working = new WorkingPlan(store, tasks, UiTestPlans.initial());
    private final AuditViewModel viewModel = new AuditViewModel(store, working, tasks);

    @Test
    void listsNewEntriesNewestFirstAfterEachSave() {
        working.edit(working.getPlan().withName("A"),
                new PlanChange("kim", "Renamed the plan", "Korea 2021 initial", "A", ""));
        working.edit(working.getPlan().withName("B"),
                new PlanChange("lee", "Renamed the plan", "A", "B", "minister's request"));

        List<AuditRow> rows = viewModel.rows();
        assertEquals(2, rows.size());
        assertEquals("lee", rows.get(0).user());
        assertEquals("A → B", rows.get(0).change());
        assertEquals("minister's request", rows.get(0).reason());
        assertEquals("12 Jul 2021 09:02:00", rows.get(0).time(), "times are in the plan's zone (UTC+9)");
        assertEquals("2 entries · newest first · times in Asia/Seoul", viewModel.summaryProperty().get());
    }

    @Test
    void theFilterKeepsEntriesContainingEveryWordInAnyField() {
        working.edit(working.getPlan().withName("A"),
                new PlanChange("kim", "Split cohort 50–54 at 1969", "", "", ""));
        working.edit(working.getPlan().withName("B"),
                new PlanChange("lee", "Moved window of 55–59", "", "", "Moderna slip"));

        viewModel.filterProperty().set("moderna LEE");
        assertEquals(List.of("Moved window of 55–59"), viewModel.rows().stream().map(AuditRow::action).toList());
        assertEquals("1 of 2 entries match · times in Asia/Seoul", viewModel.summaryProperty().get());

        viewModel.filterProperty().set("nobody");
        assertTrue(viewModel.rows().isEmpty());

        viewModel.filterProperty().set("");
        assertEquals(2, viewModel.rows().size());
    }

    @Test
    void aChangeWithOnlyOneSideShowsAnArrowOnThatSide() {
        assertEquals("→ 53–54, 50–52", AuditRow.change("", "53–54, 50–52"));
        assertEquals("50–54 →", AuditRow.change("50–54", ""));
        assertEquals("", AuditRow.change("", ""));
    }

    @Test
    void saysSoWhenNothingHasBeenSavedYet() {
        assertEquals("No saved changes yet · times in Asia/Seoul", viewModel.summaryProperty().get());
    }
}
