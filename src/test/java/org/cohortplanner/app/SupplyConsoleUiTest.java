package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.chart.LineChart;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.domain.Delivery;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.planning.slip.Suggestion;
import org.cohortplanner.ui.TreeRows;
import org.cohortplanner.ui.audit.AuditRow;
import org.cohortplanner.ui.audit.AuditView;
import org.cohortplanner.ui.cohorts.CohortRow;
import org.cohortplanner.ui.cohorts.CohortsView;
import org.cohortplanner.ui.supply.SupplyView;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The supply officer's July 2021 decision, replayed in the real console on the initial sample plan. */
class SupplyConsoleUiTest extends RunningConsole {
    private static final int PATIENCE_SECONDS = 120;

    @Test
    void theModernaSlipOfJuly2021IsRecordedWithAPfizerSwapForThe55To59Cohort() throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TableView<Delivery> deliveries = robot.lookup("#" + SupplyView.DELIVERIES_ID).queryTableView();
        assertTrue(deliveries.getItems().stream().anyMatch(d -> d.id().equals("MOD-2021-W28")));
        LineChart<?, ?> chart = robot.lookup("#" + SupplyView.CHART_ID).queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS,
                () -> !chart.getData().isEmpty() && !chart.getData().get(0).getData().isEmpty());

        robot.clickOn("MOD-2021-W28");
        robot.clickOn("#supply-record-delay");
        DatePicker date = robot.lookup("#" + SupplyView.SLIP_DATE_ID).queryAs(DatePicker.class);
        robot.interact(() -> date.setValue(LocalDate.of(2021, 7, 30)));
        robot.clickOn("#" + SupplyView.SLIP_REASON_ID).write("quality inspection");
        Label impact = robot.lookup("#" + SupplyView.IMPACT_SUMMARY_ID).queryAs(Label.class);
        robot.clickOn("#" + SupplyView.SLIP_SHOW_ID);

        WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> !impact.getText().isEmpty());
        assertTrue(impact.getText().contains("55–59"), impact.getText());
        TableView<Suggestion> suggestions = robot.lookup("#" + SupplyView.SUGGESTIONS_ID).queryTableView();
        Suggestion first = suggestions.getItems().get(0);
        assertEquals(Suggestion.Kind.BRAND_SWAP, first.kind());
        assertTrue(first.summary().contains("Pfizer"), first.summary());
        assertEquals(first, suggestions.getSelectionModel().getSelectedItem());

        robot.clickOn("#" + SupplyView.SAVE_WITH_SUGGESTION_ID);
        TableView<SecondDoseMove> moves = robot.lookup("#" + SupplyView.MOVES_ID).queryTableView();
        WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> !moves.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Label told = robot.lookup("#" + SupplyView.MOVES_SUMMARY_ID).queryAs(Label.class);
        assertTrue(told.getText().contains("second-dose day"), told.getText());
        Delivery delayed = deliveries.getItems().stream().filter(d -> d.id().equals("MOD-2021-W28")).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2021, 7, 30), delayed.expectedArrival());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TreeTableView<CohortRow> cohorts = robot.lookup("#" + CohortsView.TABLE_ID).query();
        CohortRow fiftyFive = TreeRows.shown(cohorts).stream().filter(row -> row.name().equals("55–59")).findFirst()
                .orElseThrow();
        // A swap limited to the regions that need it is saved as allocation rules (checked in SupplyViewModelTest),
        // so 55-59's own shares only change for a national swap.
        assertTrue(fiftyFive.brands().contains("Pfizer") || !first.regions().isEmpty(), fiftyFive.brands());

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        TableView<AuditRow> audit = robot.lookup("#" + AuditView.TABLE_ID).queryTableView();
        WaitForAsyncUtils.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS, () -> audit.getItems().stream()
                .anyMatch(row -> row.action().contains("MOD-2021-W28")));
        AuditRow entry = audit.getItems().stream().filter(row -> row.action().contains("MOD-2021-W28")).findFirst()
                .orElseThrow();
        assertTrue(entry.action().contains("Pfizer"), entry.action());
        assertTrue(entry.reason().startsWith("slip: MOD-2021-W28"), entry.reason());
        assertTrue(entry.reason().contains("quality inspection"), entry.reason());
    }
}
