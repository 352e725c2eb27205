package org.cohortplanner.ui.simulation;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.NightCalibration;
import org.cohortplanner.simulation.NightCalibration.Kind;
import org.cohortplanner.simulation.NightCalibration.Observation;
import org.cohortplanner.simulation.NightCalibration.Parameter;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.UserDialogs;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The calibration dialog's state: the figures observed on the chosen window's night (read from an observed-night
 * file or typed in), which night parameters to fit, the fit run in the background (the same search as
 * {@code calibrate}), the fitted values beside the plan's and each figure beside the fitted night, and Apply, which
 * puts the fitted values into the plan as one undoable, audited edit. Figures typed for a window stay with it while
 * the console runs, so closing the dialog loses nothing.
 */
public final class CalibrationViewModel {
    static final String CHANNEL = "simulation-calibration";

    /** Reads an observed-night file; a file that cannot be used throws with a message naming the file and place. */
    @FunctionalInterface
    public interface ObservedNightReader {
        List<Observation> read(Path file);
    }

    /** One fitted parameter as a table row. */
    public record ParameterLine(Parameter parameter, String name, String before, String fitted, String unit) {
    }

    /** One observed figure beside the fitted night, as a table row. */
    public record ResidualLine(String figure, String at, String observed, String modelled, String error) {
    }

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final UserDialogs dialogs;
    private final ObservedNightReader reader;
    private final BookingNightModel model;
    private final BookingNights nights;
    private final String user;
    private final Texts texts;
    private final NightFormats formats;

    private final Map<String, List<Observation>> typedByWindow = new HashMap<>();
    private final ObservableList<Observation> observations = FXCollections.observableArrayList();
    private final Map<Parameter, BooleanProperty> chosen = new EnumMap<>(Parameter.class);
    private final LongProperty seed = new SimpleLongProperty(this, "seed", 1);

    private final ObjectProperty<Kind> newKind = new SimpleObjectProperty<>(this, "newKind", Kind.BOOKED_BY);
    private final ObjectProperty<LocalDate> newDate = new SimpleObjectProperty<>(this, "newDate");
    private final StringProperty newTime = new SimpleStringProperty(this, "newTime", "");
    private final StringProperty newValue = new SimpleStringProperty(this, "newValue", "");
    private final StringProperty newSource = new SimpleStringProperty(this, "newSource", "");

