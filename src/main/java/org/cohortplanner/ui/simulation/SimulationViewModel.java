package org.cohortplanner.ui.simulation;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.NightAssumptions;
import org.cohortplanner.domain.Overload;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.planning.CohortFamilies;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.planning.SplitKind;
import org.cohortplanner.planning.SplitPreview;
import org.cohortplanner.simulation.ArrivalProfile;
import org.cohortplanner.simulation.BookingLimit;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.QueueingFormulas;
import org.cohortplanner.simulation.ScenarioComparison;
import org.cohortplanner.simulation.ServiceTime;
import org.cohortplanner.simulation.SlotChange;
import org.cohortplanner.simulation.SplitAdvisor;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The Simulation screen's state: which booking window is simulated, the night's parameters (defaults from the plan,
 * changed freely here without touching the plan), an instant closed-form estimate, the latest simulated night, the
 * split advisor and the scenario comparison. Runs go through the task runner on their own channels, so a new run
 * cancels the one still running and only the latest result is shown.
 */
public final class SimulationViewModel {
    static final String RUN_CHANNEL = "simulation-night";
    static final String ADVICE_CHANNEL = "simulation-advice";
    static final String COMPARISON_CHANNEL = "simulation-comparison";
    static final String ESTIMATE_CHANNEL = "simulation-estimate";

    /** A booking window the planner can pick. */
    public record WindowChoice(String cohortId, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    /** One figure of a night's results: what it is and its value as shown. */
    public record ResultLine(String figure, String value) {
    }

    /** One split the advisor tried, as a table row. */
    public record AdviceLine(String split, String nights, String worstP95, String verdict, String why,
                             boolean proposed) {
    }

    /** The kinds of variant a planner can add to the comparison; the value is a factor, a count or a rate. */
    public enum VariantKind { CAPACITY, WAITING_ROOM, SPLIT, MULTIPLIER }

    /** A variant of the night to compare with the baseline. */
    public record Variant(VariantKind kind, double value) {
    }

    /** One scenario of the comparison, as a table row, with its nights kept for the shared charts. */
    public record ComparisonLine(String scenario, String nights, String people, String booked, String never,
                                 String p50, String p95, String max, String to90, String suspended,
                                 String turnedAway, String peakQueue, ScenarioComparison.Row row) {
    }

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final CohortSelection selection;
    private final BookingNightModel model;
    private final BookingNights nights;
    private final CohortSplitter splitter;
    private final String user;
    private final Texts texts;
    private final NightFormats formats;

    private final ObservableList<WindowChoice> windows = FXCollections.observableArrayList();
    private final ObjectProperty<WindowChoice> window = new SimpleObjectProperty<>(this, "window");

    private final DoubleProperty uptake = new SimpleDoubleProperty(this, "uptake");
    private final DoubleProperty accessMultiplier = new SimpleDoubleProperty(this, "accessMultiplier", 1);
    private final DoubleProperty burstShare = new SimpleDoubleProperty(this, "burstShare");
    private final DoubleProperty burstDecayMinutes = new SimpleDoubleProperty(this, "burstDecayMinutes", 60);
    private final BooleanProperty arrivalTable = new SimpleBooleanProperty(this, "arrivalTable");
    private final ReadOnlyBooleanWrapper planHasArrivalTable =
            new ReadOnlyBooleanWrapper(this, "planHasArrivalTable");
    private final ObjectProperty<Patience.Kind> patienceKind =
            new SimpleObjectProperty<>(this, "patienceKind", Patience.Kind.EXPONENTIAL);
    private final DoubleProperty stepSeconds = new SimpleDoubleProperty(this, "stepSeconds");
    private final IntegerProperty concurrentRequests = new SimpleIntegerProperty(this, "concurrentRequests");
    private final DoubleProperty timeoutSeconds = new SimpleDoubleProperty(this, "timeoutSeconds");
    private final DoubleProperty restartMinutes = new SimpleDoubleProperty(this, "restartMinutes");
    private final IntegerProperty concurrentSessions = new SimpleIntegerProperty(this, "concurrentSessions", 1);
    private final DoubleProperty sessionMinutes = new SimpleDoubleProperty(this, "sessionMinutes", 5);
    private final ObjectProperty<ServiceTime.Kind> serviceKind =
            new SimpleObjectProperty<>(this, "serviceKind", ServiceTime.Kind.EXPONENTIAL);
    private final DoubleProperty serviceSpread = new SimpleDoubleProperty(this, "serviceSpread", 1);
    private final BooleanProperty capacityChanges = new SimpleBooleanProperty(this, "capacityChanges", true);
    private final BooleanProperty waitingRoom = new SimpleBooleanProperty(this, "waitingRoom");
    private final IntegerProperty admittedPerMinute = new SimpleIntegerProperty(this, "admittedPerMinute");
    private final ObjectProperty<QueueOrder> queueOrder =
            new SimpleObjectProperty<>(this, "queueOrder", QueueOrder.FIFO);
    private final DoubleProperty patienceMinutes = new SimpleDoubleProperty(this, "patienceMinutes");
    private final DoubleProperty retryProbability = new SimpleDoubleProperty(this, "retryProbability");
    private final DoubleProperty retryDelayMinutes = new SimpleDoubleProperty(this, "retryDelayMinutes");
    private final BooleanProperty limitBySupply = new SimpleBooleanProperty(this, "limitBySupply", true);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);

