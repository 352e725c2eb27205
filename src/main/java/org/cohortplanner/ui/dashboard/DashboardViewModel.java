package org.cohortplanner.ui.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.texts.FigureTexts;
import org.cohortplanner.texts.FigureTexts.Figure;
import org.cohortplanner.ui.common.CohortSelection;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.RegionSelection;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The Dashboard screen without its nodes: the plan's figures at a glance, worked out in the background each time
 * the working plan changes (a newer plan cancels the run for an older one, so only the latest plan's figures are
 * shown), and what each tile opens.
 */
public final class DashboardViewModel {
    static final String FIGURES_CHANNEL = "dashboard-figures";

    /** The dashboard's tiles, in their order on the screen. */
    public enum Tile { ELIGIBLE, BOOKINGS, DOSES, SHORTAGES, WAITS, SUSPENDED, PROBLEMS }

    /** One opening night as the waits tile lists it. */
    public record NightRow(String cohortId, String date, String window, String p95, boolean crowded) {
    }

    /** One region as the shortages tile lists it. */
    public record RegionRow(String region, String days, String people, boolean isShort) {
    }

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final CampaignDashboard dashboard;
    private final CohortSelection cohorts;
    private final RegionSelection regions;
    private final Consumer<DashboardTarget> navigator;
    private final Texts texts;
    private final ProblemTexts problemTexts;
    private final FigureTexts figureTexts;

    private final ReadOnlyObjectWrapper<CampaignFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper eligible = new ReadOnlyStringWrapper(this, "eligible", "");
    private final ReadOnlyStringWrapper bookings = new ReadOnlyStringWrapper(this, "bookings", "");
    private final ReadOnlyStringWrapper doses = new ReadOnlyStringWrapper(this, "doses", "");
    private final ReadOnlyStringWrapper shortages = new ReadOnlyStringWrapper(this, "shortages", "");
    private final ReadOnlyStringWrapper waits = new ReadOnlyStringWrapper(this, "waits", "");
    private final ReadOnlyStringWrapper suspended = new ReadOnlyStringWrapper(this, "suspended", "");
    private final ReadOnlyStringWrapper problems = new ReadOnlyStringWrapper(this, "problems", "");
    private final ObservableList<NightRow> nights = FXCollections.observableArrayList();
    private final ObservableList<RegionRow> regionRows = FXCollections.observableArrayList();
    private final ObservableList<String> suspendedLines = FXCollections.observableArrayList();
    private final ObservableList<String> problemLines = FXCollections.observableArrayList();
    private final ObservableList<String> brands = FXCollections.observableArrayList();

    /**
     * @param navigator opens the screen a tile summarises (the shell's navigation)
     */
    public DashboardViewModel(WorkingPlan working, TaskRunner tasks, CampaignDashboard dashboard,
                              CohortSelection cohorts, RegionSelection regions, Consumer<DashboardTarget> navigator,
                              Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.cohorts = Objects.requireNonNull(cohorts, "cohorts");
        this.regions = Objects.requireNonNull(regions, "regions");
        this.navigator = Objects.requireNonNull(navigator, "navigator");
        this.texts = Objects.requireNonNull(texts, "texts");
        this.problemTexts = ProblemTexts.of(texts.locale());
        this.figureTexts = FigureTexts.of(texts.locale(), value -> Formats.count(value, texts.locale()),
                day -> Formats.date(day, texts.locale()));
        working.planProperty().addListener((observable, before, after) -> recompute(after));
        recompute(working.getPlan());
    }

    private void recompute(Plan plan) {
        computing.set(true);
        progress.set(0);
        status.set(texts.get("status.computing", plan.name()));
        // A newer plan cancels the work, and with it the simulation, through the job's cancellation.
        tasks.run(FIGURES_CHANNEL, work -> dashboard.figures(plan, CampaignDashboard.DEFAULT_SEED, work,
                work.cancellation()), this::show, failure -> {
            computing.set(false);
            status.set(texts.get("status.failed", Messages.describe(failure, texts.locale())));
        }, (fraction, message) -> progress.set(fraction));
    }

    private void show(CampaignFigures shown) {
        computing.set(false);
        progress.set(1);
        figures.set(shown);
        status.set(texts.get("status.done", shown.planName(), shown.seed()));
        eligible.set(figureTexts.value(Figure.ELIGIBLE, shown));
        bookings.set(figureTexts.value(Figure.EXPECTED_BOOKINGS, shown));
        doses.set(texts.get("tile.doses.value", Formats.count(shown.neededDoses(), texts.locale()),
                Formats.count(shown.usableDoses(), texts.locale())));
        shortages.set(shown.peopleShort() == 0 ? texts.get("tile.shortages.none") : texts.get(
                "tile.shortages.value", Formats.count(shown.peopleShort(), texts.locale()), shown.shortageDays()));
        waits.set(figureTexts.value(Figure.WORST_WAIT, shown));
        suspended.set(shown.suspended().isEmpty() ? texts.get("tile.suspended.none")
                : texts.get("tile.suspended.value", shown.suspended().size()));
        problems.set(figureTexts.value(Figure.PROBLEMS, shown));

        List<NightRow> nightRows = new ArrayList<>();
        for (CampaignFigures.NightWait night : shown.nights()) {
            nightRows.add(new NightRow(night.cohortId(), Formats.date(night.date(), texts.locale()), night.cohortName(),
                    minutes(night.p95Minutes()), night.p95Minutes() > CROWDED_MINUTES));
        }
        nights.setAll(nightRows);
        List<RegionRow> rows = new ArrayList<>();
        for (CampaignFigures.RegionFigures region : shown.regions()) {
            rows.add(new RegionRow(region.region(), Integer.toString(region.shortageDays()),
                    Formats.count(region.peopleShort(), texts.locale()), region.peopleShort() > 0));
        }
        regionRows.setAll(rows);
        suspendedLines.setAll(shown.suspended().stream().map(window -> texts.get("suspended.line",
                window.cohortName(), Formats.dateTime(window.at(), texts.locale()))).toList());
        problemLines.setAll(shown.problems().stream().map(problem -> texts.get(problem.isError()
                ? "problem.error" : "problem.warning", problemTexts.message(problem))).toList());
        List<String> names = new ArrayList<>(new LinkedHashSet<>(shown.brandWeeks().stream()
                .map(CampaignFigures.BrandWeek::brand).toList()));
        if (!brands.equals(names)) {
            brands.setAll(names);
        }
    }

