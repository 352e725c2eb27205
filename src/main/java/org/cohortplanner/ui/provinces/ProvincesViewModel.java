package org.cohortplanner.ui.provinces;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.simulation.CampaignDashboard;
import org.cohortplanner.simulation.CampaignFigures;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Messages;
import org.cohortplanner.ui.common.RegionSelection;
import org.cohortplanner.ui.common.TaskRunner;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.common.WorkingPlan;

/**
 * The Provinces screen without its nodes: the 17 provinces on a tile map in their rough places (as Korean news
 * graphics draw them), each shaded by the chosen measure on the chosen day, and the same figures as a table.
 * Choosing a province filters the Supply screen to it. Follows the working plan; the schedule behind it is built in
 * the background and only the latest plan's is shown.
 */
public final class ProvincesViewModel {
    static final String FIGURES_CHANNEL = "provinces-figures";

    /** What the map is shaded by. */
    public enum Measure { PEOPLE_SHORT, SHARE_VACCINATED, DOSES_ON_HAND, CAPACITY_USED }

    /** Where each province sits on the tile map: column and row, from the north-west. */
    static final Map<String, int[]> TILES = Map.ofEntries(
            Map.entry("Incheon", new int[] {0, 0}), Map.entry("Seoul", new int[] {1, 0}),
            Map.entry("Gangwon", new int[] {2, 0}),
            Map.entry("Gyeonggi", new int[] {1, 1}), Map.entry("Chungbuk", new int[] {2, 1}),
            Map.entry("Gyeongbuk", new int[] {3, 1}),
            Map.entry("Chungnam", new int[] {0, 2}), Map.entry("Sejong", new int[] {1, 2}),
            Map.entry("Daejeon", new int[] {2, 2}), Map.entry("Daegu", new int[] {3, 2}),
            Map.entry("Jeonbuk", new int[] {1, 3}), Map.entry("Gyeongnam", new int[] {2, 3}),
            Map.entry("Ulsan", new int[] {3, 3}),
            Map.entry("Gwangju", new int[] {0, 4}), Map.entry("Jeonnam", new int[] {1, 4}),
            Map.entry("Busan", new int[] {3, 4}),
            Map.entry("Jeju", new int[] {0, 5}));

    /**
     * One province as the map and the table show it.
     *
     * @param column where on the map (-1: a region the tile map has no place for; it is in the table only)
     * @param shade  0 (lightest) to 1 (darkest), relative to the other provinces
     */
    public record Province(String region, String name, int column, int row, double value, String valueText,
                           double shade) {
    }

