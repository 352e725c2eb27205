package org.cohortplanner.ui.simulation;

import static org.cohortplanner.ui.simulation.SimulationNodes.boundLabel;
import static org.cohortplanner.ui.simulation.SimulationNodes.labelledGrid;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.QueueOrder;
import org.cohortplanner.simulation.Patience;
import org.cohortplanner.simulation.ServiceTime;
import org.cohortplanner.ui.common.Texts;
import org.cohortplanner.ui.simulation.SimulationViewModel.ResultLine;

/**
 * The left of the Simulation screen: the closed-form estimate, why the form makes no night, "reset to plan" and
 * "calibrate", and the night's parameters by group (demand, booking system, waiting room, supply).
 */
final class ParametersPane {
    private static final double FORM_WIDTH = 380;

    private final SimulationViewModel viewModel;
    private final NightForm form;
    private final NightEstimate estimate;
    private final CalibrationViewModel calibration;
    private final FormControls controls;
    private final Texts texts;
    private final Node owner;
    private final ScrollPane root;

    /** {@code owner} is the screen, whose window owns the calibration dialog. */
    ParametersPane(SimulationViewModel viewModel, CalibrationViewModel calibration, FormControls controls,
                   Node owner) {
        this.viewModel = viewModel;
        this.form = viewModel.form();
        this.estimate = viewModel.estimate();
        this.calibration = calibration;
        this.controls = controls;
        this.texts = viewModel.texts();
        this.owner = owner;
        this.root = build();
    }

    Node root() {
        return root;
    }

    private ScrollPane build() {
        GridPane grid = labelledGrid(6);
        FormRows rows = new FormRows(grid);
        demand(rows);
        bookingSystem(rows);
        waitingRoom(rows);
        supply(rows);

        Label problem = boundLabel(estimate.parameterProblemProperty());
        problem.getStyleClass().add("problem-text");

        VBox content = new VBox(10, estimateBox(), problem, planButtons(), grid);
        content.setPadding(new Insets(4, 12, 12, 4));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPrefWidth(FORM_WIDTH);
        scroll.setMinWidth(FORM_WIDTH);
        scroll.getStyleClass().add("simulation-form");
        return scroll;
    }

    private void demand(FormRows rows) {
        rows.section(texts.get("form.demand"));
        rows.add(texts.get("form.uptake"), controls.shareSlider(form.uptakeProperty()));
        rows.add(texts.get("form.people"), boundLabel(estimate.peopleTextProperty()));
        rows.add(texts.get("form.accessMultiplier"),
                controls.doubleSpinner(form.accessMultiplierProperty(), 1, 50, 0.1));
        CheckBox table = new CheckBox(texts.get("form.arrivalTable"));
        table.selectedProperty().bindBidirectional(form.arrivalTableProperty());
        table.disableProperty().bind(form.planHasArrivalTableProperty().not());
        rows.wide(table);
        Node burst = controls.shareSlider(form.burstShareProperty());
        burst.disableProperty().bind(table.selectedProperty());
        rows.add(texts.get("form.burstShare"), burst);
        Spinner<Double> decay = controls.doubleSpinner(form.burstDecayMinutesProperty(), 1, 1440, 5);
        decay.disableProperty().bind(table.selectedProperty());
        rows.add(texts.get("form.burstDecay"), decay);
    }

    private void bookingSystem(FormRows rows) {
        rows.section(texts.get("form.bookingSystem"));
        rows.add(texts.get("form.concurrentSessions"),
                controls.intSpinner(form.concurrentSessionsProperty(), 1, 10_000_000, 1000));
        rows.add(texts.get("form.sessionMinutes"), controls.doubleSpinner(form.sessionMinutesProperty(), 0.5, 120,
                0.5));
        rows.add(texts.get("form.peoplePerHour"), boundLabel(estimate.peoplePerHourTextProperty()));
        ComboBox<ServiceTime.Kind> kind = new ComboBox<>();
        kind.getItems().setAll(ServiceTime.Kind.values());
        kind.setConverter(controls.enumTexts("form.serviceKind."));
        kind.valueProperty().bindBidirectional(form.serviceKindProperty());
        rows.add(texts.get("form.serviceKind"), kind);
        Spinner<Double> spread = controls.doubleSpinner(form.serviceSpreadProperty(), 0.1, 5, 0.1);
        spread.disableProperty().bind(form.serviceKindProperty().isNotEqualTo(ServiceTime.Kind.LOG_NORMAL));
        rows.add(texts.get("form.serviceSpread"), spread);
        rows.add(texts.get("form.stepSeconds"), controls.doubleSpinner(form.stepSecondsProperty(), 0, 10, 0.5));
        rows.add(texts.get("form.concurrentRequests"),
                controls.intSpinner(form.concurrentRequestsProperty(), 0, Integer.MAX_VALUE, 10_000));
        rows.add(texts.get("form.timeoutSeconds"), controls.doubleSpinner(form.timeoutSecondsProperty(), 0, 3600,
                5));
        rows.add(texts.get("form.restartMinutes"), controls.doubleSpinner(form.restartMinutesProperty(), 0, 1440,
                5));
        CheckBox changes = new CheckBox(texts.get("form.capacityChanges"));
        changes.selectedProperty().bindBidirectional(form.capacityChangesProperty());
        rows.wide(changes);
        rows.wide(boundLabel(estimate.capacityChangesTextProperty()));
    }