    private final ReadOnlyStringWrapper peopleText = new ReadOnlyStringWrapper(this, "peopleText", "");
    private final ReadOnlyStringWrapper peoplePerHourText = new ReadOnlyStringWrapper(this, "peoplePerHourText", "");
    private final ReadOnlyStringWrapper capacityChangesText =
            new ReadOnlyStringWrapper(this, "capacityChangesText", "");
    private final ReadOnlyStringWrapper bookingLimitText = new ReadOnlyStringWrapper(this, "bookingLimitText", "");
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper(this, "windowText", "");
    private final ReadOnlyObjectWrapper<QueueingFormulas.QueueFigures> estimate =
            new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ObservableList<ResultLine> estimateLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper parameterProblem = new ReadOnlyStringWrapper(this, "parameterProblem", "");

    private final ReadOnlyObjectWrapper<BookingNightResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<ResultLine> resultLines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private final DoubleProperty targetP95Minutes = new SimpleDoubleProperty(this, "targetP95Minutes", 60);
    private final BooleanProperty noSuspension = new SimpleBooleanProperty(this, "noSuspension", true);
    private final ReadOnlyObjectWrapper<SplitAdvisor.Advice> advice = new ReadOnlyObjectWrapper<>(this, "advice");
    private final ObservableList<AdviceLine> adviceLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper adviceSummary = new ReadOnlyStringWrapper(this, "adviceSummary", "");
    private final ReadOnlyBooleanWrapper advising = new ReadOnlyBooleanWrapper(this, "advising");
    private final ReadOnlyBooleanWrapper canApplyAdvice = new ReadOnlyBooleanWrapper(this, "canApplyAdvice");

    private final ObservableList<Variant> variants = FXCollections.observableArrayList();
    private final ObservableList<ComparisonLine> comparisonLines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper comparing = new ReadOnlyBooleanWrapper(this, "comparing");
    private final ReadOnlyDoubleWrapper comparisonProgress = new ReadOnlyDoubleWrapper(this, "comparisonProgress");

    private Plan advisedPlan;
    private boolean resetting;

    public SimulationViewModel(WorkingPlan working, TaskRunner tasks, CohortSelection selection,
                               BookingNightModel model, BookingNights nights, CohortSplitter splitter, String user,
                               Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.model = Objects.requireNonNull(model, "model");
        this.nights = Objects.requireNonNull(nights, "nights");
        this.splitter = Objects.requireNonNull(splitter, "splitter");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formats = new NightFormats(texts);

        variants.setAll(List.of(new Variant(VariantKind.CAPACITY, 2), new Variant(VariantKind.SPLIT, 2)));
        working.planProperty().addListener((observable, before, after) -> showWindows(after));
        window.addListener((observable, before, after) -> {
            if (after != null) {
                selection.select(after.cohortId());
            }
            resetToPlan();
            clearRunResults();
            status.set("");
        });
        // A cohort picked on another screen is the window simulated here, when it books.
        selection.cohortIdProperty().addListener((observable, before, after) -> {
            if (after != null) {
                chooseWindow(after);
            }
        });
        for (Observable input : List.of(uptake, accessMultiplier, burstShare, burstDecayMinutes, arrivalTable,
                concurrentSessions, sessionMinutes, serviceKind, serviceSpread, capacityChanges, waitingRoom,
                admittedPerMinute, queueOrder, patienceMinutes, patienceKind, retryProbability, retryDelayMinutes,
                stepSeconds, concurrentRequests, timeoutSeconds, restartMinutes, limitBySupply)) {
            input.addListener(changed -> parametersChanged());
        }
        showWindows(working.getPlan());
    }

    private void showWindows(Plan plan) {
        String previous = window.get() == null ? selection.getCohortId() : window.get().cohortId();
        List<WindowChoice> choices = nights.windows(plan).stream()
                .map(cohort -> new WindowChoice(cohort.id(), texts.get("window.choice", cohort.name(),
                        formats.dateTime(cohort.window().opens()))))
                .toList();
        windows.setAll(choices);
        WindowChoice chosen = choices.stream().filter(c -> c.cohortId().equals(previous)).findFirst()
                .orElse(choices.isEmpty() ? null : choices.get(0));
        if (Objects.equals(chosen, window.get())) {
            parametersChanged();
        } else {
            window.set(chosen);
        }
    }