    /** A p95 wait beyond this many minutes is marked on the waits tile. */
    static final double CROWDED_MINUTES = 60;

    private String minutes(double value) {
        return figureTexts.minutes(value);
    }

    /**
     * A tile's name: the figure's name as the Scenarios screen, {@code compare} and the briefing write it, or the
     * tile's own where it shows two figures at once (doses needed and usable, people short on days).
     */
    public String title(Tile tile) {
        return switch (tile) {
            case ELIGIBLE -> figureTexts.label(Figure.ELIGIBLE);
            case BOOKINGS -> figureTexts.label(Figure.EXPECTED_BOOKINGS);
            case WAITS -> figureTexts.label(Figure.WORST_WAIT);
            case SUSPENDED -> figureTexts.label(Figure.SUSPENDED);
            case PROBLEMS -> figureTexts.label(Figure.PROBLEMS);
            case DOSES, SHORTAGES -> texts.get("tile." + tile.name());
        };
    }

    /** Opens the screen that {@code tile} summarises, with the cohort or region it points at selected. */
    public void open(Tile tile) {
        CampaignFigures shown = figures.get();
        switch (tile) {
            case ELIGIBLE, BOOKINGS -> navigator.accept(DashboardTarget.COHORTS);
            case DOSES -> navigator.accept(DashboardTarget.SUPPLY);
            case SHORTAGES -> navigator.accept(DashboardTarget.PROVINCES);
            case WAITS -> {
                if (shown != null) {
                    shown.worstNight().ifPresent(night -> cohorts.select(night.cohortId()));
                }
                navigator.accept(DashboardTarget.SIMULATION);
            }
            case SUSPENDED -> {
                if (shown != null && !shown.suspended().isEmpty()) {
                    cohorts.select(shown.suspended().get(0).cohortId());
                    navigator.accept(DashboardTarget.SIMULATION);
                } else {
                    navigator.accept(DashboardTarget.TIMELINE);
                }
            }
            case PROBLEMS -> {
                if (shown != null) {
                    shown.problems().stream().map(Problem::cohortId).filter(Objects::nonNull).findFirst()
                            .ifPresent(cohorts::select);
                }
                navigator.accept(DashboardTarget.COHORTS);
            }
            default -> throw new IllegalArgumentException("tile " + tile);
        }
    }

    /** Opens the Simulation screen on the night of {@code row}. */
    public void openNight(NightRow row) {
        cohorts.select(row.cohortId());
        navigator.accept(DashboardTarget.SIMULATION);
    }

    /** Opens the Supply screen filtered to {@code region}. */
    public void openRegion(String region) {
        regions.select(region);
        navigator.accept(DashboardTarget.SUPPLY);
    }

    /** The weeks of {@code brand} for the chart of doses needed against usable. */
    public List<CampaignFigures.BrandWeek> weeks(String brand) {
        CampaignFigures shown = figures.get();
        return shown == null ? List.of() : shown.brandWeeks().stream().filter(week -> week.brand().equals(brand))
                .toList();
    }

    public Texts texts() {
        return texts;
    }

    public ReadOnlyObjectProperty<CampaignFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public CampaignFigures getFigures() {
        return figures.get();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The value a tile shows. */
    public ReadOnlyStringProperty valueProperty(Tile tile) {
        return switch (tile) {
            case ELIGIBLE -> eligible.getReadOnlyProperty();
            case BOOKINGS -> bookings.getReadOnlyProperty();
            case DOSES -> doses.getReadOnlyProperty();
            case SHORTAGES -> shortages.getReadOnlyProperty();
            case WAITS -> waits.getReadOnlyProperty();
            case SUSPENDED -> suspended.getReadOnlyProperty();
            case PROBLEMS -> problems.getReadOnlyProperty();
        };
    }

    public ObservableList<NightRow> nights() {
        return nights;
    }

    public ObservableList<RegionRow> regionRows() {
        return regionRows;
    }

    public ObservableList<String> suspendedLines() {
        return suspendedLines;
    }

    public ObservableList<String> problemLines() {
        return problemLines;
    }

    public ObservableList<String> brands() {
        return brands;
    }
}