    private void waitingRoom(FormRows rows) {
        rows.section(texts.get("form.waitingRoomGroup"));
        CheckBox room = new CheckBox(texts.get("form.waitingRoom"));
        room.selectedProperty().bindBidirectional(form.waitingRoomProperty());
        rows.wide(room);
        Spinner<Integer> admitted = controls.intSpinner(form.admittedPerMinuteProperty(), 0, 10_000_000, 500);
        admitted.disableProperty().bind(room.selectedProperty().not());
        rows.add(texts.get("form.admittedPerMinute"), admitted);
        ComboBox<QueueOrder> order = new ComboBox<>();
        order.getItems().setAll(QueueOrder.values());
        order.setConverter(controls.enumTexts("form.queueOrder."));
        order.valueProperty().bindBidirectional(form.queueOrderProperty());
        order.disableProperty().bind(room.selectedProperty().not());
        rows.add(texts.get("form.queueOrder"), order);
        rows.add(texts.get("form.patience"), controls.doubleSpinner(form.patienceMinutesProperty(), 0, 1440, 5));
        ComboBox<Patience.Kind> patienceKind = new ComboBox<>();
        patienceKind.getItems().setAll(Patience.Kind.values());
        patienceKind.setConverter(controls.enumTexts("form.patienceKind."));
        patienceKind.valueProperty().bindBidirectional(form.patienceKindProperty());
        rows.add(texts.get("form.patienceKind"), patienceKind);
        rows.add(texts.get("form.retryProbability"), controls.shareSlider(form.retryProbabilityProperty()));
        rows.add(texts.get("form.retryDelay"), controls.doubleSpinner(form.retryDelayMinutesProperty(), 0, 1440,
                5));
    }

    private void supply(FormRows rows) {
        rows.section(texts.get("form.supply"));
        CheckBox limit = new CheckBox(texts.get("form.limitBySupply"));
        limit.selectedProperty().bindBidirectional(form.limitBySupplyProperty());
        rows.wide(limit);
        rows.add(texts.get("form.bookingLimit"), boundLabel(estimate.bookingLimitTextProperty()));
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
        seed.setEditable(true);
        seed.getValueFactory().setValue((int) form.seedProperty().get());
        seed.valueProperty().addListener((observable, before, after) -> form.seedProperty().set(after));
        rows.add(texts.get("form.seed"), seed);
    }

    /** "Reset to plan" and "calibrate", above the parameters, so that both stay in sight whatever the scroll. */
    private Node planButtons() {
        Button reset = new Button(texts.get("form.resetToPlan"));
        reset.setId(SimulationView.RESET_ID);
        reset.setOnAction(event -> viewModel.resetToPlan());
        Button calibrate = new Button(texts.get("form.calibrate"));
        calibrate.setId(SimulationView.CALIBRATE_ID);
        calibrate.disableProperty().bind(viewModel.windowProperty().isNull());
        calibrate.setOnAction(event -> calibrate());
        return new FlowPane(8, 6, reset, calibrate);
    }

    private Node estimateBox() {
        VBox box = new VBox(4);
        box.setId(SimulationView.ESTIMATE_ID);
        box.getStyleClass().add("estimate-box");
        Label estimateTitle = new Label(texts.get("estimate.title"));
        estimateTitle.getStyleClass().add("form-section");
        estimateTitle.setWrapText(true);
        GridPane estimateGrid = labelledGrid(2);
        estimate.estimateLines().addListener((ListChangeListener<ResultLine>) change ->
                fillFigures(estimateGrid, estimate.estimateLines()));
        fillFigures(estimateGrid, estimate.estimateLines());
        box.getChildren().addAll(estimateTitle, estimateGrid);
        return box;
    }

    /** Opens the calibration dialog for the window chosen, with the seed of the form. */
    private void calibrate() {
        SimulationViewModel.WindowChoice chosen = viewModel.windowProperty().get();
        if (chosen == null) {
            return;
        }
        calibration.open(chosen.cohortId(), form.seedProperty().get());
        new CalibrationDialog(calibration, owner.getScene() == null ? null : owner.getScene().getWindow())
                .showAndApply();
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
}