    /** Picks the window of the cohort with {@code cohortId}, if it books. */
    public void chooseWindow(String cohortId) {
        windows.stream().filter(c -> c.cohortId().equals(cohortId)).findFirst().ifPresent(window::set);
    }

    private Optional<Cohort> cohort() {
        WindowChoice chosen = window.get();
        if (chosen == null) {
            return Optional.empty();
        }
        return working.getPlan().cohorts().stream().filter(c -> c.id().equals(chosen.cohortId())).findFirst();
    }

    /** Puts every parameter back to what the plan says for the chosen window. */
    public void resetToPlan() {
        Optional<Cohort> cohort = cohort();
        if (cohort.isEmpty()) {
            parametersChanged();
            return;
        }
        BookingNightParameters plan = nights.parameters(working.getPlan(), cohort.get());
        resetting = true;
        try {
            uptake.set(cohort.get().uptake());
            accessMultiplier.set(plan.accessMultiplier());
            NightAssumptions planNight = working.getPlan().bookingSystem().night();
            burstShare.set(planNight.burstShare());
            burstDecayMinutes.set(planNight.burstDecayMinutes());
            planHasArrivalTable.set(planNight.hasArrivalTable());
            arrivalTable.set(planNight.hasArrivalTable());
            patienceKind.set(plan.patience().kind());
            stepSeconds.set(planNight.stepSeconds());
            concurrentRequests.set((int) Math.min(Integer.MAX_VALUE, plan.overload().concurrentRequests()));
            timeoutSeconds.set(plan.overload().timeoutSeconds());
            restartMinutes.set(plan.overload().restartMinutes());
            concurrentSessions.set(plan.slots());
            sessionMinutes.set(plan.serviceTime().meanMinutes());
            serviceKind.set(plan.serviceTime().kind());
            serviceSpread.set(plan.serviceTime().spread());
            capacityChanges.set(true);
            waitingRoom.set(plan.waitingRoom());
            admittedPerMinute.set(plan.admittedPerMinute());
            queueOrder.set(plan.queueOrder());
            patienceMinutes.set(working.getPlan().bookingSystem().waitingRoom().patienceMinutes());
            retryProbability.set(plan.retryProbability());
            retryDelayMinutes.set(plan.retryDelayMinutes());
            limitBySupply.set(true);
        } finally {
            resetting = false;
        }
        parametersChanged();
    }

    /** The night as the form sets it; throws IllegalArgumentException naming a value the model cannot take. */
    public BookingNightParameters parameters() {
        Cohort cohort = cohort().orElseThrow(() -> new IllegalArgumentException(texts.get("problem.noWindow")));
        return applyForm(nights.parameters(working.getPlan(), cohort), cohort);
    }

    private BookingNightParameters applyForm(BookingNightParameters base, Cohort cohort) {
        if (!(uptake.get() >= 0 && uptake.get() <= 1)) {
            throw new IllegalArgumentException(texts.get("problem.uptake"));
        }
        if (!(sessionMinutes.get() > 0)) {
            throw new IllegalArgumentException(texts.get("problem.sessionMinutes"));
        }
        ServiceTime service = serviceKind.get() == ServiceTime.Kind.LOG_NORMAL
                ? ServiceTime.logNormal(sessionMinutes.get(), serviceSpread.get())
                : ServiceTime.exponential(sessionMinutes.get());
        List<SlotChange> changes = capacityChanges.get() ? base.slotChanges() : List.of();
        boolean room = waitingRoom.get();
        ArrivalProfile arrivals = arrivalTable.get() && base.arrivals().hasTable() ? base.arrivals()
                : ArrivalProfile.burst(burstShare.get(), burstDecayMinutes.get());
        double step = stepSeconds.get() > 0 ? Math.min(Math.min(stepSeconds.get(),
                BookingNightParameters.MAX_STEP_SECONDS), service.meanMinutes() * 60 / 4)
                : BookingNightParameters.defaultStepSeconds(service);
        Patience patience = patienceMinutes.get() > 0 && patienceKind.get() != Patience.Kind.NONE
                ? new Patience(patienceKind.get(), patienceMinutes.get()) : Patience.unlimited();
        BookingNightParameters night = base
                .withPeople(Math.round(cohort.eligible() * uptake.get()))
                .withAccessMultiplier(accessMultiplier.get())
                .withArrivals(arrivals)
                .withServiceTime(service)
                .withStepSeconds(step)
                .withOverload(new Overload(Math.max(0, concurrentRequests.get()), Math.max(0, timeoutSeconds.get()),
                        Math.max(0, restartMinutes.get())))
                .withCapacity(concurrentSessions.get(), changes)
                .withWaitingRoom(room, room ? Math.max(1, admittedPerMinute.get()) : admittedPerMinute.get(),
                        queueOrder.get())
                .withPatience(patience)
                .withRetries(retryProbability.get(), retryDelayMinutes.get());
        return limitBySupply.get() ? night : night.withBookingLimit(BookingLimit.UNLIMITED);
    }

