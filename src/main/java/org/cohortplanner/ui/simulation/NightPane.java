package org.cohortplanner.ui.simulation;

import static org.cohortplanner.ui.simulation.SimulationNodes.lineChart;
import static org.cohortplanner.ui.simulation.SimulationNodes.series;
import static org.cohortplanner.ui.simulation.SimulationNodes.textColumn;

import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.ui.common.ChartEmptyState;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.simulation.SimulationViewModel.ResultLine;

/**
 * The Simulation screen's "night" tab: the simulated night's crowd (queue or refused sessions, with the sessions
 * active on an axis of their own), its bookings, its waits and its figures.
 */
final class NightPane {
    private static final double VALUE_AXIS_WIDTH = 64;

    private final SimulationViewModel viewModel;
    private final Texts texts;
    private final NightFormats formats;
    private final LineChart<Number, Number> queueChart = lineChart(SimulationView.QUEUE_CHART_ID);
    /** Sessions active, drawn over the queue chart on an axis of its own: 25,000 slots beside millions waiting. */
    private final LineChart<Number, Number> activeChart = lineChart("simulation-active-chart");
    private final LineChart<Number, Number> bookingsChart = lineChart(SimulationView.BOOKINGS_CHART_ID);
    private final BarChart<String, Number> waitsChart;
    private final TableColumn<ResultLine, String> valueColumn = textColumn("", ResultLine::value, 240);
    private final Node root;

    NightPane(SimulationViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.formats = viewModel.formats();
        CategoryAxis positions = new CategoryAxis();
        positions.setLabel(texts.get("chart.position"));
        NumberAxis waitMinutes = new NumberAxis();
        waitMinutes.setLabel(texts.get("chart.minutes"));
        waitsChart = new BarChart<>(positions, waitMinutes);
        waitsChart.setId(SimulationView.WAITS_CHART_ID);
        waitsChart.setAnimated(false);
        root = build();
        viewModel.night().resultProperty().addListener((observable, before, after) -> showNight(after));
    }

    Node root() {
        return root;
    }

    private Node build() {
        queueChart.setTitle(texts.get("chart.queue"));
        bookingsChart.setTitle(texts.get("chart.bookings"));
        waitsChart.setTitle(texts.get("chart.waits"));
        TableView<ResultLine> results = figuresTable(viewModel.night().resultLines());
        results.setId(SimulationView.RESULTS_TABLE_ID);

        StackPane crowd = ChartEmptyState.of(new StackPane(queueChart, activeChart), queueChart,
                texts.get("chart.empty"));
        overlay(queueChart, activeChart);
        StackPane bookings = ChartEmptyState.of(bookingsChart, texts.get("chart.empty"));
        StackPane waits = ChartEmptyState.of(waitsChart, texts.get("chart.emptyWaits"));
        HBox charts = new HBox(8, crowd, bookings);
        HBox figures = new HBox(8, results, waits);
        for (Region cell : List.of(crowd, bookings, results, waits)) {
            HBox.setHgrow(cell, Priority.ALWAYS);
            cell.setMinSize(0, 0);
            cell.setPrefSize(300, 300);
        }
        // The figures' texts are longer than a chart needs to be wide.
        results.setPrefWidth(440);
        results.setMinWidth(440);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(figures, Priority.ALWAYS);
        VBox pane = new VBox(8, charts, figures);
        pane.setPadding(new Insets(8, 0, 0, 0));
        return pane;
    }

    private TableView<ResultLine> figuresTable(ObservableList<ResultLine> lines) {
        TableView<ResultLine> table = new TableView<>(lines);
        valueColumn.setText(texts.get("results.value", viewModel.zone().getId()));
        table.setPlaceholder(new Label(texts.get("results.placeholder")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                textColumn(texts.get("results.figure"), ResultLine::figure, 180),
                valueColumn));
        return table;
    }

    private void showNight(BookingNightResult night) {
        queueChart.getData().clear();
        activeChart.getData().clear();
        bookingsChart.getData().clear();
        waitsChart.getData().clear();
        if (night == null) {
            return;
        }
        valueColumn.setText(texts.get("results.value", viewModel.zone().getId()));
        int horizon = NightCharts.horizonMinutes(List.of(night));
        String axis = texts.get("chart.hoursAfterOpening");
        ((NumberAxis) queueChart.getXAxis()).setLabel(axis);
        ((NumberAxis) activeChart.getXAxis()).setLabel(axis);
        ((NumberAxis) bookingsChart.getXAxis()).setLabel(axis);
        showCrowd(night, horizon);
        bookingsChart.getData().add(series(texts.get("chart.bookingsSeries"),
                NightCharts.cumulative(night, NightCharts.bookingsHorizonMinutes(night, horizon),
                        BookingNightResult.MinuteFigures::bookings)));
        if (night.suspended()) {
            double at = night.suspendedAtMinute() / 60;
            bookingsChart.getData().add(series(texts.get("chart.suspension"),
                    List.of(new NightCharts.Point(at, 0), new NightCharts.Point(at, night.booked()))));
        }
        if (night.positionEstimates().isEmpty()) {
            showWaitSummary(night.waits());
        } else {
            showShownAgainstActual(night.positionEstimates());
        }
    }

