package org.cohortplanner.ui.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.simulation.BookingNightResult;
import org.cohortplanner.simulation.ScenarioComparison;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.ServiceTime;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.simulation.SimulationViewModel.AdviceLine;
import org.cohortplanner.ui.simulation.SimulationViewModel.ComparisonLine;
import org.cohortplanner.ui.simulation.SimulationViewModel.ResultLine;
import org.cohortplanner.ui.simulation.SimulationViewModel.Variant;
import org.cohortplanner.ui.simulation.SimulationViewModel.VariantKind;

/**
 * The Simulation screen: the night's parameters on the left with an instant closed-form estimate, and on the right
 * the simulated night (charts and figures), the split advisor and the scenario comparison.
 */
public final class SimulationView {
    public static final String WINDOW_CHOICE_ID = "simulation-window";
    public static final String RUN_ID = "simulation-run";
    public static final String CANCEL_ID = "simulation-cancel";
    public static final String AUTO_RUN_ID = "simulation-auto-run";
    public static final String PROGRESS_ID = "simulation-progress";
    public static final String STATUS_ID = "simulation-status";
    public static final String RESET_ID = "simulation-reset";
    public static final String CALIBRATE_ID = "simulation-calibrate";
    public static final String ESTIMATE_ID = "simulation-estimate";
    public static final String RESULTS_TABLE_ID = "simulation-results";
    public static final String QUEUE_CHART_ID = "simulation-queue-chart";
    public static final String BOOKINGS_CHART_ID = "simulation-bookings-chart";
    public static final String WAITS_CHART_ID = "simulation-waits-chart";
    public static final String ADVICE_RUN_ID = "simulation-advice-run";
    public static final String ADVICE_APPLY_ID = "simulation-advice-apply";
    public static final String ADVICE_TABLE_ID = "simulation-advice-table";
    public static final String ADVICE_SUMMARY_ID = "simulation-advice-summary";
    public static final String COMPARISON_RUN_ID = "simulation-comparison-run";
    public static final String COMPARISON_TABLE_ID = "simulation-comparison-table";

    /** Auto-run waits this long after the last change, so that dragging a slider runs once, not at every pixel. */
    private static final Duration AUTO_RUN_DELAY = Duration.millis(300);
    private static final double FORM_WIDTH = 380;
    private static final double LABEL_WIDTH = 170;
    private static final double VALUE_AXIS_WIDTH = 64;

    private final SimulationViewModel viewModel;
    private final CalibrationViewModel calibration;
    private final Texts texts;
    private final NightFormats formats;
    private final BorderPane root = new BorderPane();
    private final LineChart<Number, Number> queueChart = lineChart(QUEUE_CHART_ID);
    /** Sessions active, drawn over the queue chart on an axis of its own: 25,000 slots beside millions waiting. */
    private final LineChart<Number, Number> activeChart = lineChart("simulation-active-chart");
    private final LineChart<Number, Number> bookingsChart = lineChart(BOOKINGS_CHART_ID);
    private final BarChart<String, Number> waitsChart;
    private final LineChart<Number, Number> comparisonQueueChart = lineChart("simulation-comparison-queue");
    private final LineChart<Number, Number> comparisonBookingsChart = lineChart("simulation-comparison-bookings");
    private final CheckBox autoRun;
    private final TableView<ComparisonFigure> comparisonTable = new TableView<>();
    private final TableColumn<ResultLine, String> valueColumn = textColumn("", ResultLine::value, 240);
    private final PauseTransition autoRunDelay = new PauseTransition(AUTO_RUN_DELAY);
    /** Adapters between number properties and spinners: a bidirectional binding holds them only weakly. */
    private final List<Object> adapters = new ArrayList<>();

