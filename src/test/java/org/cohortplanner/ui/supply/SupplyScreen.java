package org.cohortplanner.ui.supply;

import java.util.Locale;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScreenStage;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;

/**
 * The Supply screen in English, shown headless before each test on a plan kept in memory and closed after it: what
 * the screen's UI tests share (register it with {@code @RegisterExtension}).
 */
final class SupplyScreen implements BeforeEachCallback, AfterEachCallback {
    final FxRobot robot = new FxRobot();
    final InMemoryPlanStore store;
    final WorkingPlan working;
    private SupplyViewModel supply;

    SupplyScreen(Plan plan) {
        store = new InMemoryPlanStore(plan.withVersion(1));
        working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
    }

    SupplyViewModel supply() {
        return supply;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        ScreenStage.show(() -> {
            supply = new SupplyViewModel(working, new DirectTaskRunner(), new ScriptedDialogs(), "kim",
                    Texts.of(SupplyView.class, Locale.ENGLISH));
            return new SupplyView(supply).root();
        });
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        ScreenStage.close();
    }
}