    /** The queue (or the sessions refused, without a waiting room) with the sessions active laid over it. */
    private void showCrowd(BookingNightResult night, int horizon) {
        queueChart.setTitle(texts.get(night.parameters().waitingRoom() ? "chart.queue" : "chart.refused"));
        if (night.parameters().waitingRoom()) {
            queueChart.getData().add(series(texts.get("chart.queueSeries"),
                    NightCharts.level(night, horizon, BookingNightResult.MinuteFigures::queue)));
        } else {
            queueChart.getData().add(series(texts.get("chart.failuresSeries"),
                    NightCharts.level(night, horizon, BookingNightResult.MinuteFigures::failures)));
        }
        // The queue chart names the active sessions in its legend; the overlay draws them on its own axis.
        queueChart.getData().add(new XYChart.Series<>(texts.get("chart.activeSeries"),
                FXCollections.observableArrayList()));
        activeChart.setTitle(queueChart.getTitle());
        ((NumberAxis) activeChart.getXAxis()).setUpperBound(Math.ceil(horizon / 60.0));
        ((NumberAxis) queueChart.getXAxis()).setUpperBound(Math.ceil(horizon / 60.0));
        activeChart.getData().add(series(texts.get("chart.activeSeries"),
                NightCharts.level(night, horizon, BookingNightResult.MinuteFigures::active)));
    }

    /** Without a waiting room nobody is shown a wait: the chart shows how long people waited instead. */
    private void showWaitSummary(BookingNightResult.WaitSummary waits) {
        waitsChart.setTitle(texts.get("chart.waitSummary"));
        waitsChart.getXAxis().setLabel("");
        XYChart.Series<String, Number> minutes = new XYChart.Series<>();
        minutes.setName(texts.get("chart.minutes"));
        minutes.getData().add(new XYChart.Data<>(texts.get("chart.p50"), waits.p50Minutes()));
        minutes.getData().add(new XYChart.Data<>(texts.get("chart.mean"), waits.meanMinutes()));
        minutes.getData().add(new XYChart.Data<>(texts.get("chart.p95"), waits.p95Minutes()));
        minutes.getData().add(new XYChart.Data<>(texts.get("chart.max"), waits.maxMinutes()));
        waitsChart.setLegendVisible(false);
        waitsChart.getData().add(minutes);
    }

    private void showShownAgainstActual(List<BookingNightResult.PositionEstimate> estimates) {
        waitsChart.setTitle(texts.get("chart.waits"));
        waitsChart.getXAxis().setLabel(texts.get("chart.position"));
        waitsChart.setLegendVisible(true);
        XYChart.Series<String, Number> shown = new XYChart.Series<>();
        shown.setName(texts.get("chart.shown"));
        XYChart.Series<String, Number> actual = new XYChart.Series<>();
        actual.setName(texts.get("chart.actual"));
        for (BookingNightResult.PositionEstimate estimate : estimates) {
            String position = formats.count(estimate.position());
            shown.getData().add(new XYChart.Data<>(position, estimate.shownMinutes()));
            if (!Double.isNaN(estimate.actualMinutes())) {
                actual.getData().add(new XYChart.Data<>(position, estimate.actualMinutes()));
            }
        }
        waitsChart.getData().addAll(List.of(shown, actual));
    }

    /**
     * Lays {@code over} on {@code under} with its value axis on the right: both keep the same hours axis (fixed
     * bounds) and leave room for each other's value axis, so that their plot areas coincide.
     */
    private static void overlay(LineChart<Number, Number> under, LineChart<Number, Number> over) {
        for (LineChart<Number, Number> chart : List.of(under, over)) {
            NumberAxis hours = (NumberAxis) chart.getXAxis();
            hours.setAutoRanging(false);
            hours.setLowerBound(0);
            hours.setUpperBound(1);
            hours.setTickUnit(1);
            hours.upperBoundProperty().addListener((observable, before, after) ->
                    hours.setTickUnit(Math.max(0.25, niceStep(after.doubleValue()))));
            chart.getYAxis().setPrefWidth(VALUE_AXIS_WIDTH);
            chart.getYAxis().setMinWidth(VALUE_AXIS_WIDTH);
        }
        over.getYAxis().setSide(Side.RIGHT);
        over.getStyleClass().add("overlay-chart");
        over.setMouseTransparent(true);
        // Inline, because the screen's stylesheet pads every chart and a stylesheet outranks a setter.
        under.setStyle("-fx-padding: 6 " + (6 + VALUE_AXIS_WIDTH) + " 6 6;");
        over.setStyle("-fx-padding: 6 6 6 " + (6 + VALUE_AXIS_WIDTH) + ";");
    }

    /** A tick step of 1, 2 or 5 × a power of ten giving about eight ticks. */
    private static double niceStep(double range) {
        double raw = range / 8;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5}) {
            if (raw <= factor * power) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
