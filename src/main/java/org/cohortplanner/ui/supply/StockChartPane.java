package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.shownAs;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.cohortplanner.planning.schedule.BrandDay;
import org.cohortplanner.ui.common.BandedLineChart;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * The Supply screen's stock chart: the stock of one brand (in all regions or one) day by day over the campaign,
 * with the doses due, the capacity and the shortage days marked.
 */
final class StockChartPane {
    private final SupplyViewModel viewModel;
    private final Texts texts;
    private final BandedLineChart chart;
    private final VBox root;

    StockChartPane(SupplyViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        Node top = choices();
        Label note = new Label();
        note.textProperty().bind(viewModel.chartSummaryProperty());
        note.getStyleClass().add("screen-summary");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        chart = chart();
        viewModel.brandDays().addListener((ListChangeListener<BrandDay>) change -> draw());
        draw();
        root = new VBox(4, top, note, chart);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox.setVgrow(root, Priority.ALWAYS);
    }

    Node root() {
        return root;
    }

    /** The heading with the brand and region shown, and a busy bar while the schedule is being worked out. */
    private Node choices() {
        ComboBox<String> brand = new ComboBox<>(viewModel.brands());
        brand.setId(SupplyView.BRAND_ID);
        brand.valueProperty().bindBidirectional(viewModel.selectedBrandProperty());
        Label heading = new Label(texts.get("chart.title"));
        heading.getStyleClass().add("section-title");
        ProgressBar working = new ProgressBar(-1);
        working.setPrefWidth(80);
        working.visibleProperty().bind(viewModel.schedulingProperty());
        heading.setMinWidth(Region.USE_PREF_SIZE);
        brand.setMinWidth(Region.USE_PREF_SIZE);
        ComboBox<String> region = regionChoice();
        HBox top = new HBox(10, heading, brand, region, working);
        top.setAlignment(Pos.CENTER_LEFT);
        return top;
    }

    /** "All regions" or one, kept in step with the region chosen elsewhere on the screen. */
    private ComboBox<String> regionChoice() {
        ComboBox<String> region = new ComboBox<>();
        region.setId(SupplyView.REGION_ID);
        String all = texts.get("chart.allRegions");
        Runnable regionChoices = () -> {
            String chosen = viewModel.selectedRegionProperty().get();
            List<String> names = new ArrayList<>(List.of(all));
            names.addAll(viewModel.regions());
            region.getItems().setAll(names);
            region.setValue(chosen == null || !viewModel.regions().contains(chosen) ? all : chosen);
        };
        viewModel.regions().addListener((ListChangeListener<String>) change -> regionChoices.run());
        regionChoices.run();
        region.valueProperty().addListener((observable, before, after) ->
                viewModel.selectedRegionProperty().set(after == null || after.equals(all) ? null : after));
        viewModel.selectedRegionProperty().addListener((observable, before, after) ->
                region.setValue(after == null ? all : after));
        region.setMinWidth(Region.USE_PREF_SIZE);
        return region;
    }

    private BandedLineChart chart() {
        NumberAxis days = new NumberAxis();
        days.setAutoRanging(true);
        days.setForceZeroInRange(false);
        days.setMinorTickVisible(false);
        days.setTickLabelFormatter(shownAs(epochDay -> Formats.dayMonth(LocalDate.ofEpochDay(epochDay.longValue()),
                texts.locale())));
        NumberAxis doses = new NumberAxis();
        doses.setLabel(texts.get("chart.doses"));
        doses.setTickLabelFormatter(shownAs(value -> Formats.count(value.longValue(), texts.locale())));
        BandedLineChart made = new BandedLineChart(days, doses);
        made.setId(SupplyView.CHART_ID);
        made.getStyleClass().add("supply-chart");
        made.setCreateSymbols(false);
        made.setAnimated(false);
        made.setPrefHeight(300);
        made.setMinHeight(220);
        return made;
    }

    private void draw() {
        XYChart.Series<Number, Number> stock = series(texts.get("chart.stock"));
        XYChart.Series<Number, Number> due = series(texts.get("chart.due"));
        XYChart.Series<Number, Number> capacity = series(texts.get("chart.capacity"));
        XYChart.Series<Number, Number> shortage = series(texts.get("chart.shortageDays"));
        List<BrandDay> shown = campaignDays(viewModel.brandDays());
        bound((NumberAxis) chart.getXAxis(), shown);
        List<Long> shortDays = new ArrayList<>();
        for (BrandDay day : shown) {
            long x = day.day().toEpochDay();
            stock.getData().add(new XYChart.Data<>(x, day.stock() + day.reserved()));
            due.getData().add(new XYChart.Data<>(x, day.due()));
            capacity.getData().add(new XYChart.Data<>(x, day.capacity()));
            if (day.isShort()) {
                XYChart.Data<Number, Number> mark = new XYChart.Data<>(x, day.due());
                StackPane dot = new StackPane();
                dot.getStyleClass().add("shortage-mark");
                mark.setNode(dot);
                shortage.getData().add(mark);
                shortDays.add(x);
            }
        }
        chart.getData().setAll(List.of(stock, due, capacity, shortage));
        chart.setBanded(BandedLineChart.runsOf(shortDays));
    }

    /**
     * The days of the campaign: up to a week after the last day with doses due or short, so the chart does not run
     * on for months of untouched stock after the last second dose.
     */
    static List<BrandDay> campaignDays(List<BrandDay> days) {
        int last = -1;
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i).due() > 0 || days.get(i).isShort()) {
                last = i;
            }
        }
        if (last < 0) {
            return days;
        }
        LocalDate end = days.get(last).day().plusDays(7);
        return days.stream().filter(day -> !day.day().isAfter(end)).toList();
    }

    /** The day axis from the first to the last day shown, with a tick every week or every few weeks. */
    private static void bound(NumberAxis axis, List<BrandDay> days) {
        if (days.isEmpty()) {
            axis.setAutoRanging(true);
            return;
        }
        long first = days.get(0).day().toEpochDay();
        long last = days.get(days.size() - 1).day().toEpochDay();
        axis.setAutoRanging(false);
        axis.setLowerBound(first);
        axis.setUpperBound(Math.max(last, first + 1));
        long weeks = Math.max(1, (long) Math.ceil((last - first) / 7.0 / 8));
        axis.setTickUnit(7 * weeks);
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        return series;
    }
}