    private void parametersChanged() {
        if (resetting) {
            return;
        }
        Optional<Cohort> cohort = cohort();
        windowText.set(cohort.map(c -> texts.get("window.span", formats.dateTime(c.window().opens(), zone()),
                formats.dateTime(c.window().closes(), zone()))).orElse(""));
        try {
            BookingNightParameters night = parameters();
            parameterProblem.set("");
            peopleText.set(texts.get("form.peopleWhoTry", formats.count(night.people()),
                    formats.count(Math.round(night.people() * night.accessMultiplier()))));
            peoplePerHourText.set(formats.count(Math.round(night.sessionsPerHourAt(0))));
            capacityChangesText.set(describeChanges(night));
            bookingLimitText.set(night.hasBookingLimit() ? formats.count(night.bookingLimit())
                    : texts.get("form.noLimit"));
            // Erlang A for an overloaded night sums millions of states (tens of ms): off the UI thread, latest wins.
            tasks.run(ESTIMATE_CHANNEL, work -> closedForm(night), this::showEstimate,
                    failure -> parameterProblem.set(Messages.describe(failure)));
        } catch (IllegalArgumentException invalid) {
            tasks.cancel(ESTIMATE_CHANNEL);
            parameterProblem.set(Messages.describe(invalid));
            estimate.set(null);
            estimateLines.clear();
        }
    }

    private String describeChanges(BookingNightParameters night) {
        List<SlotChange> planned = cohort().map(c -> nights.parameters(working.getPlan(), c).slotChanges())
                .orElse(List.of());
        if (planned.isEmpty()) {
            return texts.get("form.noCapacityChanges");
        }
        List<String> parts = new ArrayList<>();
        for (SlotChange change : planned) {
            LocalDateTime at = night.opens().plusSeconds(Math.round(change.atMinute() * 60));
            parts.add(texts.get("form.capacityChange", formats.dateTime(at, zone()), formats.count(change.slots())));
        }
        return String.join("; ", parts);
    }

    /**
     * The stationary estimate for the first hour after the opening, when most people try: Erlang C for the chance
     * to wait and the mean wait, Erlang A (patience) for the share who give up; without a waiting room, Erlang B for
     * the share of sessions refused. The waiting room lets in at most its admission rate, which caps the servers.
     */
    private Estimate closedForm(BookingNightParameters night) {
        double firstHour = Math.min(60, night.windowMinutes());
        double peoplePerMinute = night.people() * night.arrivals().cumulative(firstHour, night.windowMinutes())
                / firstHour;
        double service = night.serviceTime().meanMinutes();
        int servers = night.slots();
        List<ResultLine> lines = new ArrayList<>();
        QueueingFormulas.QueueFigures figures;
        if (night.waitingRoom()) {
            int admitted = (int) Math.max(1, Math.min(servers, Math.floor(night.admittedPerMinute() * service)));
            QueueingFormulas.QueueFigures waits = QueueingFormulas.mmc(admitted, peoplePerMinute, service);
            QueueingFormulas.QueueFigures abandonment = night.patience().kind() == Patience.Kind.EXPONENTIAL
                    ? QueueingFormulas.erlangA(admitted, peoplePerMinute, service, night.patience().meanMinutes())
                    : waits;
            figures = new QueueingFormulas.QueueFigures(waits.waitingProbability(), waits.meanWaitMinutes(),
                    abandonment.abandonmentShare());
            lines.add(new ResultLine(texts.get("estimate.arrivals"),
                    texts.get("estimate.peoplePerMinute", formats.count(Math.round(peoplePerMinute)))));
            lines.add(new ResultLine(texts.get("estimate.load"),
                    formats.percent(peoplePerMinute * service / admitted)));
            lines.add(new ResultLine(texts.get("estimate.waitingProbability"),
                    formats.percent(figures.waitingProbability())));
            lines.add(new ResultLine(texts.get("estimate.meanWait"), formats.minutes(figures.meanWaitMinutes())));
            lines.add(new ResultLine(texts.get("estimate.abandonment"), formats.percent(figures.abandonmentShare())));
        } else {
            double sessionsPerMinute = peoplePerMinute * night.accessMultiplier();
            double refused = QueueingFormulas.erlangB(servers, sessionsPerMinute * service);
            figures = new QueueingFormulas.QueueFigures(refused, 0, 0);
            lines.add(new ResultLine(texts.get("estimate.arrivals"),
                    texts.get("estimate.sessionsPerMinute", formats.count(Math.round(sessionsPerMinute)))));
            lines.add(new ResultLine(texts.get("estimate.load"),
                    formats.percent(sessionsPerMinute * service / servers)));
            lines.add(new ResultLine(texts.get("estimate.refused"), formats.percent(refused)));
        }
        return new Estimate(figures, lines);
    }

