package org.cohortplanner.ui.simulation;

import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.cohortplanner.ui.common.Texts;

/**
 * The Simulation screen: the night's parameters on the left with an instant closed-form estimate
 * ({@link ParametersPane}), and on the right the simulated night, charts and figures ({@link NightPane}), the split
 * advisor ({@link AdvisorPane}) and the scenario comparison ({@link ComparisonPane}). Above them the window, run
 * and cancel, and the auto-run that runs again after every change.
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

    private final SimulationViewModel viewModel;
    private final Texts texts;
    private final BorderPane root = new BorderPane();
    private final CheckBox autoRun;
    private final PauseTransition autoRunDelay = new PauseTransition(AUTO_RUN_DELAY);

    public SimulationView(SimulationViewModel viewModel, CalibrationViewModel calibration) {
        this.viewModel = viewModel;
        // The fitted values are in the plan once applied: show them in the form, as "reset to plan" would.
        calibration.setOnApplied(viewModel::resetToPlan);
        this.texts = viewModel.texts();
        FormControls controls = new FormControls(texts, viewModel.formats());
        autoRun = new CheckBox(texts.get("run.auto"));
        autoRun.setId(AUTO_RUN_ID);

        root.setTop(heading());
        root.setLeft(new ParametersPane(viewModel, calibration, controls, root).root());
        root.setCenter(tabs(controls));
        BorderPane.setMargin(root.getLeft(), new Insets(0, 12, 0, 0));
        root.getStyleClass().addAll("screen", "simulation-screen");
        root.getStylesheets().add(SimulationView.class.getResource("simulation.css").toExternalForm());

        autoRunDelay.setOnFinished(event -> viewModel.night().run());
        for (Observable input : autoRunInputs()) {
            input.addListener(changed -> {
                if (autoRun.isSelected()) {
                    autoRunDelay.playFromStart();
                }
            });
        }
    }

    public Parent root() {
        return root;
    }

    /** Every value that changes the night simulated: the form's, the seed and the window. */
    private List<Observable> autoRunInputs() {
        NightForm form = viewModel.form();
        return List.of(form.uptakeProperty(), form.accessMultiplierProperty(),
                form.burstShareProperty(), form.burstDecayMinutesProperty(),
                form.arrivalTableProperty(), form.patienceKindProperty(), form.stepSecondsProperty(),
                form.concurrentRequestsProperty(), form.timeoutSecondsProperty(),
                form.restartMinutesProperty(),
                form.concurrentSessionsProperty(), form.sessionMinutesProperty(),
                form.serviceKindProperty(), form.serviceSpreadProperty(),
                form.capacityChangesProperty(), form.waitingRoomProperty(),
                form.admittedPerMinuteProperty(), form.queueOrderProperty(),
                form.patienceMinutesProperty(), form.retryProbabilityProperty(),
                form.retryDelayMinutesProperty(), form.limitBySupplyProperty(), form.seedProperty(),
                viewModel.windowProperty());
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
        run.setOnAction(event -> viewModel.night().run());
        Button cancel = new Button(texts.get("run.cancel"));
        cancel.setId(CANCEL_ID);
        cancel.disableProperty().bind(viewModel.night().runningProperty().not());
        cancel.setOnAction(event -> viewModel.night().cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId(PROGRESS_ID);
        progress.setPrefWidth(160);
        progress.progressProperty().bind(viewModel.night().progressProperty());
        progress.visibleProperty().bind(viewModel.night().runningProperty());
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

    private Node tabs(FormControls controls) {
        Tab night = new Tab(texts.get("tab.night"), new NightPane(viewModel).root());
        Tab advisor = new Tab(texts.get("tab.advisor"), new AdvisorPane(viewModel, controls).root());
        Tab comparison = new Tab(texts.get("tab.comparison"), new ComparisonPane(viewModel, controls).root());
        TabPane tabs = new TabPane(night, advisor, comparison);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }
}
