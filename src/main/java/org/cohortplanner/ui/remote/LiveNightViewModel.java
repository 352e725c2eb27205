package org.cohortplanner.ui.remote;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.BookingNightSimulator;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.store.StoreException;
import org.cohortplanner.store.remote.LiveCounts;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * A booking night as it happens on the backend, beside the simulation's prediction for the same window: bookings,
 * queue and turn-aways per minute since the window opened. The view polls every few seconds; each poll runs in the
 * background and only the latest answer is shown. The prediction runs once per window, with the plan's parameters.
 */
public final class LiveNightViewModel {
    /** How often the view polls the backend. */
    public static final Duration POLL_EVERY = Duration.ofSeconds(3);
    /** Minutes of history asked for at each poll: a whole booking night's first hours. */
    static final int MINUTES_ASKED = 240;
    /** The prediction is drawn at least this far, and a little past the last minute seen. */
    static final int MINUTES_SHOWN_AT_LEAST = 60;
    static final long PREDICTION_SEED = 2021L;
    static final String POLL_CHANNEL = "live-poll";
    static final String PREDICTION_CHANNEL = "live-prediction";

    /** One minute since the window opened: what the backend counted, or what the simulation predicts. */
    public record Point(int minute, long booked, long queue, long turnedAway) {
    }

    /** A window the backend knows, to choose from. */
    public record Window(String id, String name, LocalDateTime opens, LocalDateTime closes, boolean open) {
    }

