package org.cohortplanner.ui.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.QueueingFormulas;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.simulation.SimulationViewModel.ResultLine;

/**
 * What the form's night reads as before it is simulated: the people who try, the sessions per hour, the capacity
 * changes and the booking limit, an instant closed-form estimate of the first hour, or why the form's values cannot
 * make a night.
 */
public final class NightEstimate {
    static final String ESTIMATE_CHANNEL = "simulation-estimate";

    private final TaskRunner tasks;
    private final Texts texts;
    private final NightFormats formats;

    private final ReadOnlyStringWrapper peopleText = new ReadOnlyStringWrapper(this, "peopleText", "");
    private final ReadOnlyStringWrapper peoplePerHourText = new ReadOnlyStringWrapper(this, "peoplePerHourText", "");
    private final ReadOnlyStringWrapper capacityChangesText =
            new ReadOnlyStringWrapper(this, "capacityChangesText", "");
    private final ReadOnlyStringWrapper bookingLimitText = new ReadOnlyStringWrapper(this, "bookingLimitText", "");
    private final ReadOnlyObjectWrapper<QueueingFormulas.QueueFigures> estimate =
            new ReadOnlyObjectWrapper<>(this, "estimate");
    private final ObservableList<ResultLine> estimateLines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper parameterProblem = new ReadOnlyStringWrapper(this, "parameterProblem", "");

    NightEstimate(TaskRunner tasks, Texts texts, NightFormats formats) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formats = Objects.requireNonNull(formats, "formats");
    }

    /** Shows what {@code night} reads as, its capacity changes described as {@code changes}, and estimates it. */
    void show(BookingNightParameters night, String changes) {
        parameterProblem.set("");
        peopleText.set(texts.get("form.peopleWhoTry", formats.count(night.people()),
                formats.count(Math.round(night.people() * night.accessMultiplier()))));
        peoplePerHourText.set(formats.count(Math.round(night.sessionsPerHourAt(0))));
        capacityChangesText.set(changes);
        bookingLimitText.set(night.hasBookingLimit() ? formats.count(night.bookingLimit())
                : texts.get("form.noLimit"));
        // Erlang A for an overloaded night sums millions of states (tens of ms): off the UI thread, latest wins.
        tasks.run(ESTIMATE_CHANNEL, work -> closedForm(night), this::showEstimate,
                failure -> parameterProblem.set(Messages.describe(failure, texts.locale())));
    }

    /** Shows why the form makes no night, and no estimate. */
    void refuse(IllegalArgumentException invalid) {
        tasks.cancel(ESTIMATE_CHANNEL);
        parameterProblem.set(Messages.describe(invalid, texts.locale()));
        estimate.set(null);
        estimateLines.clear();
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

    public ReadOnlyObjectProperty<QueueingFormulas.QueueFigures> estimateProperty() {
        return estimate.getReadOnlyProperty();
    }

    public ObservableList<ResultLine> estimateLines() {
        return estimateLines;
    }

    public ReadOnlyStringProperty parameterProblemProperty() {
        return parameterProblem.getReadOnlyProperty();
    }
}
