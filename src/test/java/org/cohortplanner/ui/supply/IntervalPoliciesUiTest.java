package org.cohortplanner.ui.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The Dose intervals tab, headless, on the as-run sample: change the 6-week policy's days, preview, save, undo. */
@DisabledIfSystemProperty(named = "skipUiTests", matches = "true")
class IntervalPoliciesUiTest {
    private static final Plan AS_RUN = PlanFiles.read(Path.of("sample-data", "korea-2021-as-run.json"));

    @RegisterExtension
    final SupplyScreen screen = new SupplyScreen(AS_RUN);
    private final FxRobot robot = screen.robot;
    private final WorkingPlan working = screen.working;

    private String summary() {
        return robot.lookup("#" + IntervalPoliciesView.SUMMARY_ID).queryAs(Label.class).getText();
    }

    @Test
    void changingTheDaysChangesWhoMovesAndSavingIsUndone() {
        TabPane tabs = robot.lookup("#" + SupplyView.TABS_ID).queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(3));
        TableView<?> policies = robot.lookup("#" + IntervalPoliciesView.POLICIES_ID).queryAs(TableView.class);
        robot.interact(() -> policies.getSelectionModel().select(0));
        robot.clickOn("#" + IntervalPoliciesView.EDIT_ID);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#" + IntervalPoliciesView.DAYS_ID).press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL).write("35");
        robot.interact(() -> screen.supply().intervals().preview());
        WaitForAsyncUtils.waitForFxEvents();
        String at35 = summary();
        long moved35 = screen.supply().intervals().previewProperty().get().peopleMoved();

        robot.interact(() -> screen.supply().intervals().formProperty().get().daysProperty().set("40"));
        robot.interact(() -> screen.supply().intervals().preview());
        WaitForAsyncUtils.waitForFxEvents();
        long moved40 = screen.supply().intervals().previewProperty().get().peopleMoved();
        assertNotEquals(moved35, moved40);
        assertNotEquals(at35, summary());
        assertTrue(summary().startsWith(String.format(Locale.ENGLISH, "%,d people", moved40)), summary());

        // The tab scrolls: the button is fired where it is rather than clicked at a place it may be scrolled from.
        Button save = robot.lookup("#" + IntervalPoliciesView.SAVE_ID).queryButton();
        assertFalse(save.isDisabled());
        robot.interact(save::fire);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(40, working.getPlan().intervalPolicies().get(0).days());

        robot.interact(working::undo);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(AS_RUN.intervalPolicies(), working.getPlan().intervalPolicies());
    }
}
