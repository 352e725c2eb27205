package org.cohortplanner.ui.scenarios;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Phrase;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.PlanChange;
import org.cohortplanner.planning.PlanDiff;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.store.ScenarioNameTakenException;
import org.cohortplanner.store.ScenarioStore;
import org.cohortplanner.store.ScenarioStore.SavedScenario;
import org.cohortplanner.texts.FigureTexts;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The Scenarios screen without its nodes: the saved scenarios of the plan, saving the working plan as one, comparing
 * two or more side by side (the dashboard's figures as columns, nights, shortages by region, and what differs from
 * the first), and making one the working plan as one undoable edit.
 */
public final class ScenariosViewModel {
    static final String LIST_CHANNEL = "scenarios-list";
    static final String SAVE_CHANNEL = "scenarios-save";
    static final String COMPARE_CHANNEL = "scenarios-compare";

    /** One saved scenario as the list shows it. */
    public record ScenarioRow(long id, String name, String savedAt, String savedBy, String cohorts,
                              SavedScenario scenario) {
    }

    /** One line of the side-by-side table: a figure and its value in each compared plan. */
    public record FigureRow(String figure, List<String> values) {
        public FigureRow {
            values = List.copyOf(values);
        }
    }

    /** What a comparison shows. */
    public record Comparison(List<String> columns, List<CampaignFigures> figures, List<FigureRow> rows,
                             List<String> nights, List<String> differences) {
        public Comparison {
            columns = List.copyOf(columns);
            figures = List.copyOf(figures);
            rows = List.copyOf(rows);
            nights = List.copyOf(nights);
            differences = List.copyOf(differences);
        }
    }

    private final WorkingPlan working;
    private final ScenarioStore store;
    private final TaskRunner tasks;
    private final CampaignDashboard dashboard;
    private final String user;
    private final Texts texts;
    private final ObservableList<ScenarioRow> scenarios = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty(this, "name", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");

    public ScenariosViewModel(WorkingPlan working, ScenarioStore store, TaskRunner tasks, CampaignDashboard dashboard,
                              String user, Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.store = Objects.requireNonNull(store, "store");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.user = Objects.requireNonNull(user, "user");
        this.texts = Objects.requireNonNull(texts, "texts");
        // Another planner may have saved scenarios on the backend meanwhile: a stored change reads them again.
        working.storedVersionProperty().addListener((observable, before, after) -> refresh());
        // Connecting to a backend or going back to the local model shows the scenarios kept there.
        working.locationProperty().addListener((observable, before, after) -> refresh());
        refresh();
    }

    /** Reads the scenarios from the store again. */
    public void refresh() {
        ZoneId zone = working.getPlan().zone();
        tasks.run(LIST_CHANNEL, progress -> store.scenarios(), list -> {
            List<ScenarioRow> rows = new ArrayList<>();
            for (SavedScenario scenario : list) {
                rows.add(new ScenarioRow(scenario.id(), scenario.name(),
                        Formats.timestamp(scenario.savedAt(), zone, texts.locale()), scenario.savedBy(),
                        Formats.count(scenario.plan().cohorts().size(), texts.locale()), scenario));
            }
            scenarios.setAll(rows);
        }, failure -> status.set(texts.get("status.listFailed", Messages.describe(failure, texts.locale()))));
    }

    /** Saves the working plan as the scenario named in {@link #nameProperty()}. */
    public void saveWorkingPlan() {
        String chosen = name.get() == null ? "" : name.get().strip();
        if (chosen.isEmpty()) {
            status.set(texts.get("status.nameEmpty"));
            return;
        }
        Plan plan = working.getPlan();
        busy.set(true);
        PlanChange saving = ProblemTexts.of(texts.locale()).change(user, Phrase.of("audit.scenario.saved", chosen),
                "", chosen, "");
        tasks.run(SAVE_CHANNEL, progress -> store.saveScenario(chosen, plan, saving), saved -> {
                    busy.set(false);
                    name.set("");
                    status.set(texts.get("status.saved", saved.name()));
                    refresh();
                }, failure -> {
                    busy.set(false);
                    status.set(failure instanceof ScenarioNameTakenException taken
                            ? texts.get("status.nameTaken", taken.name(), taken.savedBy())
                            : texts.get("status.saveFailed", Messages.describe(failure, texts.locale())));
                });
    }

    /** Deletes a scenario (recorded in the audit trail). */
    public void delete(ScenarioRow row) {
        tasks.run(SAVE_CHANNEL, progress -> store.deleteScenario(row.id(), ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.scenario.deleted", row.name()), row.name(), "", "")), deleted -> {
                    status.set(texts.get("status.deleted", row.name()));
                    refresh();
                }, failure -> status.set(texts.get("status.saveFailed", Messages.describe(failure, texts.locale()))));
    }

    /**
     * Compares the scenarios chosen (two or more; with one, the working plan comes first) in the background; a newer
     * comparison replaces an older one still running.
     */
    public void compare(List<ScenarioRow> chosen) {
        List<String> columns = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        if (chosen.size() < 2) {
            columns.add(texts.get("column.working"));
            plans.add(working.getPlan());
        }
        for (ScenarioRow row : chosen) {
            columns.add(row.name());
            plans.add(row.scenario().plan());
        }
        if (plans.size() < 2) {
            status.set(texts.get("status.chooseTwo"));
            return;
        }
        busy.set(true);
        status.set(texts.get("status.comparing", plans.size()));
        tasks.run(COMPARE_CHANNEL, progress -> {
            List<CampaignFigures> figures = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                progress.checkCancelled();
                progress.report((double) i / plans.size(), "");
                figures.add(dashboard.figures(plans.get(i)));
            }
            return comparisonOf(columns, plans, figures);
        }, done -> {
            busy.set(false);
            comparison.set(done);
            status.set(texts.get("status.compared", done.columns().size()));
        }, failure -> {
            busy.set(false);
            status.set(texts.get("status.compareFailed", Messages.describe(failure, texts.locale())));
        });
    }

