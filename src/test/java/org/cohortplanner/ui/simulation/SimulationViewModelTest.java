package org.cohortplanner.ui.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.WaitingRoom;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingLimit;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.QueueingFormulas;
import org.cohortplanner.ui.InMemoryPlanStore;
import org.cohortplanner.ui.UiTestPlans;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.DirectTaskRunner;
import org.cohortplanner.ui.common.ExecutorTaskRunner;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;
import org.cohortplanner.domain.NightAssumptions;
import org.cohortplanner.simulation.ArrivalProfile;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.ServiceTime;
import org.cohortplanner.work.Cancellation;
import org.cohortplanner.work.CancelledException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SimulationViewModelTest {
    /** Nights without the supply limit: the test plans have no deliveries, so their supply would allow nothing. */
    private static final BookingNights NIGHTS = new BookingNights(BookingLimit.unlimited());

    private final InMemoryPlanStore store = new InMemoryPlanStore(UiTestPlans.initial());
    private final WorkingPlan working = new WorkingPlan(store, new DirectTaskRunner(), UiTestPlans.initial());
    private final CohortSelection selection = new CohortSelection();
    private final BlockingQueue<Runnable> uiThread = new LinkedBlockingQueue<>();
    private ExecutorTaskRunner background;

    private SimulationViewModel viewModel(TaskRunner tasks, BookingNightModel model) {
        return new SimulationViewModel(working, tasks, selection, model, NIGHTS, new CohortSplitter(), "kim",
                Texts.of(SimulationView.class, Locale.ENGLISH));
    }

    @AfterEach
    void shutdown() {
        if (background != null) {
            background.shutdown();
        }
    }

    @Test
    void theFormStartsWithThePlansFiguresForTheFirstWindowToOpen() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());

        assertEquals("c55-59", viewModel.windowProperty().get().cohortId());
        assertEquals(List.of("c55-59", "c50-54"),
                viewModel.windows().stream().map(SimulationViewModel.WindowChoice::cohortId).toList());
        assertEquals(0.86, viewModel.form().uptakeProperty().get());
        assertEquals(6.7, viewModel.form().accessMultiplierProperty().get());
        assertEquals(25_000, viewModel.form().concurrentSessionsProperty().get());
        assertEquals(5, viewModel.form().sessionMinutesProperty().get());
        assertTrue(viewModel.form().waitingRoomProperty().get());
        assertEquals(5_000, viewModel.form().admittedPerMinuteProperty().get());
        assertEquals(60, viewModel.form().patienceMinutesProperty().get());
        assertEquals(0.7, viewModel.form().retryProbabilityProperty().get());
        assertEquals(30, viewModel.form().retryDelayMinutesProperty().get());
        assertEquals(NIGHTS.parameters(working.getPlan(), UiTestPlans.fiftyFiveToFiftyNine()),
                viewModel.parameters());
        assertEquals("", viewModel.estimate().parameterProblemProperty().get());
    }

    @Test
    void choosingAWindowTakesItsCohortsFiguresAndSelectsIt() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());

        viewModel.chooseWindow("c50-54");

        assertEquals(0.82, viewModel.form().uptakeProperty().get());
        assertEquals(Math.round(3_807_034 * 0.82), viewModel.parameters().people());
        assertEquals("c50-54", selection.getCohortId());
    }

    @Test
    void aCohortSelectedOnAnotherScreenIsTheWindowSimulated() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());

        selection.select("c50-54");

        assertEquals("c50-54", viewModel.windowProperty().get().cohortId());
        selection.select("no-such-cohort");
        assertEquals("c50-54", viewModel.windowProperty().get().cohortId());
    }

    @Test
    void resetToPlanUndoesEveryChangeOfTheForm() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());
        BookingNightParameters planned = viewModel.parameters();

        viewModel.form().uptakeProperty().set(0.5);
        viewModel.form().concurrentSessionsProperty().set(50_000);
        viewModel.form().waitingRoomProperty().set(false);
        assertEquals(50_000, viewModel.parameters().slots());

        viewModel.resetToPlan();

        assertEquals(planned, viewModel.parameters());
    }

    @Test
    void thePlansNightAssumptionsAreOnTheFormAndResetToPlanBringsThemBack() {
        Plan plan = working.getPlan();
        working.reload(plan.withBookingSystem(plan.bookingSystem().withNight(new NightAssumptions(0.5, 30,
                List.of(0.4, 0.2), NightAssumptions.SessionKind.LOG_NORMAL, 0.8, NightAssumptions.PatienceKind.FIXED,
                2))));
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());
        BookingNightParameters planned = viewModel.parameters();
        assertTrue(viewModel.form().arrivalTableProperty().get());
        assertEquals(ArrivalProfile.table(List.of(0.4, 0.2)), planned.arrivals());
        assertEquals(Patience.Kind.FIXED, viewModel.form().patienceKindProperty().get());
        assertEquals(Patience.fixed(60), planned.patience());
        assertEquals(2, planned.stepSeconds());
        assertEquals(ServiceTime.logNormal(5, 0.8), planned.serviceTime());

        viewModel.form().arrivalTableProperty().set(false);
        viewModel.form().patienceKindProperty().set(Patience.Kind.NONE);
        viewModel.form().stepSecondsProperty().set(0);
        viewModel.form().concurrentRequestsProperty().set(100_000);
        BookingNightParameters edited = viewModel.parameters();
        assertEquals(ArrivalProfile.burst(0.5, 30), edited.arrivals());
        assertEquals(Patience.unlimited(), edited.patience());
        assertEquals(100_000, edited.overload().concurrentRequests());

        viewModel.resetToPlan();

        assertEquals(planned, viewModel.parameters());
    }

    @Test
    void theClosedFormEstimateFollowsEveryChangeAtOnce() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());
        viewModel.form().burstShareProperty().set(0);
        viewModel.form().uptakeProperty().set(0.01);
        BookingNightParameters night = viewModel.parameters();
        double perMinute = night.people() / night.windowMinutes();
        QueueingFormulas.QueueFigures expected = QueueingFormulas.mmc(25_000, perMinute, 5);

        assertEquals(expected.waitingProbability(),
                viewModel.estimate().estimateProperty().get().waitingProbability(), 1e-12);
        assertEquals(expected.meanWaitMinutes(),
                viewModel.estimate().estimateProperty().get().meanWaitMinutes(), 1e-12);

        viewModel.form().uptakeProperty().set(0.86);
        viewModel.form().burstShareProperty().set(0.8);
        double crowded = viewModel.estimate().estimateProperty().get().waitingProbability();
        viewModel.form().admittedPerMinuteProperty().set(50_000);
        viewModel.form().concurrentSessionsProperty().set(250_000);

        assertTrue(viewModel.estimate().estimateProperty().get().waitingProbability() < crowded,
                "ten times the capacity lowers the chance of waiting");
        assertFalse(viewModel.estimate().estimateLines().isEmpty());
    }

    @Test
    void aValueTheModelCannotTakeIsNamedAndLeavesNoEstimate() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());

        viewModel.form().accessMultiplierProperty().set(0.5);

        assertTrue(viewModel.estimate().parameterProblemProperty().get().contains("access multiplier"),
                viewModel.estimate().parameterProblemProperty().get());
        assertNull(viewModel.estimate().estimateProperty().get());
    }

    @Test
    void runShowsTheNightsFiguresInThePlansZone() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());
        viewModel.chooseWindow("c50-54");
        viewModel.form().uptakeProperty().set(0.01);

        viewModel.night().run();

        BookingNightResult result = viewModel.night().resultProperty().get();
        assertNotNull(result);
        assertEquals(Math.round(3_807_034 * 0.01), result.people());
        assertFalse(viewModel.night().runningProperty().get());
        assertEquals(1.0, viewModel.night().progressProperty().get());
        String booked = value(viewModel, "Booked");
        assertEquals(String.format(Locale.ENGLISH, "%,d", result.booked()), booked);
        assertTrue(value(viewModel, "50 % booked after").matches("\\d+ (h \\d+ )?min \\(.*\\)"),
                value(viewModel, "50 % booked after"));
        assertEquals("not suspended", value(viewModel, "Booking suspended at"));
    }

    @Test
    void aCrashOfTheBookingSystemIsShownWithTheFirstCrashAndTheLastRecovery() {
        Plan plan = UiTestPlans.initial();
        Plan overloaded = plan.withBookingSystem(plan.bookingSystem().withOverload(new Overload(26_000, 30, 20))
                .withWaitingRoom(WaitingRoom.none(10, 0.9, 5)));
        WorkingPlan overloadedPlan = new WorkingPlan(new InMemoryPlanStore(overloaded), new DirectTaskRunner(),
                overloaded);
        SimulationViewModel viewModel = new SimulationViewModel(overloadedPlan, new DirectTaskRunner(), selection,
                new BookingNightSimulator(), NIGHTS, new CohortSplitter(), "kim",
                Texts.of(SimulationView.class, Locale.ENGLISH));
        viewModel.chooseWindow("c50-54");
        viewModel.form().uptakeProperty().set(0.1);

        viewModel.night().run();

        BookingNightResult result = viewModel.night().resultProperty().get();
        assertFalse(result.outages().isEmpty());
        String crashes = value(viewModel, "System crashes");
        assertTrue(crashes.startsWith(result.outages().size() + ": the first at Mon 19 Jul 2021 20:"), crashes);
        assertTrue(crashes.contains(", serving again for good from "), crashes);
    }

    @Test
    void cancelStopsTheRunningNightAndKeepsNoResult() throws Exception {
        background = ExecutorTaskRunner.withDaemonThreads(1, uiThread::add);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        BookingNightModel endless = (parameters, seed, progress, cancellation) -> {
            started.countDown();
            while (true) {
                progress.report(0.5);
                if (cancellation.isCancelled()) {
                    stopped.countDown();
                    throw new CancelledException("cancelled");
                }
                Thread.onSpinWait();
            }
        };
        SimulationViewModel viewModel = viewModel(background, endless);

        viewModel.night().run();
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertTrue(viewModel.night().runningProperty().get());
        viewModel.night().cancel();

        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the model saw the cancel");
        drainUiThread();
        assertFalse(viewModel.night().runningProperty().get());
        assertNull(viewModel.night().resultProperty().get());
        assertEquals("Simulation cancelled.", viewModel.statusProperty().get());
    }

    @Test
    void aNewRunReplacesTheOneStillRunningAndOnlyTheLatestResultIsShown() throws Exception {
        background = ExecutorTaskRunner.withDaemonThreads(2, uiThread::add);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch firstEnded = new CountDownLatch(1);
        CountDownLatch secondEnded = new CountDownLatch(1);
        BookingNightSimulator simulator = new BookingNightSimulator();
        List<Long> peopleRun = new ArrayList<>();
        BookingNightModel model = (parameters, seed, progress, cancellation) -> {
            synchronized (peopleRun) {
                peopleRun.add(parameters.people());
            }
            BookingNightResult result = simulator.run(parameters, seed, progress, Cancellation.never());
            if (parameters.people() == 7_614) {
                secondEnded.countDown();
            }
            if (parameters.people() == 3_807) {
                firstStarted.countDown();
                // A slow run that ignores the cancel and finishes after the newer one.
                awaitIgnoringInterrupts(releaseFirst);
                firstEnded.countDown();
            }
            return result;
        };
        SimulationViewModel viewModel = viewModel(background, model);
        viewModel.chooseWindow("c50-54");
        viewModel.form().uptakeProperty().set(0.001);
        viewModel.night().run();
        assertTrue(firstStarted.await(10, TimeUnit.SECONDS));

        viewModel.form().uptakeProperty().set(0.002);
        viewModel.night().run();
        assertTrue(secondEnded.await(10, TimeUnit.SECONDS));
        while (viewModel.night().resultProperty().get() == null) {
            Runnable next = uiThread.poll(10, TimeUnit.SECONDS);
            assertNotNull(next, "the second run's result arrives");
            next.run();
        }
        assertEquals(7_614, viewModel.night().resultProperty().get().people());
        releaseFirst.countDown();
        assertTrue(firstEnded.await(10, TimeUnit.SECONDS));
        drainUiThread();

        assertEquals(2, peopleRun.size());
        assertEquals(7_614, viewModel.night().resultProperty().get().people());
        assertFalse(viewModel.night().runningProperty().get());
    }

    @Test
    void applyingTheAdvisorsSplitIsOneEditOfThePlan() {
        // p95 wait grows with the people of a night: 3.1 M people wait 312 minutes, half of them 156.
        BookingNightModel model = (parameters, seed, progress, cancellation) -> nightWithP95(parameters,
                parameters.people() / 10_000.0);
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), model);
        viewModel.chooseWindow("c50-54");
        viewModel.advisor().targetP95MinutesProperty().set(200);
        int writesBefore = store.writes();

        viewModel.advisor().advise();

        assertTrue(viewModel.advisor().canApplyAdviceProperty().get());
        assertEquals(2, viewModel.advisor().adviceProperty().get().proposal().orElseThrow().parts());
        assertEquals("misses", viewModel.advisor().adviceLines().get(0).verdict());
        assertTrue(viewModel.advisor().adviceLines().get(0).why()
                        .contains("50–54: p95 wait 5 h 12 min is above the target"),
                viewModel.advisor().adviceLines().get(0).why());
        assertTrue(viewModel.advisor().adviceLines().stream().anyMatch(SplitAdvice.AdviceLine::proposed));

        viewModel.advisor().applyAdvice();

        assertEquals(writesBefore + 1, store.writes());
        List<Cohort> parts = CohortFamilies.partsOf(working.getPlan(), "c50-54");
        assertEquals(2, parts.size());
        assertTrue(store.audit().get(store.audit().size() - 1).action().contains("Split 50–54 into 2 parts"));
        assertFalse(viewModel.advisor().canApplyAdviceProperty().get());
    }

    @Test
    void theComparisonRunsTheBaselineAndEveryVariantWithTheSameSeed() {
        SimulationViewModel viewModel = viewModel(new DirectTaskRunner(), new BookingNightSimulator());
        viewModel.chooseWindow("c50-54");
        viewModel.form().uptakeProperty().set(0.01);
        viewModel.comparison().addVariant(NightComparison.VariantKind.MULTIPLIER, 3);

        viewModel.comparison().compare();

        assertEquals(List.of("As set", "Capacity ×2", "Split into 2 nights", "Multiplier 3"),
                viewModel.comparison().comparisonLines().stream().map(NightComparison.ComparisonLine::scenario)
                        .toList());
        assertEquals(2, viewModel.comparison().comparisonLines().get(2).row().results().size());
        assertEquals(viewModel.comparison().comparisonLines().get(0).row().people(),
                viewModel.comparison().comparisonLines().get(2).row().people(), 2);
    }

    private static BookingNightResult nightWithP95(BookingNightParameters parameters, double p95) {
        return new BookingNightResult(parameters, 1, List.of(), parameters.people(), parameters.people(),
                parameters.people(), parameters.people(), 0, 0, 0,
                new BookingNightResult.WaitSummary(1, p95 / 2, p95 / 2, p95, p95 * 1.5), 10, 20, 30, false,
                Double.NaN, 0, List.of());
    }

    private static String value(SimulationViewModel viewModel, String figure) {
        return viewModel.night().resultLines().stream().filter(line -> line.figure().equals(figure)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + figure)).value();
    }

    private void drainUiThread() throws InterruptedException {
        Runnable next;
        while ((next = uiThread.poll(200, TimeUnit.MILLISECONDS)) != null) {
            next.run();
        }
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