    private final WorkingPlan working;
    private final TaskRunner tasks;
    private final CampaignDashboard dashboard;
    private final RegionSelection selection;
    private final Texts texts;
    private final ObjectProperty<Measure> measure = new SimpleObjectProperty<>(this, "measure",
            Measure.PEOPLE_SHORT);
    private final ObjectProperty<LocalDate> day = new SimpleObjectProperty<>(this, "day");
    private final ReadOnlyObjectWrapper<CampaignFigures> figures = new ReadOnlyObjectWrapper<>(this, "figures");
    private final ObservableList<Province> provinces = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper legendLow = new ReadOnlyStringWrapper(this, "legendLow", "");
    private final ReadOnlyStringWrapper legendHigh = new ReadOnlyStringWrapper(this, "legendHigh", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public ProvincesViewModel(WorkingPlan working, TaskRunner tasks, CampaignDashboard dashboard,
                              RegionSelection selection, Texts texts) {
        this.working = Objects.requireNonNull(working, "working");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.dashboard = Objects.requireNonNull(dashboard, "dashboard");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.texts = Objects.requireNonNull(texts, "texts");
        measure.addListener((observable, before, after) -> shade());
        day.addListener((observable, before, after) -> shade());
        working.planProperty().addListener((observable, before, after) -> recompute(after));
        recompute(working.getPlan());
    }

    private void recompute(Plan plan) {
        status.set(texts.get("status.computing"));
        tasks.run(FIGURES_CHANNEL, progress -> dashboard.supplyFigures(plan), shown -> {
            figures.set(shown);
            List<CampaignFigures.RegionDay> days = shown.regionDays();
            LocalDate last = days.isEmpty() ? null : days.get(days.size() - 1).day();
            LocalDate chosen = day.get();
            if (chosen == null || last == null || chosen.isAfter(last) || chosen.isBefore(days.get(0).day())) {
                day.set(last);
            }
            shade();
        }, failure -> status.set(texts.get("status.failed", Messages.describe(failure, texts.locale()))));
    }

    private void shade() {
        CampaignFigures shown = figures.get();
        if (shown == null) {
            return;
        }
        LocalDate on = day.get();
        Measure by = measure.get();
        List<Province> rows = new ArrayList<>();
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        List<double[]> values = new ArrayList<>();
        for (CampaignFigures.RegionFigures region : shown.regions()) {
            double value = value(shown, region, by, on);
            values.add(new double[] {value});
            low = Math.min(low, value);
            high = Math.max(high, value);
        }
        for (int i = 0; i < shown.regions().size(); i++) {
            CampaignFigures.RegionFigures region = shown.regions().get(i);
            double value = values.get(i)[0];
            int[] tile = TILES.getOrDefault(region.region(), new int[] {-1, -1});
            double shade = high > low ? (value - low) / (high - low) : high > 0 ? 1 : 0;
            rows.add(new Province(region.region(), regionName(region.region()), tile[0], tile[1], value,
                    format(by, value), shade));
        }
        provinces.setAll(rows);
        legendLow.set(rows.isEmpty() ? "" : format(by, low));
        legendHigh.set(rows.isEmpty() ? "" : format(by, high));
        status.set(on == null ? texts.get("status.noDays") : texts.get("status.done",
                texts.get("measure." + by.name()), Formats.date(on, texts.locale())));
    }

    private static double value(CampaignFigures shown, CampaignFigures.RegionFigures region, Measure by,
                                LocalDate on) {
        List<CampaignFigures.RegionDay> days = shown.regionDays(region.region());
        CampaignFigures.RegionDay that = null;
        long given = 0;
        long capacity = 0;
        long shortUntil = 0;
        for (CampaignFigures.RegionDay day : days) {
            if (on != null && day.day().isAfter(on)) {
                break;
            }
            that = day;
            given += day.given();
            capacity += day.capacity();
            shortUntil += day.peopleShort();
        }
        return switch (by) {
            case PEOPLE_SHORT -> shortUntil;
            case SHARE_VACCINATED -> region.population() <= 0 || that == null ? 0
                    : Math.min(1, (double) that.firstDosesToDate() / region.population());
            case DOSES_ON_HAND -> that == null ? 0 : that.stock();
            case CAPACITY_USED -> capacity <= 0 ? 0 : (double) given / capacity;
        };
    }

    private String format(Measure by, double value) {
        return switch (by) {
            case PEOPLE_SHORT, DOSES_ON_HAND -> Formats.count(Math.round(value), texts.locale());
            case SHARE_VACCINATED, CAPACITY_USED -> Formats.percent(value, texts.locale());
        };
    }

    /** The province's name in the screen's language. */
    public String regionName(String region) {
        return Formats.region(region, texts.locale());
    }

    /** Filters the Supply screen (stock and schedule) to {@code region}; null shows the whole country again. */
    public void choose(String region) {
        selection.select(region);
    }

    public ObjectProperty<String> chosenProperty() {
        return selection.regionProperty();
    }

    public Texts texts() {
        return texts;
    }

    public ObjectProperty<Measure> measureProperty() {
        return measure;
    }

    public ObjectProperty<LocalDate> dayProperty() {
        return day;
    }

    public ReadOnlyObjectProperty<CampaignFigures> figuresProperty() {
        return figures.getReadOnlyProperty();
    }

    public ObservableList<Province> provinces() {
        return provinces;
    }

    public ReadOnlyStringProperty legendLowProperty() {
        return legendLow.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty legendHighProperty() {
        return legendHigh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