    private void showEstimate(Estimate shown) {
        estimate.set(shown.figures());
        estimateLines.setAll(shown.lines());
    }

    /** The closed-form figures and how they read. */
    private record Estimate(QueueingFormulas.QueueFigures figures, List<ResultLine> lines) {
    }

    /** Simulates the night as the form sets it; a run still going is cancelled and its result dropped. */
    public void run() {
        BookingNightParameters night;
        try {
            night = parameters();
        } catch (IllegalArgumentException invalid) {
            status.set(Messages.describe(invalid));
            return;
        }
        long runSeed = seed.get();
        ZoneId zone = zone();
        running.set(true);
        progress.set(0);
        status.set(texts.get("status.running", night.windowName()));
        tasks.run(RUN_CHANNEL,
                work -> model.run(night, runSeed, work, work.cancellation()),
                finished -> {
                    running.set(false);
                    progress.set(1);
                    result.set(finished);
                    resultLines.setAll(resultLines(finished, zone));
                    status.set(texts.get("status.done", finished.parameters().windowName(),
                            formats.count(finished.events())));
                },
                failure -> {
                    running.set(false);
                    status.set(texts.get("status.failed", Messages.describe(failure)));
                },
                (fraction, message) -> progress.set(fraction));
    }

    /** Stops the running simulation; the last finished result stays. */
    public void cancel() {
        tasks.cancel(RUN_CHANNEL);
        running.set(false);
        status.set(texts.get("status.cancelled"));
    }

    private List<ResultLine> resultLines(BookingNightResult night, ZoneId zone) {
        LocalDateTime opens = night.parameters().opens();
        BookingNightResult.WaitSummary waits = night.waits();
        List<ResultLine> lines = new ArrayList<>();
        lines.add(line("result.people", formats.count(night.people())));
        lines.add(line("result.sessions", formats.count(night.sessions())));
        lines.add(line("result.booked", formats.count(night.booked())));
        lines.add(line("result.p50", formats.minutes(waits.p50Minutes())));
        lines.add(line("result.p95", formats.minutes(waits.p95Minutes())));
        lines.add(line("result.max", formats.minutes(waits.maxMinutes())));
        lines.add(line("result.shareWaited", formats.percent(waits.shareWaited())));
        lines.add(line("result.to50", formats.afterOpening(night.minutesTo50(), opens)));
        lines.add(line("result.to90", formats.afterOpening(night.minutesTo90(), opens)));
        lines.add(line("result.to99", formats.afterOpening(night.minutesTo99(), opens)));
        lines.add(line("result.never", formats.count(night.neverGotThrough())));
        lines.add(line("result.gaveUp", formats.count(night.gaveUp())));
        lines.add(line("result.turnedAway", formats.count(night.turnedAway())));
        lines.add(line("result.suspended", night.suspendedAt().map(at -> formats.dateTime(at, zone))
                .orElse(texts.get("result.notSuspended"))));
        if (night.parameters().overload().enabled()) {
            List<BookingNightResult.Outage> outages = night.outages();
            lines.add(line("result.crashes", outages.isEmpty() ? texts.get("result.noCrash")
                    : texts.get("result.crashList", formats.count(outages.size()),
                            formats.dateTime(opens.plusSeconds(Math.round(outages.get(0).fromMinute() * 60)), zone),
                            formats.dateTime(opens.plusSeconds(
                                    Math.round(outages.get(outages.size() - 1).toMinute() * 60)), zone))));
        }
        lines.add(line("result.peakQueue", formats.count(night.peakQueue())));
        lines.add(line("result.peakActive", formats.count(night.peakActive())));
        if (!night.positionEstimates().isEmpty()) {
            BookingNightResult.PositionEstimate last =
                    night.positionEstimates().get(night.positionEstimates().size() - 1);
            lines.add(line("result.shownAtPeak", texts.get("result.shownVersusActual",
                    formats.count(last.position()), formats.minutes(last.shownMinutes()),
                    formats.minutes(last.actualMinutes()))));
        }
        return lines;
    }

    private ResultLine line(String key, String value) {
        return new ResultLine(texts.get(key), value);
    }

