package org.cohortplanner.ui.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.cohortplanner.backend.AccessTokens;
import org.cohortplanner.backend.AccessTokens.TokenGrant;
import org.cohortplanner.backend.BackendConfig;
import org.cohortplanner.backend.BackendServer;
import org.cohortplanner.backend.Role;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.store.h2.H2PlanStore;
import org.cohortplanner.store.json.PlanFiles;
import org.cohortplanner.store.remote.RemotePlanStore;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.ui.remote.PlanStoreSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Scenarios screen's view model in remote mode: two planners' consoles on one backend share its scenarios. */
class RemoteScenariosViewModelTest {
    private static final Plan SAMPLE = PlanFiles.read(Path.of("sample-data", "korea-2021-initial.json"));
    private static final String KIM = "kim-scenarios-token-4b1e";
    private static final String PARK = "park-scenarios-token-9d07";
    private static final String CHOI = "choi-scenarios-token-2a6f";

    private BackendServer backend;

    @BeforeEach
    void start() {
        backend = BackendServer.start(BackendConfig.loopback("jdbc:h2:mem:scenarios-" + UUID.randomUUID(),
                AccessTokens.of(List.of(new TokenGrant("kim", Set.of(Role.PLANNER), KIM),
                        new TokenGrant("park", Set.of(Role.PLANNER), PARK),
                        new TokenGrant("choi", Set.of(Role.VIEWER), CHOI))), SAMPLE));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    /** A console connected to the backend, as AppContext wires it: the screen holds the store switch. */
    private record Console(WorkingPlan working, ScenariosViewModel scenarios) {
    }

    private Console console(String token, String user) {
        PlanStoreSwitch store = new PlanStoreSwitch(new InMemoryPlanStore(SAMPLE));
        store.use(new RemotePlanStore(URI.create(backend.url()), token, Duration.ofSeconds(2), Duration.ofSeconds(10),
                null));
        WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
        return new Console(working, new ScenariosViewModel(working, store, new DirectTaskRunner(),
                CampaignDashboard.standard(), user, Texts.of(ScenariosView.class, Locale.ENGLISH)));
    }

    private static List<String> names(ScenariosViewModel scenarios) {
        return scenarios.scenarios().stream().map(ScenariosViewModel.ScenarioRow::name).toList();
    }

    @Test
    void aScenarioSavedInOneConsoleIsListedComparedAndTakenUpInAnother() {
        Console kim = console(KIM, "kim");
        Console park = console(PARK, "park");
        assertTrue(park.scenarios().scenarios().isEmpty());

        kim.scenarios().nameProperty().set("as planned");
        kim.scenarios().saveWorkingPlan();
        assertEquals("Saved the working plan as scenario as planned.", kim.scenarios().statusProperty().get());
        Plan fewer = kim.working().getPlan().withDeliveries(kim.working().getPlan().deliveries().subList(0, 1));
        kim.working().edit(fewer, new PlanChange("kim", "Removed deliveries", "", "", ""));
        kim.scenarios().nameProperty().set("without deliveries");
        kim.scenarios().saveWorkingPlan();

        park.scenarios().refresh();
        assertEquals(List.of("as planned", "without deliveries"), names(park.scenarios()));
        assertEquals("kim", park.scenarios().scenarios().get(0).savedBy());
        park.scenarios().compare(List.copyOf(park.scenarios().scenarios()));
        assertEquals(List.of("as planned", "without deliveries"), park.scenarios().getComparison().columns());
        assertEquals(SAMPLE.deliveries().size() - 1, park.scenarios().getComparison().differences().size());

        park.scenarios().nameProperty().set("as planned");
        park.scenarios().saveWorkingPlan();
        assertEquals("A scenario named as planned is kept already (saved by kim); choose another name, or delete "
                + "that one first.", park.scenarios().statusProperty().get());

        // Park's console loads the plan kim changed, then takes up kim's first scenario as one undoable edit.
        Console parkAgain = console(PARK, "park");
        parkAgain.scenarios().makeWorkingPlan(parkAgain.scenarios().scenarios().get(0));
        assertEquals(SAMPLE.deliveries(), parkAgain.working().getPlan().deliveries());
        assertTrue(backend.plans().audit().stream().anyMatch(e -> e.user().equals("park")
                && e.action().equals("Made scenario as planned the working plan")));

        parkAgain.scenarios().delete(parkAgain.scenarios().scenarios().get(1));
        assertEquals(List.of("as planned"), names(parkAgain.scenarios()));
        kim.scenarios().refresh();
        assertEquals(List.of("as planned"), names(kim.scenarios()));
    }

    @Test
    void aViewerSeesTheScenariosButCannotSaveOne() {
        Console kim = console(KIM, "kim");
        kim.scenarios().nameProperty().set("as planned");
        kim.scenarios().saveWorkingPlan();
        Console choi = console(CHOI, "choi");
        assertEquals(List.of("as planned"), names(choi.scenarios()));
        choi.scenarios().nameProperty().set("mine");
        choi.scenarios().saveWorkingPlan();
        assertTrue(choi.scenarios().statusProperty().get().startsWith("The scenario could not be saved:"),
                choi.scenarios().statusProperty().get());
        assertTrue(choi.scenarios().statusProperty().get().contains("planner role"),
                choi.scenarios().statusProperty().get());
    }

    @Test
    void connectingShowsTheBackendsScenariosAndDisconnectingTheLocalOnes(@TempDir Path folder) {
        Console kim = console(KIM, "kim");
        kim.scenarios().nameProperty().set("on the backend");
        kim.scenarios().saveWorkingPlan();

        try (H2PlanStore local = H2PlanStore.open(folder)) {
            Plan stored = local.replace(SAMPLE, PlanChange.of("park", "Started"));
            local.saveScenario("only here", stored, PlanChange.of("park", "Saved scenario only here"));
            PlanStoreSwitch store = new PlanStoreSwitch(local);
            WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
            ScenariosViewModel park = new ScenariosViewModel(working, store, new DirectTaskRunner(),
                    CampaignDashboard.standard(), "park", Texts.of(ScenariosView.class, Locale.ENGLISH));
            assertEquals(List.of("only here"), names(park));

            store.use(new RemotePlanStore(URI.create(backend.url()), PARK, Duration.ofSeconds(2),
                    Duration.ofSeconds(10), null));
            working.reload(store.load().orElseThrow());
            assertEquals(List.of("on the backend"), names(park));

            store.useLocal();
            working.reload(store.load().orElseThrow());
            assertEquals(List.of("only here"), names(park));
        }
    }
}
