package org.cohortplanner.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.RegionSelection;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.work.Progress;
import org.junit.jupiter.api.Test;

/** The Dashboard's figures and tiles on the initial 2021 sample, without the toolkit. */
class DashboardViewModelTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));

    private final InMemoryPlanStore store = new InMemoryPlanStore(SAMPLE.withVersion(1));
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
    private final CohortSelection cohorts = new CohortSelection();
    private final RegionSelection regions = new RegionSelection();
    private final List<DashboardTarget> opened = new ArrayList<>();

    private DashboardViewModel dashboard(TaskRunner tasks, Locale locale) {
        return new DashboardViewModel(working, tasks, CampaignDashboard.standard(), cohorts, regions, opened::add,
                Texts.of(DashboardView.class, locale));
    }

    @Test
    void theTilesShowThePlansFiguresAndOpenWhatTheySumUp() {
        DashboardViewModel dashboard = dashboard(new DirectTaskRunner(), Locale.ENGLISH);
        assertFalse(dashboard.computingProperty().get());
        assertEquals("23,541,034", dashboard.valueProperty(DashboardViewModel.Tile.ELIGIBLE).get());
        assertEquals("None", dashboard.valueProperty(DashboardViewModel.Tile.SHORTAGES).get());
        String waits = dashboard.valueProperty(DashboardViewModel.Tile.WAITS).get();
        // The worst night is the simulation's to say (the samples' night parameters are fitted to 12 July 2021).
        org.cohortplanner.simulation.CampaignFigures.NightWait worst = CampaignDashboard.standard()
                .figures(working.getPlan()).worstNight().orElseThrow();
        assertTrue(waits.endsWith(", " + worst.cohortName() + ")") && waits.contains(" min ("), waits + " / " + worst);
        // The tiles name and write their figures as the Scenarios screen, compare and the briefing do.
        org.cohortplanner.texts.FigureTexts shared = org.cohortplanner.texts.FigureTexts.of(Locale.ENGLISH,
                value -> String.format(Locale.ENGLISH, "%,d", value), day -> "");
        assertEquals(shared.label(org.cohortplanner.texts.FigureTexts.Figure.WORST_WAIT),
                dashboard.title(DashboardViewModel.Tile.WAITS));
        assertEquals(shared.value(org.cohortplanner.texts.FigureTexts.Figure.PROBLEMS, dashboard.getFigures()),
                dashboard.valueProperty(DashboardViewModel.Tile.PROBLEMS).get());
        assertEquals(3, dashboard.nights().size());
        assertTrue(dashboard.brands().containsAll(List.of("Pfizer", "Moderna")), dashboard.brands().toString());
        assertFalse(dashboard.weeks("Moderna").isEmpty());
        assertEquals(17, dashboard.regionRows().size());

        dashboard.open(DashboardViewModel.Tile.WAITS);
        assertEquals(List.of(DashboardTarget.SIMULATION), opened);
        assertEquals(worst.cohortId(), cohorts.getCohortId(), "the worst night's window is selected");
        dashboard.open(DashboardViewModel.Tile.DOSES);
        dashboard.open(DashboardViewModel.Tile.SHORTAGES);
        dashboard.open(DashboardViewModel.Tile.ELIGIBLE);
        assertEquals(List.of(DashboardTarget.SIMULATION, DashboardTarget.SUPPLY, DashboardTarget.PROVINCES,
                DashboardTarget.COHORTS), opened);
        assertNull(regions.getRegion());
        dashboard.openRegion("Busan");
        assertEquals("Busan", regions.getRegion());
        assertEquals(DashboardTarget.SUPPLY, opened.get(opened.size() - 1));
    }

    @Test
    void anEditOfThePlanIsWorkedOutAgain() {
        DashboardViewModel dashboard = dashboard(new DirectTaskRunner(), Locale.ENGLISH);
        Plan starved = working.getPlan().withDeliveries(working.getPlan().deliveries().subList(0, 1));
        working.edit(starved, new PlanChange("kim", "Removed deliveries", "", "", ""));
        String shortages = dashboard.valueProperty(DashboardViewModel.Tile.SHORTAGES).get();
        assertTrue(shortages.contains("people on"), shortages);
        assertTrue(dashboard.regionRows().stream().anyMatch(DashboardViewModel.RegionRow::isShort));
        assertEquals(dashboard.getFigures().peopleShort(), CampaignDashboard.standard().figures(starved)
                .peopleShort());
    }

    @Test
    void everyPlanIsWorkedOutOnOneChannelSoThatOnlyTheLatestIsShown() {
        List<String> channels = new ArrayList<>();
        List<Consumer<Object>> deliveries = new ArrayList<>();
        TaskRunner recording = new TaskRunner() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> TaskHandle run(String channel, Work<T> work, Consumer<? super T> onResult,
                                      Consumer<? super Throwable> onFailure, Progress<String> onProgress) {
                channels.add(channel);
                deliveries.add(result -> onResult.accept((T) result));
                return null;
            }

            @Override
            public void cancel(String channel) {
            }

            @Override
            public void shutdown() {
            }
        };
        DashboardViewModel dashboard = dashboard(recording, Locale.KOREAN);
        assertTrue(dashboard.computingProperty().get(), "the figures are worked out away from the screen");
        working.edit(working.getPlan().withName("Variant"), new PlanChange("kim", "Renamed", "", "", ""));
        assertEquals(List.of(DashboardViewModel.FIGURES_CHANNEL, DashboardViewModel.FIGURES_CHANNEL), channels);
        deliveries.get(1).accept(CampaignDashboard.standard().figures(working.getPlan()));
        assertFalse(dashboard.computingProperty().get());
        assertTrue(dashboard.statusProperty().get().startsWith("Variant"), dashboard.statusProperty().get());
        assertEquals("없음", dashboard.valueProperty(DashboardViewModel.Tile.SHORTAGES).get());
        assertEquals("최장 p95 대기", dashboard.title(DashboardViewModel.Tile.WAITS));
    }
}
