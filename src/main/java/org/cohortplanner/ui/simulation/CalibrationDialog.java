package org.cohortplanner.ui.simulation;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.cohortplanner.simulation.NightCalibration.Kind;
import org.cohortplanner.simulation.NightCalibration.Observation;
import org.cohortplanner.simulation.NightCalibration.Parameter;
import org.cohortplanner.ui.simulation.CalibrationViewModel.ParameterLine;
import org.cohortplanner.ui.simulation.CalibrationViewModel.ResidualLine;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * The calibration dialog of the Simulation screen: the figures observed on the chosen window's night (from a file or
 * typed in), the parameters to fit, Fit (in the background, with progress and Cancel), the fitted values beside the
 * plan's and each figure beside the fitted night. Apply puts the fitted values into the plan as one undoable step;
 * Close (Escape) leaves the plan as it was.
 */
final class CalibrationDialog {
    static final String OBSERVATIONS_ID = "calibration-observations";
    static final String OPEN_ID = "calibration-open";
    static final String REMOVE_ID = "calibration-remove";
    static final String KIND_ID = "calibration-kind";
    static final String DATE_ID = "calibration-date";
    static final String TIME_ID = "calibration-time";
    static final String VALUE_ID = "calibration-value";
    static final String SOURCE_ID = "calibration-source";
    static final String ADD_ID = "calibration-add";
    static final String FIT_ID = "calibration-fit";
    static final String CANCEL_FIT_ID = "calibration-cancel";
    static final String PARAMETERS_ID = "calibration-parameters";
    static final String RESIDUALS_ID = "calibration-residuals";
    static final String PROBLEM_ID = "calibration-problem";
    static final String STATUS_ID = "calibration-status";
    static final String PARAMETER_ID_PREFIX = "calibration-fit-";

    private final CalibrationViewModel model;
    private final Texts texts;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType apply;

    CalibrationDialog(CalibrationViewModel model, Window owner) {
        this.model = model;
        this.texts = model.texts();
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("calibration.title"));
        dialog.setHeaderText(model.windowTitleProperty().get());
        apply = new ButtonType(texts.get("calibration.apply"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, ButtonType.CLOSE);
        dialog.getDialogPane().lookupButton(apply).disableProperty().bind(model.canApplyProperty().not());
        dialog.getDialogPane().setContent(content());
        // A dialog has a scene of its own: give it the console's look and the screen's.
        dialog.getDialogPane().getStylesheets().addAll(
                CalibrationDialog.class.getResource("/org/cohortplanner/ui/console.css").toExternalForm(),
                CalibrationDialog.class.getResource("simulation.css").toExternalForm());
        dialog.getDialogPane().getStyleClass().add("simulation-screen");
        dialog.getDialogPane().setPrefWidth(940);
        dialog.setResizable(true);
    }

    /** Shows the dialog and waits; applies the fit when the planner chose Apply, cancels a running fit otherwise. */
    void showAndApply() {
        dialog.showAndWait().filter(apply::equals).ifPresentOrElse(chosen -> model.apply(), model::cancel);
    }

