package org.cohortplanner.ui.simulation;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.CohortSplitter;
import org.cohortplanner.simulation.BookingNightModel;
import org.cohortplanner.simulation.BookingNightParameters;
import org.cohortplanner.simulation.BookingNights;
import org.cohortplanner.simulation.SlotChange;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The Simulation screen's state: which booking window is simulated and the screen's status line, over its parts:
 * the night's parameters ({@link NightForm}, defaults from the plan, changed freely here without touching the plan),
 * what they read as with an instant closed-form estimate ({@link NightEstimate}), the latest simulated night
 * ({@link NightRun}), the split advisor ({@link SplitAdvice}) and the scenario comparison ({@link NightComparison}).
 * Runs go through the task runner on their own channels, so a new run cancels the one still running and only the
 * latest result is shown.
 */
public final class SimulationViewModel {
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

    private final WorkingPlan working;
    private final CohortSelection selection;
    private final BookingNights nights;
    private final Texts texts;
    private final NightFormats formats;

    private final ObservableList<WindowChoice> windows = FXCollections.observableArrayList();
    private final ObjectProperty<WindowChoice> window = new SimpleObjectProperty<>(this, "window");
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper(this, "windowText", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private final NightForm form;
    private final NightEstimate estimate;
    private final NightRun night;
    private final SplitAdvice advisor;
    private final NightComparison comparison;

    public SimulationViewModel(WorkingPlan working, TaskRunner tasks, CohortSelection selection,
                               BookingNightModel model, BookingNights nights, CohortSplitter splitter, String user,
                               Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.nights = Objects.requireNonNull(nights, "nights");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.formats = new NightFormats(texts);
        ChosenNight chosen = new Chosen();
        this.form = new NightForm(texts);
        this.estimate = new NightEstimate(tasks, texts, formats);
        this.night = new NightRun(tasks, model, chosen, texts, formats, status);
        this.advisor = new SplitAdvice(working, tasks, model, nights, splitter, chosen, user, texts, formats);
        this.comparison = new NightComparison(working, tasks, model, nights, splitter, chosen, texts, formats,
                status);

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
        for (Observable input : form.nightInputs()) {
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
        if (cohort.isPresent()) {
            form.reset(working.getPlan(), cohort.get(), nights.parameters(working.getPlan(), cohort.get()));
        }
        parametersChanged();
    }

    /** The night as the form sets it; throws IllegalArgumentException naming a value the model cannot take. */
    public BookingNightParameters parameters() {
        Cohort cohort = cohort().orElseThrow(() -> new IllegalArgumentException(texts.get("problem.noWindow")));
        return form.apply(nights.parameters(working.getPlan(), cohort), cohort);
    }

    private void parametersChanged() {
        if (form.isResetting()) {
            return;
        }
        Optional<Cohort> cohort = cohort();
        windowText.set(cohort.map(c -> texts.get("window.span", formats.dateTime(c.window().opens(), zone()),
                formats.dateTime(c.window().closes(), zone()))).orElse(""));
        try {
            BookingNightParameters shown = parameters();
            estimate.show(shown, describeChanges(shown));
        } catch (IllegalArgumentException invalid) {
            estimate.refuse(invalid);
        }
    }

    private String describeChanges(BookingNightParameters shown) {
        List<SlotChange> planned = cohort().map(c -> nights.parameters(working.getPlan(), c).slotChanges())
                .orElse(List.of());
        if (planned.isEmpty()) {
            return texts.get("form.noCapacityChanges");
        }
        List<String> parts = new ArrayList<>();
        for (SlotChange change : planned) {
            LocalDateTime at = shown.opens().plusSeconds(Math.round(change.atMinute() * 60));
            parts.add(texts.get("form.capacityChange", formats.dateTime(at, zone()), formats.count(change.slots())));
        }
        return String.join("; ", parts);
    }

    private void clearRunResults() {
        night.clear();
        advisor.clear();
        comparison.clear();
    }

    /** The chosen window and the form's nights, as the screen's parts read them. */
    private final class Chosen implements ChosenNight {
        @Override
        public Optional<Cohort> cohort() {
            return SimulationViewModel.this.cohort();
        }

        @Override
        public BookingNightParameters parameters() {
            return SimulationViewModel.this.parameters();
        }

        @Override
        public BookingNightParameters parameters(Plan plan, Cohort part) {
            return form.apply(nights.parameters(plan, part), part);
        }

        @Override
        public long seed() {
            return form.seedProperty().get();
        }

        @Override
        public ZoneId zone() {
            return SimulationViewModel.this.zone();
        }
    }

    /** The night's parameters as the form sets them. */
    public NightForm form() {
        return form;
    }

    /** What the form's night reads as, and its closed-form estimate. */
    public NightEstimate estimate() {
        return estimate;
    }

    /** The simulated night: run, cancel and the latest result. */
    public NightRun night() {
        return night;
    }

    /** The split advisor. */
    public SplitAdvice advisor() {
        return advisor;
    }

    /** The scenario comparison. */
    public NightComparison comparison() {
        return comparison;
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

    public ReadOnlyStringProperty windowTextProperty() {
        return windowText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