    public SimulationView(SimulationViewModel viewModel, CalibrationViewModel calibration) {
        this.viewModel = viewModel;
        this.calibration = calibration;
        // The fitted values are in the plan once applied: show them in the form, as "reset to plan" would.
        calibration.setOnApplied(viewModel::resetToPlan);
        this.texts = viewModel.texts();
        this.formats = viewModel.formats();
        CategoryAxis positions = new CategoryAxis();
        positions.setLabel(texts.get("chart.position"));
        NumberAxis waitMinutes = new NumberAxis();
        waitMinutes.setLabel(texts.get("chart.minutes"));
        waitsChart = new BarChart<>(positions, waitMinutes);
        waitsChart.setId(WAITS_CHART_ID);
        waitsChart.setAnimated(false);
        autoRun = new CheckBox(texts.get("run.auto"));
        autoRun.setId(AUTO_RUN_ID);

        root.setTop(heading());
        root.setLeft(form());
        root.setCenter(tabs());
        BorderPane.setMargin(root.getLeft(), new Insets(0, 12, 0, 0));
        root.getStyleClass().addAll("screen", "simulation-screen");
        root.getStylesheets().add(SimulationView.class.getResource("simulation.css").toExternalForm());

        autoRunDelay.setOnFinished(event -> viewModel.run());
        for (Observable input : List.of(viewModel.uptakeProperty(), viewModel.accessMultiplierProperty(),
                viewModel.burstShareProperty(), viewModel.burstDecayMinutesProperty(),
                viewModel.arrivalTableProperty(), viewModel.patienceKindProperty(), viewModel.stepSecondsProperty(),
                viewModel.concurrentRequestsProperty(), viewModel.timeoutSecondsProperty(),
                viewModel.restartMinutesProperty(),
                viewModel.concurrentSessionsProperty(), viewModel.sessionMinutesProperty(),
                viewModel.serviceKindProperty(), viewModel.serviceSpreadProperty(),
                viewModel.capacityChangesProperty(), viewModel.waitingRoomProperty(),
                viewModel.admittedPerMinuteProperty(), viewModel.queueOrderProperty(),
                viewModel.patienceMinutesProperty(), viewModel.retryProbabilityProperty(),
                viewModel.retryDelayMinutesProperty(), viewModel.limitBySupplyProperty(), viewModel.seedProperty(),
                viewModel.windowProperty())) {
            input.addListener(changed -> {
                if (autoRun.isSelected()) {
                    autoRunDelay.playFromStart();
                }
            });
        }
        viewModel.resultProperty().addListener((observable, before, after) -> showNight(after));
        viewModel.comparisonLines().addListener((ListChangeListener<ComparisonLine>) change -> showComparison());
    }

    public Parent root() {
        return root;
    }