    private VBox content() {
        Label observedTitle = title("calibration.observed");
        Label observedHint = hint("calibration.observed.hint");
        TableView<Observation> observed = observationsTable();
        Button open = new Button(texts.get("calibration.open"));
        open.setId(OPEN_ID);
        open.setOnAction(event -> model.loadFile());
        Button remove = new Button(texts.get("calibration.remove"));
        remove.setId(REMOVE_ID);
        remove.disableProperty().bind(observed.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(event -> model.removeObservation(observed.getSelectionModel().getSelectedIndex()));
        observed.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                model.removeObservation(observed.getSelectionModel().getSelectedIndex());
            }
        });
        HBox fileButtons = new HBox(8, open, remove);

        Label fitTitle = title("calibration.fitTitle");
        FlowPane parameters = parameterChoices();
        HBox run = runControls();
        Label status = new Label();
        status.setId(STATUS_ID);
        status.setWrapText(true);
        status.getStyleClass().add("screen-summary");
        status.textProperty().bind(model.statusProperty());

        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("problem-text");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        Label resultTitle = title("calibration.result");
        TableView<ParameterLine> fitted = table(PARAMETERS_ID, model.parameterLines(),
                texts.get("calibration.result.none"), 130, List.of(
                        column("calibration.column.parameter", ParameterLine::name, 170),
                        column("calibration.column.plan", ParameterLine::before, 110),
                        column("calibration.column.fitted", ParameterLine::fitted, 110),
                        column("calibration.column.unit", ParameterLine::unit, 260)));
        TableView<ResidualLine> residuals = table(RESIDUALS_ID, model.residualLines(), "", 130, List.of(
                column("calibration.column.figure", ResidualLine::figure, 170),
                column("calibration.column.at", ResidualLine::at, 150),
                column("calibration.column.observed", ResidualLine::observed, 170),
                column("calibration.column.modelled", ResidualLine::modelled, 170),
                column("calibration.column.error", ResidualLine::error, 90)));

        VBox content = new VBox(8, observedTitle, observedHint, observed, newFigure(), fileButtons, problem,
                fitTitle, parameters, run, status, resultTitle, fitted, residuals);
        VBox.setVgrow(observed, Priority.ALWAYS);
        return content;
    }

    /** A check box per parameter the fit may change. */
    private FlowPane parameterChoices() {
        FlowPane parameters = new FlowPane(14, 6);
        for (Parameter parameter : Parameter.values()) {
            CheckBox box = new CheckBox(texts.get("calibration.parameter." + parameter.key()));
            box.setId(PARAMETER_ID_PREFIX + parameter.key());
            box.selectedProperty().bindBidirectional(model.chosenProperty(parameter));
            parameters.getChildren().add(box);
        }
        return parameters;
    }

    /** The seed, fit and cancel, with the fit's progress. */
    private HBox runControls() {
        Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, (int) model.seedProperty().get());
        seed.setEditable(true);
        seed.setPrefWidth(110);
        seed.valueProperty().addListener((observable, before, after) -> model.seedProperty().set(after));
        Button fit = new Button(texts.get("calibration.fit"));
        fit.setId(FIT_ID);
        fit.setOnAction(event -> model.fit());
        fit.disableProperty().bind(model.runningProperty());
        Button cancel = new Button(texts.get("calibration.cancel"));
        cancel.setId(CANCEL_FIT_ID);
        cancel.disableProperty().bind(model.runningProperty().not());
        cancel.setOnAction(event -> model.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(160);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        Label seedLabel = new Label(texts.get("form.seed"));
        for (Region fixed : List.<Region>of(seedLabel, fit, cancel)) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox run = new HBox(10, seedLabel, seed, fit, cancel, progress);
        run.setAlignment(Pos.CENTER_LEFT);
        return run;
    }

    private TableView<Observation> observationsTable() {
        return table(OBSERVATIONS_ID, model.observations(), texts.get("calibration.observed.none"), 150, List.of(
                column("calibration.column.figure", o -> model.kindName(o.kind()), 170),
                column("calibration.column.at", o -> model.formats().dateTime(o.at()), 150),
                column("calibration.column.value", model::describe, 150),
                column("calibration.column.source", Observation::source, 360)));
    }

    /** A table of the dialog: its rows, what it shows while empty, its height and its columns. */
    private static <R> TableView<R> table(String id, ObservableList<R> rows, String empty, double height,
                                          List<TableColumn<R, String>> columns) {
        TableView<R> table = new TableView<>(rows);
        table.setId(id);
        table.setPlaceholder(new Label(empty));
        table.setPrefHeight(height);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(columns);
        return table;
    }

    private Node newFigure() {
        ComboBox<Kind> kind = new ComboBox<>();
        kind.setId(KIND_ID);
        kind.getItems().setAll(Kind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(Kind value) {
                return value == null ? "" : model.kindName(value);
            }

            @Override
            public Kind fromString(String text) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.newKindProperty());
        DatePicker date = Formats.styled(new DatePicker(), texts.locale());
        date.setId(DATE_ID);
        date.setPrefWidth(130);
        date.valueProperty().bindBidirectional(model.newDateProperty());
        TextField time = field(TIME_ID, model.newTimeProperty(), "15:30", 5);
        TextField value = field(VALUE_ID, model.newValueProperty(), texts.get("calibration.value.hint"), 9);
        value.disableProperty().bind(model.newKindProperty().isEqualTo(Kind.SUSPENDED_AT));
        TextField source = field(SOURCE_ID, model.newSourceProperty(), texts.get("calibration.source.hint"), 18);
        HBox.setHgrow(source, Priority.ALWAYS);
        Button add = new Button(texts.get("calibration.add"));
        add.setId(ADD_ID);
        add.setMinWidth(Region.USE_PREF_SIZE);
        add.setOnAction(event -> model.addObservation());
        for (TextField typed : List.of(time, value, source)) {
            typed.setOnAction(event -> model.addObservation());
        }
        HBox row = new HBox(6, kind, date, time, value, source, add);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TextField field(String id, javafx.beans.property.StringProperty text, String prompt, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(text);
        return field;
    }

    private Label title(String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add("form-section");
        return label;
    }

    private Label hint(String key) {
        Label label = new Label(texts.get(key));
        label.getStyleClass().add("screen-summary");
        label.setWrapText(true);
        return label;
    }

    private <R> TableColumn<R, String> column(String key, Function<R, String> text, double width) {
        TableColumn<R, String> column = new TableColumn<>(texts.get(key));
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        column.setPrefWidth(width);
        column.setSortable(false);
        return column;
    }
}
