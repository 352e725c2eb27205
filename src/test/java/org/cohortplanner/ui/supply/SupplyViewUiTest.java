package org.cohortplanner.ui.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.Transfer;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Supply screen's regional parts, headless, on the initial sample plan, typed in as an officer would. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class SupplyViewUiTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    @RegisterExtension
    final SupplyScreen screen = new SupplyScreen(SAMPLE);
    private final FxRobot robot = screen.robot;
    private final InMemoryPlanStore store = screen.store;
    private final WorkingPlan working = screen.working;

    @Test
    void aTransferIsRecordedInItsDialogAndTheDialogSaysWhatIsWrongFirst() {
        TabPane tabs = robot.lookup("#" + SupplyView.TABS_ID).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1));
        robot.clickOn("#" + SupplyView.TRANSFER_ADD_ID);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#transfer-doses").write("120,000");
        robot.clickOn("#transfer-shipped").write("2021-07-24");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitForFxEvents();

        String errors = robot.lookup("#" + SupplyView.TRANSFER_ERRORS_ID).queryAs(Label.class).getText();
        assertEquals("From: choose the region.\nTo: choose the region.", errors);
        assertTrue(working.getPlan().transfers().isEmpty());

        robot.interact(() -> {
            robot.lookup("#transfer-from").<String>queryComboBox().setValue("Busan");
            robot.lookup("#transfer-to").<String>queryComboBox().setValue("Seoul");
        });
        robot.clickOn("#transfer-lead-time").press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("2");
        robot.clickOn("Save");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(List.of(new Transfer("TR-1", "Pfizer", 120_000, "Busan", "Seoul", LocalDate.of(2021, 7, 24), 2,
                "")), working.getPlan().transfers());
        TableView<?> table = robot.lookup("#" + SupplyView.TRANSFERS_ID).queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
        assertEquals("Recorded transfer TR-1", store.audit().get(0).action());
    }

    @Test
    void theStockByRegionTabListsEveryRegionAndChoosingOneShowsItInTheChart() {
        TabPane tabs = robot.lookup("#" + SupplyView.TABS_ID).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(2));
        TableView<?> regions = robot.lookup("#" + SupplyView.REGION_DAYS_ID).queryAs(TableView.class);
        assertEquals(17, regions.getItems().size());
        assertTrue(regions.getColumns().size() > 30, "one column per day of the campaign");

        robot.interact(() -> regions.getSelectionModel().select(3));
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<?> region = robot.lookup("#" + SupplyView.REGION_ID).queryAs(ComboBox.class);
        assertEquals("Incheon", region.getValue());
        assertEquals("Incheon", screen.supply().selectedRegionProperty().get());
    }
}