    private Comparison comparisonOf(List<String> columns, List<Plan> plans, List<CampaignFigures> figures) {
        Locale locale = texts.locale();
        List<FigureRow> rows = FigureTexts.of(locale, value -> Formats.count(value, locale),
                day -> Formats.date(day, locale)).rowsWithRegions(figures).stream()
                .map(row -> new FigureRow(row.label(), row.values())).toList();
        List<String> nights = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            for (CampaignFigures.NightWait night : figures.get(i).nights()) {
                nights.add(texts.get("night", columns.get(i), Formats.date(night.date(), texts.locale()),
                        night.cohortName(),
                        Math.round(night.p95Minutes())));
            }
        }
        List<String> differences = new ArrayList<>();
        for (int i = 1; i < plans.size(); i++) {
            for (PlanDiff.Difference difference : PlanDiff.between(plans.get(0), plans.get(i))) {
                String part = texts.get("part." + difference.part().name());
                differences.add(switch (difference.change()) {
                    case ADDED -> texts.get("diff.added", columns.get(i), part, difference.name());
                    case REMOVED -> texts.get("diff.removed", columns.get(i), part, difference.name());
                    case CHANGED -> texts.get("diff.changed", columns.get(i), part, difference.name(),
                            difference.field(), difference.before(), difference.after());
                });
            }
        }
        return new Comparison(columns, figures, rows, nights, differences);
    }

    /** Makes {@code row}'s plan the working plan, as one edit that Undo takes back. */
    public void makeWorkingPlan(ScenarioRow row) {
        Plan current = working.getPlan();
        Plan chosen = row.scenario().plan().withVersion(current.version());
        working.edit(chosen, ProblemTexts.of(texts.locale()).change(user,
                Phrase.of("audit.scenario.made", row.name()), current.name(), row.name(), ""));
        status.set(texts.get("status.made", row.name()));
    }

    public Texts texts() {
        return texts;
    }

    public ObservableList<ScenarioRow> scenarios() {
        return scenarios;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public Comparison getComparison() {
        return comparison.get();
    }
}