    private final RemoteConnectionViewModel connection;
    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final Texts texts;
    private final ObservableList<Window> windows = FXCollections.observableArrayList();
    private final ObjectProperty<Window> window = new SimpleObjectProperty<>(this, "window");
    private final ReadOnlyObjectWrapper<List<Point>> live = new ReadOnlyObjectWrapper<>(this, "live", List.of());
    private final ReadOnlyObjectWrapper<List<Point>> predicted =
            new ReadOnlyObjectWrapper<>(this, "predicted", List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper predictionSummary = new ReadOnlyStringWrapper(this, "predictionSummary", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private LiveCounts lastCounts;
    private BookingNightResult lastPrediction;
    private String predictedFor;

    public LiveNightViewModel(RemoteConnectionViewModel connection, WorkingPlan working, TaskRunner tasks,
                              Texts texts) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.texts = Objects.requireNonNull(texts, "texts");
        window.addListener((observable, before, after) -> {
            showLive();
            predict();
        });
    }

    /** Asks the backend for its counts, in the background; says so when the console is not connected. */
    public void poll() {
        var backend = connection.backend();
        if (backend.isEmpty()) {
            problem.set(texts.get("live.notConnected"));
            return;
        }
        tasks.run(POLL_CHANNEL, progress -> backend.get().live(MINUTES_ASKED), counts -> {
            problem.set("");
            lastCounts = counts;
            showWindows(counts);
            showLive();
        }, failure -> problem.set(texts.get("live.pollFailed", Messages.describe(failure, texts.locale()))));
    }

    /** Stops polling and predicting (the view was closed). */
    public void stop() {
        tasks.cancel(POLL_CHANNEL);
        tasks.cancel(PREDICTION_CHANNEL);
    }

    private void showWindows(LiveCounts counts) {
        List<Window> known = new ArrayList<>();
        for (LiveCounts.CohortNow cohort : counts.cohorts()) {
            known.add(new Window(cohort.id(), cohort.name(), cohort.opens(), cohort.closes(), cohort.windowOpen()));
        }
        if (!known.equals(windows)) {
            Window chosen = window.get();
            windows.setAll(known);
            Optional<Window> same = chosen == null ? Optional.empty()
                    : known.stream().filter(w -> w.id().equals(chosen.id())).findFirst();
            window.set(same.or(() -> known.stream().filter(Window::open).findFirst())
                    .or(() -> known.stream().filter(w -> w.closes().isAfter(counts.at())).findFirst())
                    .or(() -> known.stream().findFirst()).orElse(null));
        }
    }

    private void showLive() {
        Window shown = window.get();
        if (lastCounts == null || shown == null) {
            live.set(List.of());
            summary.set("");
            return;
        }
        List<Point> points = new ArrayList<>();
        for (LiveCounts.MinuteCounts minute : lastCounts.minutes()) {
            long since = Duration.between(shown.opens(), minute.minute()).toMinutes();
            if (since >= 0 && minute.minute().isBefore(shown.closes())) {
                points.add(new Point((int) since, minute.booked(), minute.queueLength(),
                        minute.turnedAway() + minute.busy()));
            }
        }
        live.set(List.copyOf(points));
        lastCounts.cohorts().stream().filter(c -> c.id().equals(shown.id())).findFirst().ifPresentOrElse(
                cohort -> summary.set(texts.get(cohort.suspended() ? "live.summarySuspended" : "live.summary",
                        Formats.count(cohort.booked(), texts.locale()), Formats.count(cohort.limit(), texts.locale()), Formats.count(cohort.waiting(), texts.locale()),
                        Formats.count(cohort.turnedAway() + cohort.busy(), texts.locale()),
                        Formats.dateTime(lastCounts.at(), texts.locale()), lastCounts.zone())),
                () -> summary.set(""));
        trimPrediction();
    }

    /** Runs the simulation for the chosen window with the working plan's parameters, once per window. */
    private void predict() {
        Window shown = window.get();
        if (shown == null || shown.id().equals(predictedFor)) {
            return;
        }
        predictedFor = shown.id();
        lastPrediction = null;
        predicted.set(List.of());
        predictionSummary.set(texts.get("live.predicting"));
        Plan plan = working.getPlan();
        tasks.run(PREDICTION_CHANNEL, progress -> {
            BookingNights nights = BookingNights.standard();
            Cohort cohort = nights.window(plan, shown.id()).or(() -> nights.window(plan, shown.name()))
                    .orElseThrow(() -> new StoreException(texts.get("live.noSuchWindow", shown.name())));
            BookingNightParameters parameters = nights.parameters(plan, cohort);
            return new BookingNightSimulator().run(parameters, PREDICTION_SEED, progress, progress.cancellation());
        }, result -> {
            lastPrediction = result;
            predictionSummary.set(texts.get("live.predictionSummary", Formats.count(result.booked(), texts.locale()),
                    Formats.count(result.peakQueue(), texts.locale()), Formats.count(result.turnedAway() + result.gaveUp(), texts.locale()),
                    result.waits().p95Minutes()));
            trimPrediction();
        }, failure -> {
            predictedFor = null;
            predictionSummary.set(texts.get("live.predictionFailed", Messages.describe(failure, texts.locale())));
        });
    }

    /** The prediction up to a little past the last minute seen, so both lines share a useful scale. */
    private void trimPrediction() {
        if (lastPrediction == null) {
            return;
        }
        int lastSeen = live.get().stream().mapToInt(Point::minute).max().orElse(0);
        int until = Math.max(MINUTES_SHOWN_AT_LEAST, lastSeen + 10);
        List<Point> points = new ArrayList<>();
        for (BookingNightResult.MinuteFigures minute : lastPrediction.perMinute()) {
            if (minute.minute() > until) {
                break;
            }
            points.add(new Point(minute.minute(), minute.bookings(), minute.queue(),
                    minute.abandonments() + minute.failures()));
        }
        predicted.set(List.copyOf(points));
    }

    public ObservableList<Window> windows() {
        return windows;
    }

    public ObjectProperty<Window> windowProperty() {
        return window;
    }

    /** The backend's minutes of the chosen window. */
    public ReadOnlyObjectProperty<List<Point>> liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The simulation's minutes of the chosen window. */
    public ReadOnlyObjectProperty<List<Point>> predictedProperty() {
        return predicted.getReadOnlyProperty();
    }

    /** The chosen window's totals on the backend, in words. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty predictionSummaryProperty() {
        return predictionSummary.getReadOnlyProperty();
    }

    /** Why the last poll failed, or that the console is not connected; empty otherwise. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public Texts texts() {
        return texts;
    }
}