    private void clearRunResults() {
        tasks.cancel(RUN_CHANNEL);
        tasks.cancel(ADVICE_CHANNEL);
        tasks.cancel(COMPARISON_CHANNEL);
        running.set(false);
        advising.set(false);
        comparing.set(false);
        result.set(null);
        resultLines.clear();
        advice.set(null);
        adviceLines.clear();
        adviceSummary.set("");
        canApplyAdvice.set(false);
        comparisonLines.clear();
    }

    // Split advisor

    /** Asks the advisor for the smallest split of the chosen window's cohort that meets the targets. */
    public void advise() {
        Optional<Cohort> cohort = cohort();
        if (cohort.isEmpty()) {
            return;
        }
        SplitAdvisor.Targets targets;
        try {
            targets = new SplitAdvisor.Targets(targetP95Minutes.get(), noSuspension.get());
        } catch (IllegalArgumentException invalid) {
            adviceSummary.set(Messages.describe(invalid));
            return;
        }
        Plan plan = working.getPlan();
        long runSeed = seed.get();
        SplitAdvisor advisor = new SplitAdvisor(model, nights, splitter);
        advising.set(true);
        canApplyAdvice.set(false);
        adviceSummary.set(texts.get("advice.running", cohort.get().name()));
        tasks.run(ADVICE_CHANNEL,
                work -> advisor.advise(plan, cohort.get(), targets, runSeed, work, work.cancellation()),
                finished -> {
                    advising.set(false);
                    advisedPlan = plan;
                    showAdvice(finished);
                },
                failure -> {
                    advising.set(false);
                    adviceSummary.set(texts.get("status.failed", Messages.describe(failure)));
                });
    }

    private void showAdvice(SplitAdvisor.Advice found) {
        advice.set(found);
        List<AdviceLine> lines = new ArrayList<>();
        for (SplitAdvisor.Candidate candidate : found.tried()) {
            boolean proposed = found.proposal().filter(p -> p == candidate).isPresent();
            List<String> nightTexts = candidate.nights().stream()
                    .map(n -> texts.get("advice.night", n.name(), formats.shortDateTime(n.window().opens()),
                            formats.minutes(n.p95WaitMinutes())))
                    .toList();
            List<String> why = new ArrayList<>();
            for (SplitAdvisor.PartNight night : candidate.nights()) {
                if (night.p95WaitMinutes() > found.targets().p95WaitMinutes()) {
                    why.add(texts.get("advice.tooLong", night.name(), formats.minutes(night.p95WaitMinutes())));
                }
                if (found.targets().noSuspension() && night.result().suspended()) {
                    why.add(texts.get("advice.suspends", night.name(),
                            formats.minutes(night.result().suspendedAtMinute()),
                            formats.count(night.result().turnedAway())));
                }
            }
            String verdict = proposed ? "advice.proposed" : candidate.meetsTargets() ? "advice.meets" : "advice.misses";
            lines.add(new AdviceLine(describe(candidate), String.join("\n", nightTexts),
                    formats.minutes(candidate.worstP95WaitMinutes()), texts.get(verdict), String.join("\n", why),
                    proposed));
        }
        adviceLines.setAll(lines);
        Optional<SplitAdvisor.Candidate> proposal = found.proposal();
        if (proposal.isEmpty()) {
            adviceSummary.set(texts.get("advice.none", found.cohort().name(),
                    formats.minutes(found.targets().p95WaitMinutes())));
        } else if (proposal.get().kind() == null) {
            adviceSummary.set(texts.get("advice.asItIs", found.cohort().name()));
        } else {
            adviceSummary.set(texts.get("advice.summary", found.cohort().name(), describe(proposal.get()),
                    formats.minutes(proposal.get().worstP95WaitMinutes())));
        }
        canApplyAdvice.set(proposal.filter(p -> p.kind() != null).isPresent());
    }

    private String describe(SplitAdvisor.Candidate candidate) {
        if (candidate.kind() == null) {
            return texts.get("advice.asIs");
        }
        return texts.get(candidate.kind() == SplitKind.BY_BIRTH_DAY_DIGIT ? "advice.byDigit" : "advice.byYear",
                candidate.parts());
    }

