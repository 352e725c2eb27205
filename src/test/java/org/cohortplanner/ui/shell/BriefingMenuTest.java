package org.cohortplanner.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cohortplanner.app.JsonPlanFileAccess;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.store.ScenarioStore;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.ScriptedDialogs;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.WorkingPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File › Briefing report offers what the brief command does, runs in the background and says how it went. */
class BriefingMenuTest {
    @TempDir
    Path folder;

    private final InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial().withVersion(3));
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), store.load().orElseThrow());
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final ShellViewModel viewModel = new ShellViewModel(working, new JsonPlanFileAccess(),
            new DirectTaskRunner(), dialogs, "kim", "Cohort Planner 0.1.0");
    private final List<BriefingRequest> written = new ArrayList<>();
    private final List<Double> progress = new ArrayList<>();

    /** Scenarios as a store keeps them, or a store that cannot list them. */
    private static ScenarioStore scenarios(List<ScenarioStore.SavedScenario> kept, String failure) {
        return new ScenarioStore() {
            @Override
            public List<SavedScenario> scenarios() {
                if (failure != null) {
                    throw new StoreException(failure);
                }
                return kept;
            }

            @Override
            public SavedScenario saveScenario(String name, Plan plan, PlanChange change) {
                throw new UnsupportedOperationException("the briefing only reads scenarios");
            }

            @Override
            public boolean deleteScenario(long id, PlanChange change) {
                throw new UnsupportedOperationException("the briefing only reads scenarios");
            }
        };
    }

    private static ScenarioStore.SavedScenario scenario(String name, Plan plan) {
        return new ScenarioStore.SavedScenario(4, name, Instant.parse("2021-07-12T01:00:00Z"), "park", 3, plan);
    }

    private BriefingWriter recordingWriter() {
        return (request, work) -> {
            for (int step = 1; step <= 4; step++) {
                work.checkCancelled();
                work.report(step / 4.0, "");
            }
            written.add(request);
        };
    }

    @Test
    void theReportComparesTheChosenScenarioSinceTheChosenDayInTheChosenLanguage() {
        Plan split = working.getPlan().withDescription("split 50–54");
        ScenarioStore.SavedScenario chosen = scenario("split 50–54", split);
        List<List<ScenarioStore.SavedScenario>> offered = new ArrayList<>();
        List<Locale> languagesOffered = new ArrayList<>();
        viewModel.setBriefing(recordingWriter(), (list, language) -> {
            offered.add(list);
            languagesOffered.add(language);
            return Optional.of(new BriefingChoices.Chosen(chosen, LocalDate.of(2021, 7, 1), Locale.KOREAN));
        }, scenarios(List.of(chosen), null));
        viewModel.briefingProgressProperty().addListener((o, before, after) -> progress.add(after.doubleValue()));
        Path target = folder.resolve("briefing");
        dialogs.choose(target);

        viewModel.writeBriefing();

        assertEquals(List.of(List.of(chosen)), offered, "the saved scenarios are offered to compare with");
        assertEquals(List.of(Locale.ENGLISH), languagesOffered, "the console's language comes first");
        assertEquals(1, written.size());
        BriefingRequest request = written.get(0);
        assertEquals(working.getPlan(), request.plan());
        assertEquals(split, request.compared());
        assertEquals(LocalDate.of(2021, 7, 1), request.since());
        assertEquals(Locale.KOREAN, request.language());
        assertEquals(folder.resolve("briefing.pdf"), request.target(), "a name without an ending gets .pdf");
        assertTrue(progress.containsAll(List.of(0.25, 0.5, 0.75, 1.0)), progress.toString());
        assertFalse(viewModel.briefingProperty().get());
        assertEquals("The briefing report is in " + request.target() + ".", viewModel.briefingStatusProperty().get());
        assertEquals(List.of("Briefing report written: The briefing report is in " + request.target() + "."),
                dialogs.information);
    }

    @Test
    void thePlanAloneWithEveryDecisionIsWrittenWhenNothingIsChosenToCompare() {
        viewModel.setBriefing(recordingWriter(), (list, language) -> Optional.of(new BriefingChoices.Chosen(null,
                null, language)), scenarios(List.of(), null));
        dialogs.choose(folder.resolve("plan.pdf"));
        viewModel.writeBriefing();
        assertEquals(1, written.size());
        assertTrue(written.get(0).comparedPlan().isEmpty());
        assertNull(written.get(0).since());
        assertEquals(Locale.ENGLISH, written.get(0).language());
    }

    @Test
    void cancellingTheChoiceWritesNothingAndAsksForNoFile() {
        viewModel.setBriefing(recordingWriter(), (list, language) -> Optional.empty(), scenarios(List.of(), null));
        viewModel.writeBriefing();
        assertEquals(List.of(), written);
        assertFalse(viewModel.briefingProperty().get());
        assertEquals("", viewModel.briefingStatusProperty().get());
    }

    @Test
    void scenariosThatCannotBeReadLeaveThePlanAloneAndSayWhy() {
        List<List<ScenarioStore.SavedScenario>> offered = new ArrayList<>();
        viewModel.setBriefing(recordingWriter(), (list, language) -> {
            offered.add(list);
            return Optional.of(new BriefingChoices.Chosen(null, null, language));
        }, scenarios(List.of(), "the backend at http://127.0.0.1:9 did not answer within 5 s"));
        dialogs.choose(folder.resolve("plan.pdf"));
        viewModel.writeBriefing();
        assertEquals(List.of(List.of()), offered);
        assertEquals(1, written.size(), "the plan alone can still be briefed");
    }

    @Test
    void aFailedReportIsShownAsAnErrorNamingTheFile() {
        viewModel.setBriefing((request, work) -> {
            throw new StoreException("the disk is full");
        }, (list, language) -> Optional.of(new BriefingChoices.Chosen(null, null, language)),
                scenarios(List.of(), null));
        dialogs.choose(folder.resolve("plan.pdf"));
        viewModel.writeBriefing();
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("the disk is full"), dialogs.errors.get(0));
        assertTrue(dialogs.errors.get(0).contains("plan.pdf"), dialogs.errors.get(0));
        assertFalse(viewModel.briefingProperty().get());
        assertEquals("The briefing report could not be written", viewModel.briefingStatusProperty().get());
    }
}
