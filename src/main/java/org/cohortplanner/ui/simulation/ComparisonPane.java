package org.cohortplanner.ui.simulation;

import static org.cohortplanner.ui.simulation.SimulationNodes.lineChart;
import static org.cohortplanner.ui.simulation.SimulationNodes.series;
import static org.cohortplanner.ui.simulation.SimulationNodes.textColumn;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.ScenarioComparison;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.simulation.NightComparison.ComparisonLine;
import org.cohortplanner.ui.simulation.NightComparison.Variant;
import org.cohortplanner.ui.simulation.NightComparison.VariantKind;

/**
 * The Simulation screen's "comparison" tab: the variants, the scenarios side by side (a column each, a row per
 * figure) and the worst night's queue and the bookings of every scenario.
 */
final class ComparisonPane {
    private final NightComparison comparison;
    private final FormControls controls;
    private final Texts texts;
    private final LineChart<Number, Number> comparisonQueueChart = lineChart("simulation-comparison-queue");
    private final LineChart<Number, Number> comparisonBookingsChart = lineChart("simulation-comparison-bookings");
    private final TableView<ComparisonFigure> comparisonTable = new TableView<>();
    private final Node root;

    ComparisonPane(SimulationViewModel viewModel, FormControls controls) {
        this.comparison = viewModel.comparison();
        this.controls = controls;
        this.texts = viewModel.texts();
        this.root = build();
        comparison.comparisonLines().addListener((ListChangeListener<ComparisonLine>) change -> showComparison());
    }

    Node root() {
        return root;
    }

    private Node build() {
        comparisonTable.setId(SimulationView.COMPARISON_TABLE_ID);
        comparisonTable.setPlaceholder(new Label(texts.get("comparison.placeholder")));
        comparisonTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableView<ComparisonFigure> table = comparisonTable;
        table.setPrefHeight(290);
        table.setMinHeight(200);

        comparisonQueueChart.setTitle(texts.get("comparison.queueChart"));
        comparisonBookingsChart.setTitle(texts.get("comparison.bookingsChart"));
        HBox charts = new HBox(8, comparisonQueueChart, comparisonBookingsChart);
        for (Region chart : List.of(comparisonQueueChart, comparisonBookingsChart)) {
            HBox.setHgrow(chart, Priority.ALWAYS);
            chart.setMinSize(0, 0);
            chart.setPrefWidth(300);
        }
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox pane = new VBox(10, variantControls(), table, charts);
        pane.setPadding(new Insets(10, 0, 0, 0));
        return pane;
    }

    /** The variants in a list, and adding, removing and comparing them. */
    private Node variantControls() {
        ComboBox<VariantKind> kind = new ComboBox<>();
        kind.getItems().setAll(VariantKind.values());
        kind.setConverter(controls.enumTexts("variant.kind."));
        kind.setValue(VariantKind.CAPACITY);
        kind.setPrefWidth(250);
        Spinner<Double> value = new Spinner<>(0.1, 1_000_000, 2, 0.5);
        value.setEditable(true);
        value.setPrefWidth(110);
        Button add = new Button(texts.get("comparison.add"));
        add.setOnAction(event -> comparison.addVariant(kind.getValue(), value.getValue()));
        ListView<Variant> variants = new ListView<>(comparison.variants());
        variants.setPrefHeight(96);
        variants.setPrefWidth(220);
        variants.setMinWidth(220);
        variants.setCellFactory(ignored -> new ListCell<>() {
            @Override
            protected void updateItem(Variant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : comparison.describe(item));
            }
        });
        Button remove = new Button(texts.get("comparison.remove"));
        remove.disableProperty().bind(variants.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> comparison.removeVariant(variants.getSelectionModel().getSelectedItem()));
        Button compare = new Button(texts.get("comparison.run"));
        compare.setId(SimulationView.COMPARISON_RUN_ID);
        compare.disableProperty().bind(comparison.comparingProperty());
        compare.setOnAction(event -> comparison.compare());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(comparison.comparisonProgressProperty());
        progress.visibleProperty().bind(comparison.comparingProperty());
        Label valueLabel = new Label(texts.get("comparison.value"));
        for (Region fixed : List.of(valueLabel, add, remove, compare)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox adding = new HBox(8, kind, valueLabel, value, add, remove);
        adding.setAlignment(Pos.CENTER_LEFT);
        HBox running = new HBox(8, compare, progress);
        running.setAlignment(Pos.CENTER_LEFT);
        VBox controlColumn = new VBox(8, adding, running);
        return new HBox(12, variants, controlColumn);
    }

