package org.cohortplanner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.cohortplanner.cli.CohortPlannerCommand.ConsoleOptions;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.store.settings.ConsoleSettings;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.shell.ConsoleSettingsAccess;
import org.cohortplanner.ui.shell.StartingPlan;
import org.junit.jupiter.api.Test;

class AppContextTest {
    @Test
    void anEmptyStoreIsSeededWithTheBundledInitialSample() {
        InMemoryPlanStore store = new InMemoryPlanStore(null);

        try (AppContext context = new AppContext(store, new DirectTaskRunner(), "kim")) {
            Plan seeded = store.load().orElseThrow();
            Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
            assertEquals(sample.withVersion(seeded.version()), seeded);
            assertEquals(1, store.audit().size());
            assertEquals("kim", store.audit().get(0).user());
            assertTrue(store.audit().get(0).action().contains("sample plan"));
        }
    }

    @Test
    void aStoreThatHoldsAPlanIsNotSeededAgain() {
        InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial().withVersion(12));

        try (AppContext context = new AppContext(store, new DirectTaskRunner(), "kim")) {
            assertEquals(12, store.load().orElseThrow().version());
            assertEquals(List.of(), store.audit());
        }
    }

    @Test
    void theDataFolderTravelsToTheApplicationAsANamedParameter() {
        assertEquals(List.of(), CohortPlannerApp.arguments(
                new ConsoleOptions(null)));
        assertEquals(List.of("--data-dir=" + Path.of("plans").toAbsolutePath()), CohortPlannerApp.arguments(
                new ConsoleOptions(Path.of("plans"))));
    }

    @Test
    void aFirstRunWaitsForTheUsersChoiceAndStartsWithIt() {
        InMemoryPlanStore store = new InMemoryPlanStore(null);

        try (AppContext context = new AppContext(store, new DirectTaskRunner(), "kim",
                ConsoleSettingsAccess.inMemory(null), true)) {
            assertTrue(context.isFirstRun());
            assertTrue(store.load().isEmpty(), "nothing is put into the store before the user chooses");

            context.start(StartingPlan.AS_RUN_SAMPLE);

            assertFalse(context.isFirstRun());
            Plan asRun = PlanFiles.read(Path.of("sample-data", "korea-2021-as-run.json"));
            assertEquals(asRun.withVersion(store.load().orElseThrow().version()), store.load().orElseThrow());
        }
    }

    @Test
    void anEmptyFirstPlanKeepsTheSamplesReferenceDataButNoCohortsOrDeliveries() {
        InMemoryPlanStore store = new InMemoryPlanStore(null);

        try (AppContext context = new AppContext(store, new DirectTaskRunner(), "kim",
                ConsoleSettingsAccess.inMemory(null), true)) {
            context.start(StartingPlan.EMPTY);

            Plan empty = store.load().orElseThrow();
            Plan sample = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
            assertEquals(List.of(), empty.cohorts());
            assertEquals(List.of(), empty.deliveries());
            assertEquals(sample.brands(), empty.brands());
            assertEquals(sample.zone(), empty.zone());
            assertEquals("Started a new plan", store.audit().get(0).action());
        }
    }

    @Test
    void aDataFolderThatHoldsAPlanSkipsTheFirstRunScreen() {
        InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial().withVersion(3));

        try (AppContext context = new AppContext(store, new DirectTaskRunner(), "kim",
                ConsoleSettingsAccess.inMemory(null), true)) {
            assertFalse(context.isFirstRun());
            assertEquals(3, store.load().orElseThrow().version());
        }
    }

    @Test
    void theLanguageComesFromTheSettings() {
        ConsoleSettingsAccess korean = ConsoleSettingsAccess.inMemory(null);
        korean.change(korean.settings().withLanguage(ConsoleSettings.KOREAN));

        try (AppContext context = new AppContext(new InMemoryPlanStore(null), new DirectTaskRunner(), "kim", korean,
                false)) {
            assertEquals("ko", context.locale().getLanguage());
        }
    }
}