    private Node heading() {
        Label title = new Label(texts.get("screen.title"));
        title.getStyleClass().add("screen-title");
        Label subtitle = new Label(texts.get("screen.subtitle"));
        subtitle.getStyleClass().add("screen-summary");

        ComboBox<SimulationViewModel.WindowChoice> window = new ComboBox<>(viewModel.windows());
        window.setId(WINDOW_CHOICE_ID);
        window.valueProperty().bindBidirectional(viewModel.windowProperty());
        Label windowLabel = new Label(texts.get("window.label"));
        Label span = new Label();
        span.getStyleClass().add("screen-summary");
        span.textProperty().bind(viewModel.windowTextProperty());

        Button run = new Button(texts.get("run.run"));
        run.setId(RUN_ID);
        run.setDefaultButton(true);
        run.setOnAction(event -> viewModel.run());
        Button cancel = new Button(texts.get("run.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.disableProperty().bind(viewModel.runningProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId(PROGRESS_ID);
        progress.setPrefWidth(160);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        Label status = new Label();
        status.setId(STATUS_ID);
        status.getStyleClass().add("screen-summary");
        status.textProperty().bind(viewModel.statusProperty());

        window.setPrefWidth(360);
        for (Button button : List.of(run, cancel)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        autoRun.setMinWidth(Region.USE_PREF_SIZE);
        windowLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox titles = new HBox(16, title, subtitle);
        titles.setAlignment(Pos.BASELINE_LEFT);
        HBox controls = new HBox(10, windowLabel, window, run, cancel, progress, autoRun);
        controls.setAlignment(Pos.CENTER_LEFT);
        HBox notes = new HBox(16, span, status);
        VBox heading = new VBox(8, titles, controls, notes);
        heading.setPadding(new Insets(0, 0, 10, 0));
        return heading;
    }

    // Parameters

    private Node form() {
        GridPane grid = labelledGrid(6);
        FormRows rows = new FormRows(grid);

        rows.section(texts.get("form.demand"));
        rows.add(texts.get("form.uptake"), shareSlider(viewModel.uptakeProperty()));
        rows.add(texts.get("form.people"), boundLabel(viewModel.peopleTextProperty()));
        rows.add(texts.get("form.accessMultiplier"), doubleSpinner(viewModel.accessMultiplierProperty(), 1, 50, 0.1));
        CheckBox table = new CheckBox(texts.get("form.arrivalTable"));
        table.selectedProperty().bindBidirectional(viewModel.arrivalTableProperty());
        table.disableProperty().bind(viewModel.planHasArrivalTableProperty().not());
        rows.wide(table);
        Node burst = shareSlider(viewModel.burstShareProperty());
        burst.disableProperty().bind(table.selectedProperty());
        rows.add(texts.get("form.burstShare"), burst);
        Spinner<Double> decay = doubleSpinner(viewModel.burstDecayMinutesProperty(), 1, 1440, 5);
        decay.disableProperty().bind(table.selectedProperty());
        rows.add(texts.get("form.burstDecay"), decay);

        rows.section(texts.get("form.bookingSystem"));
        rows.add(texts.get("form.concurrentSessions"),
                intSpinner(viewModel.concurrentSessionsProperty(), 1, 10_000_000, 1000));
        rows.add(texts.get("form.sessionMinutes"), doubleSpinner(viewModel.sessionMinutesProperty(), 0.5, 120, 0.5));
        rows.add(texts.get("form.peoplePerHour"), boundLabel(viewModel.peoplePerHourTextProperty()));
        ComboBox<ServiceTime.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(ServiceTime.Kind.values());
        kind.setConverter(enumTexts("form.serviceKind."));
        kind.valueProperty().bindBidirectional(viewModel.serviceKindProperty());
        rows.add(texts.get("form.serviceKind"), kind);
        Spinner<Double> spread = doubleSpinner(viewModel.serviceSpreadProperty(), 0.1, 5, 0.1);
        spread.disableProperty().bind(viewModel.serviceKindProperty().isNotEqualTo(ServiceTime.Kind.LOG_NORMAL));
        rows.add(texts.get("form.serviceSpread"), spread);
        rows.add(texts.get("form.stepSeconds"), doubleSpinner(viewModel.stepSecondsProperty(), 0, 10, 0.5));
        rows.add(texts.get("form.concurrentRequests"),
                intSpinner(viewModel.concurrentRequestsProperty(), 0, Integer.MAX_VALUE, 10_000));
        rows.add(texts.get("form.timeoutSeconds"), doubleSpinner(viewModel.timeoutSecondsProperty(), 0, 3600, 5));
        rows.add(texts.get("form.restartMinutes"), doubleSpinner(viewModel.restartMinutesProperty(), 0, 1440, 5));
        CheckBox changes = new CheckBox(texts.get("form.capacityChanges"));
        changes.selectedProperty().bindBidirectional(viewModel.capacityChangesProperty());
        rows.wide(changes);
        rows.wide(boundLabel(viewModel.capacityChangesTextProperty()));

        rows.section(texts.get("form.waitingRoomGroup"));
        CheckBox room = new CheckBox(texts.get("form.waitingRoom"));
        room.selectedProperty().bindBidirectional(viewModel.waitingRoomProperty());
        rows.wide(room);
        Spinner<Integer> admitted = intSpinner(viewModel.admittedPerMinuteProperty(), 0, 10_000_000, 500);
        admitted.disableProperty().bind(room.selectedProperty().not());
        rows.add(texts.get("form.admittedPerMinute"), admitted);
        ComboBox<QueueOrder> order = new ComboBox<>();
        order.getItems().setAll(QueueOrder.values());
        order.setConverter(enumTexts("form.queueOrder."));
        order.valueProperty().bindBidirectional(viewModel.queueOrderProperty());
        order.disableProperty().bind(room.selectedProperty().not());
        rows.add(texts.get("form.queueOrder"), order);
        rows.add(texts.get("form.patience"), doubleSpinner(viewModel.patienceMinutesProperty(), 0, 1440, 5));
        ComboBox<Patience.Kind> patienceKind = new ComboBox<>();
        patienceKind.getItems().setAll(Patience.Kind.values());
        patienceKind.setConverter(enumTexts("form.patienceKind."));
        patienceKind.valueProperty().bindBidirectional(viewModel.patienceKindProperty());
        rows.add(texts.get("form.patienceKind"), patienceKind);
        rows.add(texts.get("form.retryProbability"), shareSlider(viewModel.retryProbabilityProperty()));
        rows.add(texts.get("form.retryDelay"), doubleSpinner(viewModel.retryDelayMinutesProperty(), 0, 1440, 5));

        rows.section(texts.get("form.supply"));
        CheckBox limit = new CheckBox(texts.get("form.limitBySupply"));
        limit.selectedProperty().bindBidirectional(viewModel.limitBySupplyProperty());
        rows.wide(limit);
        rows.add(texts.get("form.bookingLimit"), boundLabel(viewModel.bookingLimitTextProperty()));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
        seed.setEditable(true);
        seed.getValueFactory().setValue((int) viewModel.seedProperty().get());
        seed.valueProperty().addListener((observable, before, after) -> viewModel.seedProperty().set(after));
        rows.add(texts.get("form.seed"), seed);
        Button reset = new Button(texts.get("form.resetToPlan"));
        reset.setId(RESET_ID);
        reset.setOnAction(event -> viewModel.resetToPlan());
        Button calibrate = new Button(texts.get("form.calibrate"));
        calibrate.setId(CALIBRATE_ID);
        calibrate.disableProperty().bind(viewModel.windowProperty().isNull());
        calibrate.setOnAction(event -> calibrate());
        // Above the parameters, so that both stay in sight whatever the form's scroll position.
        FlowPane planButtons = new FlowPane(8, 6, reset, calibrate);

        Label problem = boundLabel(viewModel.parameterProblemProperty());
        problem.getStyleClass().add("problem-text");

        VBox estimate = new VBox(4);
        estimate.setId(ESTIMATE_ID);
        estimate.getStyleClass().add("estimate-box");
        Label estimateTitle = new Label(texts.get("estimate.title"));
        estimateTitle.getStyleClass().add("form-section");
        estimateTitle.setWrapText(true);
        GridPane estimateGrid = labelledGrid(2);
        viewModel.estimateLines().addListener((ListChangeListener<ResultLine>) change ->
                fillFigures(estimateGrid, viewModel.estimateLines()));
        fillFigures(estimateGrid, viewModel.estimateLines());
        estimate.getChildren().addAll(estimateTitle, estimateGrid);

        VBox content = new VBox(10, estimate, problem, planButtons, grid);
        content.setPadding(new Insets(4, 12, 12, 4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(FORM_WIDTH);
        scroll.setMinWidth(FORM_WIDTH);
        scroll.getStyleClass().add("simulation-form");
        return scroll;
    }

    /** Opens the calibration dialog for the window chosen, with the seed of the form. */
    private void calibrate() {
        SimulationViewModel.WindowChoice chosen = viewModel.windowProperty().get();
        if (chosen == null) {
            return;
        }
        calibration.open(chosen.cohortId(), viewModel.seedProperty().get());
        new CalibrationDialog(calibration, root.getScene() == null ? null : root.getScene().getWindow())
                .showAndApply();
    }

    /** Two columns: labels of one width, so that the form and the estimate line up, and values taking the rest. */
    private static GridPane labelledGrid(double rowGap) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(rowGap);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(LABEL_WIDTH);
        labels.setPrefWidth(LABEL_WIDTH);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, values);
        return grid;
    }

    private static void fillFigures(GridPane grid, List<ResultLine> lines) {
        grid.getChildren().clear();
        for (int i = 0; i < lines.size(); i++) {
            Label value = new Label(lines.get(i).value());
            value.getStyleClass().add("figure-value");
            value.setWrapText(true);
            Label figure = new Label(lines.get(i).figure());
            figure.setWrapText(true);
            grid.addRow(i, figure, value);
        }
    }

    /** Adds labelled rows and section headings to the form, one under the other. */
    private static final class FormRows {
        private final GridPane grid;
        private int row;

        FormRows(GridPane grid) {
            this.grid = grid;
        }

        void section(String title) {
            Label heading = new Label(title);
            heading.getStyleClass().add("form-section");
            GridPane.setMargin(heading, new Insets(row == 0 ? 0 : 8, 0, 0, 0));
            grid.add(heading, 0, row++, 2, 1);
        }

        void add(String label, Node field) {
            Label name = new Label(label);
            name.setWrapText(true);
            name.setLabelFor(field);
            grid.add(name, 0, row);
            grid.add(field, 1, row++);
        }

        void wide(Node node) {
            grid.add(node, 0, row++, 2, 1);
        }
    }

    private Node shareSlider(DoubleProperty share) {
        Slider slider = new Slider(0, 1, share.get());
        slider.valueProperty().bindBidirectional(share);
        slider.setBlockIncrement(0.01);
        Label value = new Label();
        value.textProperty().bind(share.map(v -> formats.percent(v.doubleValue())));
        value.setMinWidth(46);
        HBox box = new HBox(6, slider, value);
        HBox.setHgrow(slider, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private Spinner<Double> doubleSpinner(DoubleProperty value, double min, double max, double step) {
        return spinner(new SpinnerValueFactory.DoubleSpinnerValueFactory(min, max, value.get(), step),
                value.asObject());
    }

    private Spinner<Integer> intSpinner(IntegerProperty value, int min, int max, int step) {
        return spinner(new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get(), step),
                value.asObject());
    }

    /** An editable spinner whose range keeps typed values sane, bound both ways to the view model's value. */
    private <T> Spinner<T> spinner(SpinnerValueFactory<T> values, ObjectProperty<T> adapter) {
        Spinner<T> spinner = new Spinner<>(values);
        spinner.setEditable(true);
        spinner.setMaxWidth(Double.MAX_VALUE);
        adapters.add(adapter);
        values.valueProperty().bindBidirectional(adapter);
        return spinner;
    }

    private static Label boundLabel(ObservableValue<String> text) {
        Label label = new Label();
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    private <E extends Enum<E>> StringConverter<E> enumTexts(String prefix) {
        return new StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : texts.get(prefix + value.name());
            }

            @Override
            public E fromString(String text) {
                throw new UnsupportedOperationException("choices are picked, not typed");
            }
        };
    }

    // Results

    private Node tabs() {
        Tab night = new Tab(texts.get("tab.night"), nightPane());
        Tab advisor = new Tab(texts.get("tab.advisor"), advisorPane());
        Tab comparison = new Tab(texts.get("tab.comparison"), comparisonPane());
        TabPane tabs = new TabPane(night, advisor, comparison);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private Node nightPane() {
        queueChart.setTitle(texts.get("chart.queue"));
        bookingsChart.setTitle(texts.get("chart.bookings"));
        waitsChart.setTitle(texts.get("chart.waits"));
        TableView<ResultLine> results = figuresTable(viewModel.resultLines());
        results.setId(RESULTS_TABLE_ID);

        StackPane crowd = new StackPane(queueChart, activeChart);
        overlay(queueChart, activeChart);
        HBox charts = new HBox(8, crowd, bookingsChart);
        HBox figures = new HBox(8, results, waitsChart);
        for (Region cell : List.of(crowd, bookingsChart, results, waitsChart)) {
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

    private TableView<ResultLine> figuresTable(javafx.collections.ObservableList<ResultLine> lines) {
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
        bookingsChart.getData().add(series(texts.get("chart.bookingsSeries"),
                NightCharts.cumulative(night, horizon, BookingNightResult.MinuteFigures::bookings)));
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

    // Split advisor

    private Node advisorPane() {
        Spinner<Double> target = doubleSpinner(viewModel.targetP95MinutesProperty(), 0, 24 * 60, 5);
        target.setPrefWidth(110);
        CheckBox noSuspension = new CheckBox(texts.get("advice.noSuspension"));
        noSuspension.selectedProperty().bindBidirectional(viewModel.noSuspensionProperty());
        Button find = new Button(texts.get("advice.run"));
        find.setId(ADVICE_RUN_ID);
        find.disableProperty().bind(viewModel.advisingProperty());
        find.setOnAction(event -> viewModel.advise());
        Button apply = new Button(texts.get("advice.apply"));
        apply.setId(ADVICE_APPLY_ID);
        apply.disableProperty().bind(viewModel.canApplyAdviceProperty().not());
        apply.setOnAction(event -> viewModel.applyAdvice());
        ProgressBar busy = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        busy.visibleProperty().bind(viewModel.advisingProperty());
        HBox controls = new HBox(10, new Label(texts.get("advice.target")), target, noSuspension, find, busy,
                spacer(), apply);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label summary = boundLabel(viewModel.adviceSummaryProperty());
        summary.setId(ADVICE_SUMMARY_ID);
        summary.getStyleClass().add("advice-summary");

        TableView<AdviceLine> table = new TableView<>(viewModel.adviceLines());
        table.setId(ADVICE_TABLE_ID);
        table.setPlaceholder(new Label(texts.get("advice.placeholder")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                textColumn(texts.get("advice.split"), AdviceLine::split, 190),
                textColumn(texts.get("advice.verdict"), AdviceLine::verdict, 130),
                textColumn(texts.get("advice.worstP95"), AdviceLine::worstP95, 100),
                textColumn(texts.get("advice.nights", viewModel.zone().getId()), AdviceLine::nights, 300),
                textColumn(texts.get("advice.why"), AdviceLine::why, 300)));
        table.setRowFactory(ignored -> new javafx.scene.control.TableRow<>() {
            @Override
            protected void updateItem(AdviceLine item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("proposed"),
                        !empty && item != null && item.proposed());
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label hint = new Label(texts.get("advice.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("screen-summary");
        VBox pane = new VBox(10, controls, hint, summary, table);
        pane.setPadding(new Insets(10, 0, 0, 0));
        return pane;
    }

    // Scenario comparison

    private Node comparisonPane() {
        ComboBox<VariantKind> kind = new ComboBox<>();
        kind.getItems().setAll(VariantKind.values());
        kind.setConverter(enumTexts("variant.kind."));
        kind.setValue(VariantKind.CAPACITY);
        kind.setPrefWidth(250);
        Spinner<Double> value = new Spinner<>(0.1, 1_000_000, 2, 0.5);
        value.setEditable(true);
        value.setPrefWidth(110);
        Button add = new Button(texts.get("comparison.add"));
        add.setOnAction(event -> viewModel.addVariant(kind.getValue(), value.getValue()));
        ListView<Variant> variants = new ListView<>(viewModel.variants());
        variants.setPrefHeight(96);
        variants.setPrefWidth(220);
        variants.setMinWidth(220);
        variants.setCellFactory(ignored -> new ListCell<>() {
            @Override
            protected void updateItem(Variant item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : viewModel.describe(item));
            }
        });
        Button remove = new Button(texts.get("comparison.remove"));
        remove.disableProperty().bind(variants.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> viewModel.removeVariant(variants.getSelectionModel().getSelectedItem()));
        Button compare = new Button(texts.get("comparison.run"));
        compare.setId(COMPARISON_RUN_ID);
        compare.disableProperty().bind(viewModel.comparingProperty());
        compare.setOnAction(event -> viewModel.compare());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(viewModel.comparisonProgressProperty());
        progress.visibleProperty().bind(viewModel.comparingProperty());
        Label valueLabel = new Label(texts.get("comparison.value"));
        for (Region fixed : List.of(valueLabel, add, remove, compare)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox adding = new HBox(8, kind, valueLabel, value, add, remove);
        adding.setAlignment(Pos.CENTER_LEFT);
        HBox running = new HBox(8, compare, progress);
        running.setAlignment(Pos.CENTER_LEFT);
        VBox controls = new VBox(8, adding, running);
        HBox top = new HBox(12, variants, controls);

        comparisonTable.setId(COMPARISON_TABLE_ID);
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
        VBox pane = new VBox(10, top, table, charts);
        pane.setPadding(new Insets(10, 0, 0, 0));
        return pane;
    }

    private void showComparison() {
        comparisonQueueChart.getData().clear();
        comparisonBookingsChart.getData().clear();
        List<ScenarioComparison.Row> rows = viewModel.comparisonLines().stream().map(ComparisonLine::row).toList();
        fillComparisonTable(viewModel.comparisonLines());
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

    // Helpers

    private static LineChart<Number, Number> lineChart(String id) {
        NumberAxis hours = new NumberAxis();
        hours.setForceZeroInRange(true);
        NumberAxis values = new NumberAxis();
        LineChart<Number, Number> chart = new LineChart<>(hours, values);
        chart.setId(id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.getStyleClass().add("night-chart");
        return chart;
    }

    private static XYChart.Series<Number, Number> series(String name, List<NightCharts.Point> points) {
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName(name);
        for (NightCharts.Point point : points) {
            series.getData().add(new XYChart.Data<>(point.hours(), point.value()));
        }
        return series;
    }

    private static <R> TableColumn<R, String> textColumn(String title, Function<R, String> text, double width) {
        TableColumn<R, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }

    private static Region spacer() {
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return spacer;
    }
}