    private void showComparison() {
        comparisonQueueChart.getData().clear();
        comparisonBookingsChart.getData().clear();
        List<ScenarioComparison.Row> rows = comparison.comparisonLines().stream().map(ComparisonLine::row).toList();
        fillComparisonTable(comparison.comparisonLines());
        if (rows.isEmpty()) {
            return;
        }
        int horizon = NightCharts.horizonMinutes(rows.stream().flatMap(r -> r.results().stream()).toList());
        String axis = texts.get("chart.hoursAfterEachOpening");
        ((NumberAxis) comparisonQueueChart.getXAxis()).setLabel(axis);
        ((NumberAxis) comparisonBookingsChart.getXAxis()).setLabel(axis);
        for (ScenarioComparison.Row row : rows) {
            BookingNightResult worst = NightCharts.worstNight(row.results());
            // A night without a waiting room has no queue: its crowd shows as sessions refused.
            comparisonQueueChart.getData().add(series(row.scenario(), NightCharts.level(worst, horizon,
                    worst.parameters().waitingRoom() ? BookingNightResult.MinuteFigures::queue
                            : BookingNightResult.MinuteFigures::failures)));
            comparisonBookingsChart.getData().add(series(row.scenario(), NightCharts.cumulativeOverNights(
                    row.results(), horizon, BookingNightResult.MinuteFigures::bookings)));
        }
    }

    /** One figure of the comparison: a row of the table, with one column per scenario. */
    private record ComparisonFigure(String figure, List<String> values) {
    }

    /** Scenarios side by side: a column each, a row per figure. */
    private void fillComparisonTable(List<ComparisonLine> lines) {
        List<Function<ComparisonLine, String>> values = List.of(ComparisonLine::nights, ComparisonLine::people,
                ComparisonLine::booked, ComparisonLine::never, ComparisonLine::p50, ComparisonLine::p95,
                ComparisonLine::max, ComparisonLine::to90, ComparisonLine::suspended, ComparisonLine::turnedAway,
                ComparisonLine::peakQueue);
        List<String> figures = List.of("comparison.nights", "comparison.people", "comparison.booked",
                "comparison.never", "comparison.p50", "comparison.p95", "comparison.max", "comparison.to90",
                "comparison.suspended", "comparison.turnedAway", "comparison.peakQueue");
        List<TableColumn<ComparisonFigure, String>> columns = new ArrayList<>();
        columns.add(textColumn(texts.get("comparison.scenario"), ComparisonFigure::figure, 170));
        for (int i = 0; i < lines.size(); i++) {
            int scenario = i;
            TableColumn<ComparisonFigure, String> column = textColumn(lines.get(i).scenario(),
                    row -> row.values().get(scenario), 150);
            column.getStyleClass().add("numeric");
            columns.add(column);
        }
        comparisonTable.getColumns().setAll(columns);
        List<ComparisonFigure> rows = new ArrayList<>();
        for (int f = 0; lines.size() > 0 && f < figures.size(); f++) {
            Function<ComparisonLine, String> value = values.get(f);
            rows.add(new ComparisonFigure(texts.get(figures.get(f)), lines.stream().map(value).toList()));
        }
        comparisonTable.getItems().setAll(rows);
    }
}