    private final ReadOnlyStringWrapper windowTitle = new ReadOnlyStringWrapper(this, "windowTitle", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply");
    private final ObservableList<ParameterLine> parameterLines = FXCollections.observableArrayList();
    private final ObservableList<ResidualLine> residualLines = FXCollections.observableArrayList();

    private String cohortId;
    private Plan fittedFrom;
    private NightCalibration.Fit fit;
    private Runnable onApplied = () -> { };

    public CalibrationViewModel(WorkingPlan working, TaskRunner tasks, UserDialogs dialogs, ObservedNightReader reader,
                                BookingNightModel model, BookingNights nights, String user, Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.model = Objects.requireNonNull(model, "model");
        this.nights = Objects.requireNonNull(nights, "nights");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formats = new NightFormats(texts);
        for (Parameter parameter : Parameter.values()) {
            BooleanProperty property = new SimpleBooleanProperty(this, parameter.key(),
                    NightCalibration.DEFAULT_PARAMETERS.contains(parameter));
            property.addListener(changed -> forgetFit());
            chosen.put(parameter, property);
        }
        seed.addListener(changed -> forgetFit());
        working.planProperty().addListener((observable, before, after) -> {
            if (fit != null && !WorkingPlan.sameContent(after, fittedFrom)) {
                canApply.set(false);
                status.set(texts.get("calibration.stale"));
            }
        });
    }

    /** Prepares the dialog for the window of {@code windowCohortId}, with the figures last typed for it. */
    public void open(String windowCohortId, long runSeed) {
        tasks.cancel(CHANNEL);
        running.set(false);
        cohortId = windowCohortId;
        seed.set(runSeed);
        observations.setAll(typedByWindow.getOrDefault(windowCohortId, List.of()));
        forgetFit();
        problem.set("");
        status.set("");
        Optional<Cohort> window = window();
        windowTitle.set(window.map(c -> texts.get("calibration.window", c.name(),
                formats.dateTime(c.window().opens()))).orElse(""));
        newDate.set(window.map(c -> c.window().opens().toLocalDate()).orElse(null));
        newTime.set("");
        newValue.set("");
        newSource.set("");
    }

    /** What to call back once the fitted values are in the plan (the Simulation screen shows them). */
    public void setOnApplied(Runnable onApplied) {
        this.onApplied = Objects.requireNonNull(onApplied, "onApplied");
    }

    private Optional<Cohort> window() {
        if (cohortId == null) {
            return Optional.empty();
        }
        return nights.windows(working.getPlan()).stream().filter(c -> c.id().equals(cohortId)).findFirst();
    }

    /** Reads the observed figures from a file the planner picks; they replace those in the dialog. */
    public void loadFile() {
        Optional<Path> file = dialogs.chooseFileToOpen(texts.get("calibration.open.title"), null,
                texts.get("calibration.open.kind"), List.of("json"));
        file.ifPresent(this::load);
    }

    /** Reads the observed figures from {@code file}; a file that cannot be used changes nothing. */
    public void load(Path file) {
        List<Observation> read;
        try {
            read = reader.read(file);
        } catch (RuntimeException unusable) {
            problem.set(texts.get("calibration.open.failed", Messages.describe(unusable, texts.locale())));
            return;
        }
        if (read.isEmpty()) {
            problem.set(texts.get("calibration.open.empty", file.getFileName()));
            return;
        }
        observations.setAll(read);
        remember();
        problem.set("");
        status.set(texts.get("calibration.open.done", formats.count(read.size()), file.getFileName()));
    }

    /** Adds the figure typed in the new-figure fields; a value that cannot be used is named and nothing is added. */
    public boolean addObservation() {
        Kind kind = newKind.get();
        if (kind == null) {
            problem.set(texts.get("calibration.problem.kind"));
            return false;
        }
        if (newDate.get() == null) {
            problem.set(texts.get("calibration.problem.date"));
            return false;
        }
        LocalTime time;
        try {
            time = LocalTime.parse(newTime.get().strip());
        } catch (DateTimeParseException notATime) {
            problem.set(texts.get("calibration.problem.time", newTime.get().strip()));
            return false;
        }
        double value = 0;
        if (kind != Kind.SUSPENDED_AT) {
            String typed = newValue.get().strip().replace(",", "").replace(" ", "");
            try {
                value = Double.parseDouble(typed);
            } catch (NumberFormatException notANumber) {
                value = Double.NaN;
            }
            if (!Double.isFinite(value) || value <= 0) {
                problem.set(texts.get("calibration.problem.value", newValue.get().strip()));
                return false;
            }
        }
        LocalDateTime at = LocalDateTime.of(newDate.get(), time);
        Optional<Cohort> window = window();
        if (window.isPresent() && (at.isBefore(window.get().window().opens())
                || at.isAfter(window.get().window().closes()))) {
            problem.set(texts.get("calibration.problem.outside", formats.dateTime(at),
                    formats.dateTime(window.get().window().opens()), formats.dateTime(window.get().window().closes())));
            return false;
        }
        if (newSource.get().isBlank()) {
            problem.set(texts.get("calibration.problem.source"));
            return false;
        }
        observations.add(new Observation(kind, at, value, 1, newSource.get()));
        remember();
        problem.set("");
        newValue.set("");
        newSource.set("");
        return true;
    }

    /** Removes the figure at {@code index}. */
    public void removeObservation(int index) {
        if (index >= 0 && index < observations.size()) {
            observations.remove(index);
            remember();
        }
    }

    private void remember() {
        if (cohortId != null) {
            typedByWindow.put(cohortId, List.copyOf(observations));
        }
        forgetFit();
    }

    private void forgetFit() {
        tasks.cancel(CHANNEL);
        if (running.get()) {
            running.set(false);
            status.set(texts.get("calibration.cancelled"));
        }
        fit = null;
        fittedFrom = null;
        canApply.set(false);
        parameterLines.clear();
        residualLines.clear();
    }

    private List<Parameter> chosenParameters() {
        List<Parameter> parameters = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            if (chosen.get(parameter).get()) {
                parameters.add(parameter);
            }
        }
        return parameters;
    }

    /** Fits the chosen parameters to the figures in the background; a fit still running is cancelled. */
    public void fit() {
        Optional<Cohort> window = window();
        if (window.isEmpty()) {
            problem.set(texts.get("problem.noWindow"));
            return;
        }
        if (observations.isEmpty()) {
            problem.set(texts.get("calibration.problem.nothingObserved"));
            return;
        }
        List<Parameter> parameters = chosenParameters();
        if (parameters.isEmpty()) {
            problem.set(texts.get("calibration.problem.noParameter"));
            return;
        }
        forgetFit();
        problem.set("");
        Plan plan = working.getPlan();
        Cohort cohort = window.get();
        List<Observation> observed = List.copyOf(observations);
        long runSeed = seed.get();
        running.set(true);
        progress.set(0);
        status.set(texts.get("calibration.running", cohort.name()));
        tasks.run(CHANNEL,
                work -> new NightCalibration(model).fit(plan, cohort, nights.limit().appointments(plan, cohort),
                        observed, parameters, runSeed, work, work.cancellation()),
                finished -> {
                    running.set(false);
                    progress.set(1);
                    fittedFrom = plan;
                    fit = finished;
                    showFit(plan, finished);
                    boolean current = WorkingPlan.sameContent(working.getPlan(), plan);
                    canApply.set(current);
                    status.set(current ? texts.get("calibration.done", formats.count(finished.evaluations()),
                            formats.number(finished.objective(), 6)) : texts.get("calibration.stale"));
                },
                failure -> {
                    running.set(false);
                    status.set(texts.get("status.failed", Messages.describe(failure, texts.locale())));
                },
                (fraction, message) -> progress.set(fraction));
    }

