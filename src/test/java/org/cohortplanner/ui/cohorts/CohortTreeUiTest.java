package org.cohortplanner.ui.cohorts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javafx.scene.control.Label;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScreenStage;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.TreeRows;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Cohorts screen, headless: a split cohort with its parts under it, the totals row that counts the split
 * cohort's people once, a split that selects its new parts, and the Korean totals.
 */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class CohortTreeUiTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final FxRobot robot = new FxRobot();
    private final CohortSelection selection = new CohortSelection();
    private WorkingPlan working;
    private CohortsViewModel cohorts;

    /** The sample with 50–54 split at 1969, as a plan read from a file. */
    private static Plan splitSample() {
        CohortSplitter splitter = new CohortSplitter();
        return splitter.apply(SAMPLE, splitter.atBirthYear(SAMPLE, "c50-54", 1969));
    }

    private void show(Plan plan, Locale locale) throws TimeoutException {
        working = new WorkingPlan(new InMemoryPlanStore(plan), new DirectTaskRunner(), plan);
        ScreenStage.show(() -> {
            cohorts = new CohortsViewModel(working, selection, new ScriptedDialogs(), "kim", locale);
            return new CohortsView(cohorts).root();
        });
    }

    @AfterEach
    void closeScreen() throws TimeoutException {
        ScreenStage.close();
    }

    private TreeTableView<CohortRow> tree() {
        return robot.lookup("#" + CohortsView.TABLE_ID).query();
    }

    private String shown(String id) {
        return robot.lookup("#" + id).queryAs(Label.class).getText();
    }

    private static List<String> names(List<TreeItem<CohortRow>> items) {
        return items.stream().map(item -> item.getValue().name()).toList();
    }

    @Test
    void aSplitCohortShowsItsPartsUnderItAndTheOtherCohortsAtTheTop() throws TimeoutException {
        show(splitSample(), Locale.ENGLISH);
        TreeTableView<CohortRow> tree = tree();

        assertEquals(List.of("55–59", "50–54", "18–49"), names(tree.getRoot().getChildren()));
        TreeItem<CohortRow> parent = tree.getRoot().getChildren().get(1);
        assertEquals(List.of("53–54", "50–52"), names(parent.getChildren()));
        assertTrue(parent.isExpanded(), "a split parent shows its parts");
        assertEquals(List.of("55–59", "50–54", "53–54", "50–52", "18–49"),
                TreeRows.shown(tree).stream().map(CohortRow::name).toList());

        robot.interact(() -> parent.setExpanded(false));
        robot.interact(() -> working.edit(working.getPlan().withCohort(working.getPlan().cohort("c55-59")
                .orElseThrow().withUptake(0.9)), PlanChange.of("kim", "Uptake")));
        robot.interact(working::undo);
        TreeItem<CohortRow> again = tree().getRoot().getChildren().get(1);
        assertFalse(again.isExpanded(), "a folded parent stays folded across an edit and its undo");
        assertEquals(3, TreeRows.shown(tree()).size());
    }

    @Test
    void theTotalsRowCountsTheSplitCohortsPeopleOnceThroughItsParts() throws TimeoutException {
        Plan plan = splitSample();
        show(plan, Locale.ENGLISH);
        long booking = CohortFamilies.bookingCohorts(plan).stream().mapToLong(Cohort::eligible).sum();
        long everyRow = plan.cohorts().stream().mapToLong(Cohort::eligible).sum();

        assertEquals("Total", shown(CohortsView.TOTAL_LABEL_ID));
        assertEquals(Formats.count(booking, Locale.ENGLISH), shown(CohortsView.TOTAL_ELIGIBLE_ID));
        assertNotEquals(Formats.count(everyRow, Locale.ENGLISH), shown(CohortsView.TOTAL_ELIGIBLE_ID));
        assertEquals("4 cohorts book", shown(CohortsView.TOTAL_COHORTS_ID));
        assertTrue(robot.lookup("#" + CohortsView.TOTAL_ELIGIBLE_ID).queryAs(Label.class).getTooltip().getText()
                .contains("Suspended and closed cohorts still count"));
    }

    @Test
    void aSplitMadeOnTheScreenSelectsItsNewParts() throws TimeoutException {
        show(SAMPLE, Locale.ENGLISH);
        robot.interact(() -> selection.select("c50-54"));
        robot.interact(() -> cohorts.proposeSplit().orElseThrow().apply());
        WaitForAsyncUtils.waitForFxEvents();

        TreeTableView<CohortRow> tree = tree();
        assertEquals(List.of("53–54", "50–52"), tree.getSelectionModel().getSelectedItems().stream()
                .map(item -> item.getValue().name()).toList());
        assertEquals("53–54", tree.getSelectionModel().getSelectedItem().getValue().name());
        assertEquals(working.getPlan().cohortNamed("53–54").orElseThrow().id(), selection.getCohortId());
    }

    @Test
    void leftFoldsTheSelectedParentAndRightUnfoldsIt() throws TimeoutException {
        show(splitSample(), Locale.ENGLISH);
        robot.interact(() -> selection.select("c50-54"));
        robot.interact(() -> tree().requestFocus());

        robot.type(KeyCode.LEFT);
        assertFalse(tree().getRoot().getChildren().get(1).isExpanded());
        assertFalse(cohorts.isExpanded("c50-54"));
        robot.type(KeyCode.RIGHT);
        assertTrue(tree().getRoot().getChildren().get(1).isExpanded());
        robot.type(KeyCode.DOWN);
        assertEquals("53–54", working.getPlan().cohort(selection.getCohortId()).orElseThrow().name());
    }

    @Test
    void theKoreanScreenShowsTheKoreanTotal() throws TimeoutException {
        Plan plan = splitSample();
        show(plan, Locale.KOREAN);
        long booking = CohortFamilies.bookingCohorts(plan).stream().mapToLong(Cohort::eligible).sum();

        assertEquals("합계", shown(CohortsView.TOTAL_LABEL_ID));
        assertEquals("예약 코호트 4개", shown(CohortsView.TOTAL_COHORTS_ID));
        assertEquals(Formats.count(booking, Locale.KOREAN), shown(CohortsView.TOTAL_ELIGIBLE_ID));
    }
}
