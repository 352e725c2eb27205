package org.cohortplanner.ui.remote;

import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.cohortplanner.ui.common.ChartEmptyState;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * Live booking night: the backend's bookings, turn-aways and queue per minute since the chosen window opened, as
 * solid lines, and the simulation's prediction for the same window as dashed lines of the same colour, on shared
 * axes. Polls the backend every few seconds while the window is showing.
 */
public final class LiveNightView {
    public static final String ROOT_ID = "live-night";
    public static final String WINDOW_ID = "live-window";
    public static final String SUMMARY_ID = "live-summary";
    public static final String PREDICTION_ID = "live-prediction";
    public static final String PROBLEM_ID = "live-problem";
    public static final String CLOSE_ID = "live-close";
    public static final String RATE_CHART_ID = "live-rate-chart";
    public static final String QUEUE_CHART_ID = "live-queue-chart";

    private final LiveNightViewModel model;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    private final NumberAxis rateMinutes = new NumberAxis();
    private final NumberAxis queueMinutes = new NumberAxis();
    private final XYChart.Series<Number, Number> bookedLive = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> bookedPredicted = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> awayLive = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> awayPredicted = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> queueLive = new XYChart.Series<>();
    private final XYChart.Series<Number, Number> queuePredicted = new XYChart.Series<>();
    private final Timeline polling;
    private Stage stage;

    public LiveNightView(LiveNightViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.texts = model.texts();
        bookedLive.setName(texts.get("live.bookedBackend"));
        bookedPredicted.setName(texts.get("live.bookedPredicted"));
        awayLive.setName(texts.get("live.turnedAwayBackend"));
        awayPredicted.setName(texts.get("live.turnedAwayPredicted"));
        queueLive.setName(texts.get("live.queueBackend"));
        queuePredicted.setName(texts.get("live.queuePredicted"));

        ComboBox<LiveNightViewModel.Window> windows = new ComboBox<>(model.windows());
        windows.setId(WINDOW_ID);
        windows.valueProperty().bindBidirectional(model.windowProperty());
        windows.setCellFactory(list -> new WindowCell(texts.locale()));
        windows.setButtonCell(new WindowCell(texts.locale()));
        windows.setPrefWidth(420);
        Button close = new Button(texts.get("live.close"));
        close.setId(CLOSE_ID);
        close.setCancelButton(true);
        close.setOnAction(event -> {
            if (stage != null) {
                stage.hide();
            }
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox chooser = new HBox(10, new Label(texts.get("live.window")), windows, spacer, close);
        chooser.setAlignment(Pos.CENTER_LEFT);

        Label summary = label(SUMMARY_ID, "live-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label prediction = label(PREDICTION_ID, "live-prediction");
        prediction.textProperty().bind(model.predictionSummaryProperty());
        Label problem = label(PROBLEM_ID, "live-problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        VBox top = new VBox(8, chooser, problem, summary, prediction);

        LineChart<Number, Number> rates = chart(RATE_CHART_ID, rateMinutes, texts.get("live.perMinute"));
        rates.getData().setAll(List.of(bookedLive, bookedPredicted, awayLive, awayPredicted));
        LineChart<Number, Number> queue = chart(QUEUE_CHART_ID, queueMinutes, texts.get("live.queue"));
        queue.getStyleClass().add("queue-chart");
        queue.getData().setAll(List.of(queueLive, queuePredicted));
        Node ratesPane = ChartEmptyState.of(rates, texts.get("live.empty"));
        Node queuePane = ChartEmptyState.of(queue, texts.get("live.empty"));
        VBox charts = new VBox(6, ratesPane, queuePane);
        VBox.setVgrow(ratesPane, Priority.ALWAYS);
        VBox.setVgrow(queuePane, Priority.ALWAYS);

        root.setId(ROOT_ID);
        root.getStyleClass().add("live-night");
        root.setTop(top);
        root.setCenter(charts);
        BorderPane.setMargin(charts, new Insets(10, 0, 0, 0));
        root.setPadding(new Insets(14));
        root.setPrefSize(1000, 720);

        model.liveProperty().addListener((observable, before, after) -> redraw());
        model.predictedProperty().addListener((observable, before, after) -> redraw());
        polling = new Timeline(new KeyFrame(Duration.millis(LiveNightViewModel.POLL_EVERY.toMillis()),
                event -> model.poll()));
        polling.setCycleCount(Timeline.INDEFINITE);
    }

    private LineChart<Number, Number> chart(String id, NumberAxis minutes, String title) {
        minutes.setLabel(texts.get("live.minute"));
        minutes.setForceZeroInRange(true);
        NumberAxis people = new NumberAxis();
        people.setLabel(texts.get("live.people"));
        people.setTickLabelFormatter(new NumberAxis.DefaultFormatter(people) {
            @Override
            public String toString(Number value) {
                return Formats.count(value.longValue(), texts.locale());
            }
        });
        LineChart<Number, Number> chart = new LineChart<>(minutes, people);
        chart.setId(id);
        chart.getStyleClass().add("live-chart");
        chart.setTitle(title);
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        return chart;
    }

    private void redraw() {
        List<LiveNightViewModel.Point> live = model.liveProperty().get();
        List<LiveNightViewModel.Point> predicted = model.predictedProperty().get();
        fill(bookedLive, live, LiveNightViewModel.Point::booked);
        fill(bookedPredicted, predicted, LiveNightViewModel.Point::booked);
        fill(awayLive, live, LiveNightViewModel.Point::turnedAway);
        fill(awayPredicted, predicted, LiveNightViewModel.Point::turnedAway);
        fill(queueLive, live, LiveNightViewModel.Point::queue);
        fill(queuePredicted, predicted, LiveNightViewModel.Point::queue);
    }

    private static void fill(XYChart.Series<Number, Number> series, List<LiveNightViewModel.Point> points,
                             ToLongFunction<LiveNightViewModel.Point> value) {
        List<XYChart.Data<Number, Number>> data = points.stream()
                .map(point -> new XYChart.Data<Number, Number>(point.minute(), value.applyAsLong(point)))
                .toList();
        series.getData().setAll(data);
    }

    private static Label label(String id, String style) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        return label;
    }

    public Parent root() {
        return root;
    }

    /** Polls the backend at once and every few seconds until hidden. */
    public void start() {
        model.poll();
        polling.play();
    }

    public void stop() {
        polling.stop();
        model.stop();
    }

    /** Shows the view in a window of its own beside the console; one window however often it is asked for. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.initOwner(owner);
            stage.setTitle(texts.get("live.title"));
            Scene scene = new Scene(root);
            RemoteStyles.apply(scene);
            stage.setScene(scene);
            stage.setOnHidden(event -> stop());
        }
        stage.show();
        stage.toFront();
        start();
    }

    private static final class WindowCell extends ListCell<LiveNightViewModel.Window> {
        private final java.util.Locale locale;

        WindowCell(java.util.Locale locale) {
            this.locale = locale;
        }

        @Override
        protected void updateItem(LiveNightViewModel.Window window, boolean empty) {
            super.updateItem(window, empty);
            setText(empty || window == null ? null : window.name() + " · " + Formats.shortDateTime(window.opens(), locale)
                    + " – " + Formats.shortDateTime(window.closes(), locale));
        }
    }
}