    /** Splits the cohort as the advisor proposed, through the cohort splitter, as one edit of the plan. */
    public void applyAdvice() {
        SplitAdvisor.Advice found = advice.get();
        if (found == null || found.proposal().isEmpty() || found.proposal().get().kind() == null) {
            return;
        }
        SplitAdvisor.Candidate proposal = found.proposal().get();
        Plan plan = working.getPlan();
        Cohort cohort = found.cohort();
        if (plan != advisedPlan && !WorkingPlan.sameContent(plan, advisedPlan)) {
            adviceSummary.set(texts.get("advice.stale"));
            canApplyAdvice.set(false);
            return;
        }
        Plan split;
        try {
            split = splitter.apply(plan, preview(plan, cohort, proposal.kind(), proposal.parts()));
        } catch (IllegalArgumentException notPossible) {
            adviceSummary.set(texts.get("status.failed", Messages.describe(notPossible)));
            return;
        }
        String parts = String.join(", ", CohortFamilies.partsOf(split, cohort.id()).stream().map(Cohort::name)
                .toList());
        working.edit(split, ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.cohort.splitAdvised", cohort.name(), proposal.parts()), cohort.name(), parts,
                "split advisor: p95 wait at most " + Math.round(found.targets().p95WaitMinutes())
                + " min" + (found.targets().noSuspension() ? ", no suspension" : "")));
        canApplyAdvice.set(false);
        adviceSummary.set(texts.get("advice.applied", cohort.name(), parts));
    }

    private SplitPreview preview(Plan plan, Cohort cohort, SplitKind kind, int parts) {
        return kind == SplitKind.BY_BIRTH_DAY_DIGIT ? splitter.byBirthDayDigit(plan, cohort.id(), parts)
                : splitter.intoEqualParts(plan, cohort.id(), parts);
    }

    // Scenario comparison

    public void addVariant(VariantKind kind, double value) {
        Variant variant = new Variant(kind, value);
        if (!variants.contains(variant)) {
            variants.add(variant);
        }
    }

    public void removeVariant(Variant variant) {
        variants.remove(variant);
    }

    public String describe(Variant variant) {
        return switch (variant.kind()) {
            case CAPACITY -> texts.get("variant.capacity", formats.number(variant.value(), 2));
            case WAITING_ROOM -> texts.get("variant.waitingRoom", formats.count(Math.round(variant.value())));
            case SPLIT -> texts.get("variant.split", Math.round(variant.value()));
            case MULTIPLIER -> texts.get("variant.multiplier", formats.number(variant.value(), 2));
        };
    }

    /** The scenarios to compare: the night as the form sets it, then each variant of it. */
    public List<ScenarioComparison.Scenario> scenarios() {
        Cohort cohort = cohort().orElseThrow(() -> new IllegalArgumentException(texts.get("problem.noWindow")));
        BookingNightParameters baseline = parameters();
        List<ScenarioComparison.Scenario> scenarios = new ArrayList<>();
        scenarios.add(ScenarioComparison.Scenario.of(texts.get("variant.baseline"), baseline));
        for (Variant variant : variants) {
            String name = describe(variant);
            switch (variant.kind()) {
                case CAPACITY -> scenarios.add(ScenarioComparison.Scenario.of(name,
                        baseline.withCapacityScaled(variant.value())));
                case WAITING_ROOM -> scenarios.add(ScenarioComparison.Scenario.of(name,
                        baseline.withWaitingRoom(true, (int) Math.max(1, Math.round(variant.value())),
                                baseline.queueOrder())));
                case MULTIPLIER -> scenarios.add(ScenarioComparison.Scenario.of(name,
                        baseline.withAccessMultiplier(variant.value())));
                case SPLIT -> splitNights(cohort, (int) Math.round(variant.value()))
                        .ifPresent(parts -> scenarios.add(new ScenarioComparison.Scenario(name, parts)));
            }
        }
        return scenarios;
    }

    /** The nights of the cohort split into equal parts by birth year, each with the form's settings. */
    private Optional<List<BookingNightParameters>> splitNights(Cohort cohort, int parts) {
        Plan plan = working.getPlan();
        try {
            Plan split = splitter.sketch(plan, splitter.intoEqualParts(plan, cohort.id(), parts));
            return Optional.of(CohortFamilies.partsOf(split, cohort.id()).stream()
                    .map(part -> applyForm(nights.parameters(split, part), part)).toList());
        } catch (IllegalArgumentException notPossible) {
            return Optional.empty();
        }
    }

    /** Runs the baseline and every variant with the same seed. */
    public void compare() {
        List<ScenarioComparison.Scenario> scenarios;
        try {
            scenarios = scenarios();
        } catch (IllegalArgumentException invalid) {
            status.set(Messages.describe(invalid));
            return;
        }
        long runSeed = seed.get();
        ScenarioComparison comparison = new ScenarioComparison(model);
        comparing.set(true);
        comparisonProgress.set(0);
        tasks.run(COMPARISON_CHANNEL,
                work -> comparison.compare(scenarios, runSeed, work, work.cancellation()),
                rows -> {
                    comparing.set(false);
                    comparisonProgress.set(1);
                    comparisonLines.setAll(rows.stream().map(this::comparisonLine).toList());
                },
                failure -> {
                    comparing.set(false);
                    status.set(texts.get("status.failed", Messages.describe(failure)));
                },
                (fraction, message) -> comparisonProgress.set(fraction));
    }

    private ComparisonLine comparisonLine(ScenarioComparison.Row row) {
        return new ComparisonLine(row.scenario(), formats.count(row.nights()), formats.count(row.people()),
                formats.count(row.booked()), formats.count(row.neverGotThrough()),
                formats.minutes(row.p50WaitMinutes()), formats.minutes(row.p95WaitMinutes()),
                formats.minutes(row.maxWaitMinutes()), formats.minutes(row.minutesTo90()),
                texts.get(row.suspended() ? "value.yes" : "value.no"), formats.count(row.turnedAway()),
                formats.count(row.peakQueue()), row);
    }

    /** The plan's zone, in which every time of the screen is shown. */
    public ZoneId zone() {
        return working.getPlan().zone();
    }

    public Texts texts() {
        return texts;
    }

    NightFormats formats() {
        return formats;
    }

    public ObservableList<WindowChoice> windows() {
        return windows;
    }

    public ObjectProperty<WindowChoice> windowProperty() {
        return window;
    }

    public DoubleProperty uptakeProperty() {
        return uptake;
    }

    public DoubleProperty accessMultiplierProperty() {
        return accessMultiplier;
    }

    public DoubleProperty burstShareProperty() {
        return burstShare;
    }

    public DoubleProperty burstDecayMinutesProperty() {
        return burstDecayMinutes;
    }

    /** Use the plan's quarter-hour arrival table instead of the burst (only when the plan has one). */
    public BooleanProperty arrivalTableProperty() {
        return arrivalTable;
    }

    public ReadOnlyBooleanProperty planHasArrivalTableProperty() {
        return planHasArrivalTable.getReadOnlyProperty();
    }

    public ObjectProperty<Patience.Kind> patienceKindProperty() {
        return patienceKind;
    }

    /** Time step of the fast model in seconds; 0 = chosen from the session time. */
    public DoubleProperty stepSecondsProperty() {
        return stepSeconds;
    }

    /** Connections the system holds at the opening; 0 = it does not break under load. */
    public IntegerProperty concurrentRequestsProperty() {
        return concurrentRequests;
    }

    public DoubleProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public DoubleProperty restartMinutesProperty() {
        return restartMinutes;
    }

    public IntegerProperty concurrentSessionsProperty() {
        return concurrentSessions;
    }

    public DoubleProperty sessionMinutesProperty() {
        return sessionMinutes;
    }

    public ObjectProperty<ServiceTime.Kind> serviceKindProperty() {
        return serviceKind;
    }

    public DoubleProperty serviceSpreadProperty() {
        return serviceSpread;
    }

    public BooleanProperty capacityChangesProperty() {
        return capacityChanges;
    }

    public BooleanProperty waitingRoomProperty() {
        return waitingRoom;
    }

    public IntegerProperty admittedPerMinuteProperty() {
        return admittedPerMinute;
    }

    public ObjectProperty<QueueOrder> queueOrderProperty() {
        return queueOrder;
    }

    public DoubleProperty patienceMinutesProperty() {
        return patienceMinutes;
    }

    public DoubleProperty retryProbabilityProperty() {
        return retryProbability;
    }

    public DoubleProperty retryDelayMinutesProperty() {
        return retryDelayMinutes;
    }

    public BooleanProperty limitBySupplyProperty() {
        return limitBySupply;
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ReadOnlyStringProperty peopleTextProperty() {
        return peopleText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty peoplePerHourTextProperty() {
        return peoplePerHourText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty capacityChangesTextProperty() {
        return capacityChangesText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty bookingLimitTextProperty() {
        return bookingLimitText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty windowTextProperty() {
        return windowText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<QueueingFormulas.QueueFigures> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ObservableList<ResultLine> estimateLines() {
        return estimateLines;
    }

    public ReadOnlyStringProperty parameterProblemProperty() {
        return parameterProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BookingNightResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ObservableList<ResultLine> resultLines() {
        return resultLines;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public DoubleProperty targetP95MinutesProperty() {
        return targetP95Minutes;
    }

    public BooleanProperty noSuspensionProperty() {
        return noSuspension;
    }

    public ReadOnlyObjectProperty<SplitAdvisor.Advice> adviceProperty() {
        return advice.getReadOnlyProperty();
    }

    public ObservableList<AdviceLine> adviceLines() {
        return adviceLines;
    }

    public ReadOnlyStringProperty adviceSummaryProperty() {
        return adviceSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty advisingProperty() {
        return advising.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyAdviceProperty() {
        return canApplyAdvice.getReadOnlyProperty();
    }

    public ObservableList<Variant> variants() {
        return variants;
    }

    public ObservableList<ComparisonLine> comparisonLines() {
        return comparisonLines;
    }

    public ReadOnlyBooleanProperty comparingProperty() {
        return comparing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty comparisonProgressProperty() {
        return comparisonProgress.getReadOnlyProperty();
    }
}
