package org.cohortplanner.ui.simulation;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.simulation.SimulationViewModel.ResultLine;

/**
 * The simulated night: running the model on the form's night through the task runner (a newer run cancels the one
 * still going and only the latest result is shown), cancelling it, and the result with its figures.
 */
public final class NightRun {
    static final String RUN_CHANNEL = "simulation-night";

    private final TaskRunner tasks;
    private final BookingNightModel model;
    private final ChosenNight chosen;
    private final Texts texts;
    private final NightFormats formats;
    private final StringProperty status;

    private final ReadOnlyObjectWrapper<BookingNightResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ObservableList<ResultLine> resultLines = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");

    NightRun(TaskRunner tasks, BookingNightModel model, ChosenNight chosen, Texts texts, NightFormats formats,
             StringProperty status) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.model = Objects.requireNonNull(model, "model");
        this.chosen = Objects.requireNonNull(chosen, "chosen");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formats = Objects.requireNonNull(formats, "formats");
        this.status = Objects.requireNonNull(status, "status");
    }

    /** Simulates the night as the form sets it; a run still going is cancelled and its result dropped. */
    public void run() {
        BookingNightParameters night;
        try {
            night = chosen.parameters();
        } catch (IllegalArgumentException invalid) {
            status.set(Messages.describe(invalid, texts.locale()));
            return;
        }
        long runSeed = chosen.seed();
        ZoneId zone = chosen.zone();
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
                    status.set(texts.get("status.failed", Messages.describe(failure, texts.locale())));
                },
                (fraction, message) -> progress.set(fraction));
    }

    /** Stops the running simulation; the last finished result stays. */
    public void cancel() {
        tasks.cancel(RUN_CHANNEL);
        running.set(false);
        status.set(texts.get("status.cancelled"));
    }

    /**
     * Shows a result of the screen this one replaces (built anew for another language), if it is of the window
     * chosen here; its lines are written in this screen's language.
     */
    public void show(BookingNightResult kept) {
        if (kept == null || running.get() || chosen.cohort().isEmpty()
                || !chosen.cohort().get().name().equals(kept.parameters().windowName())) {
            return;
        }
        result.set(kept);
        resultLines.setAll(resultLines(kept, chosen.zone()));
    }

    /** Drops the run still going and the result shown (another window is chosen). */
    void clear() {
        tasks.cancel(RUN_CHANNEL);
        running.set(false);
        result.set(null);
        resultLines.clear();
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
}