    /** Stops a fit that runs; nothing changes. */
    public void cancel() {
        tasks.cancel(CHANNEL);
        if (running.get()) {
            running.set(false);
            status.set(texts.get("calibration.cancelled"));
        }
    }

    private void showFit(Plan plan, NightCalibration.Fit found) {
        List<ParameterLine> lines = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            Double value = found.values().get(parameter);
            if (value != null) {
                lines.add(new ParameterLine(parameter, texts.get("calibration.parameter." + parameter.key()),
                        value(parameter, parameter.valueIn(plan)), value(parameter, value),
                        texts.get("calibration.unit." + parameter.key())));
            }
        }
        parameterLines.setAll(lines);
        List<ResidualLine> residuals = new ArrayList<>();
        for (NightCalibration.Residual residual : found.residuals()) {
            Observation o = residual.observation();
            residuals.add(new ResidualLine(texts.get("calibration.kind." + o.kind().name()), formats.dateTime(o.at()),
                    figure(o.kind(), residual.observed()), figure(o.kind(), residual.modelled()),
                    String.format(texts.locale(), "%+.1f %%", 100 * residual.relativeError())));
        }
        residualLines.setAll(residuals);
    }

    private String value(Parameter parameter, double value) {
        return switch (parameter) {
            case CAPACITY -> formats.count(Math.round(value));
            case BURST_SHARE, PERSISTENCE -> formats.percent(value);
            case BURST_DECAY, PATIENCE -> formats.number(value, 1);
        };
    }

    private String figure(Kind kind, double value) {
        return switch (kind) {
            case BOOKED_BY -> texts.get("calibration.figure.people", formats.count(Math.round(value)));
            case SUSPENDED_AT -> texts.get("calibration.figure.afterOpening", formats.minutes(value));
            case SHOWN_WAIT -> formats.minutes(value);
            case SESSIONS_IN_HOUR -> texts.get("calibration.figure.sessions", formats.count(Math.round(value)));
        };
    }

    /** How the figure of {@code observation} reads in the table of figures. */
    public String describe(Observation observation) {
        return observation.kind() == Kind.SUSPENDED_AT ? "" : figure(observation.kind(), observation.value());
    }

    /** The name of an observed kind in the dialog's language. */
    public String kindName(Kind kind) {
        return texts.get("calibration.kind." + kind.name());
    }

    /**
     * Puts the fitted values into the plan as one undoable, audited edit; refused when the plan changed since the
     * fit, because the fit was made on the plan as it was.
     */
    public boolean apply() {
        NightCalibration.Fit found = fit;
        Optional<Cohort> window = window();
        if (found == null || window.isEmpty()) {
            return false;
        }
        Plan plan = working.getPlan();
        if (!WorkingPlan.sameContent(plan, fittedFrom)) {
            canApply.set(false);
            status.set(texts.get("calibration.stale"));
            return false;
        }
        List<String> before = new ArrayList<>();
        List<String> after = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            Double value = found.values().get(parameter);
            if (value != null) {
                before.add(parameter.key() + " " + plain(parameter.valueIn(plan)));
                after.add(parameter.key() + " " + plain(value));
            }
        }
        List<String> sources = observations.stream().map(Observation::source).filter(s -> !s.isBlank()).distinct()
                .toList();
        String reason = texts.get("calibration.reason", found.residuals().size(), window.get().name(), seed.get())
                + (sources.isEmpty() ? "" : texts.get("calibration.reasonSources", String.join("; ", sources)));
        fit = null;
        canApply.set(false);
        working.edit(found.fittedPlan(), ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.night.calibrated", window.get().name()), String.join(", ", before),
                String.join(", ", after), reason));
        status.set(texts.get("calibration.applied", window.get().name()));
        onApplied.run();
        return true;
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%s", Math.round(value * 1000) / 1000.0);
    }

    public ObservableList<Observation> observations() {
        return observations;
    }

    public BooleanProperty chosenProperty(Parameter parameter) {
        return chosen.get(parameter);
    }

    public LongProperty seedProperty() {
        return seed;
    }

    public ObjectProperty<Kind> newKindProperty() {
        return newKind;
    }

    public ObjectProperty<LocalDate> newDateProperty() {
        return newDate;
    }

    public StringProperty newTimeProperty() {
        return newTime;
    }

    public StringProperty newValueProperty() {
        return newValue;
    }

    public StringProperty newSourceProperty() {
        return newSource;
    }

    public ReadOnlyStringProperty windowTitleProperty() {
        return windowTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    public ObservableList<ParameterLine> parameterLines() {
        return parameterLines;
    }

    public ObservableList<ResidualLine> residualLines() {
        return residualLines;
    }

    Texts texts() {
        return texts;
    }

    NightFormats formats() {
        return formats;
    }
}
