package org.cohortplanner.ui.cohorts;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.Cohort;
import org.cohortplanner.planning.SplitKind;
import org.cohortplanner.planning.SplitPart;
import org.cohortplanner.ui.common.ColumnWidths;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * The split dialog: how to split, the first part's booking night, and a preview table of the parts (whose names can be
 * edited in place), all before anything changes. Apply (Enter) makes the split; Cancel (Escape) leaves the plan as it
 * was.
 */
final class SplitDialog {
    static final String PREVIEW_ID = "split-preview";
    static final String BOUNDARY_ID = "split-boundary";
    static final String GROUPS_ID = "split-groups";
    static final String PROBLEM_ID = "split-problem";
    static final String REASON_ID = "split-reason";
    static final String KIND_ID_PREFIX = "split-kind-";

    private final SplitDialogModel model;
    private final Texts texts;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final ButtonType apply;

    SplitDialog(SplitDialogModel model, Texts texts, Window owner) {
        this.model = model;
        this.texts = texts;
        Cohort parent = model.parent();
        dialog.initOwner(owner);
        dialog.setTitle(texts.get("split.title", parent.name()));
        dialog.setHeaderText(texts.get("split.parent", parent.name(), parent.birthYears().toString(),
                CohortDescriptions.digits(parent.birthDayDigits(), texts), Formats.count(parent.eligible(),
                        texts.locale())));
        apply = new ButtonType(texts.get("split.apply"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(apply, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(apply).disableProperty().bind(model.previewProperty().isNull());
        dialog.getDialogPane().setContent(content());
        dialog.getDialogPane().setPrefWidth(900);
        dialog.setResizable(true);
    }

    /** Shows the dialog and waits; applies the split when the planner chose Apply. */
    void showAndApply() {
        dialog.showAndWait().filter(apply::equals).ifPresent(chosen -> model.apply());
    }

    private VBox content() {
        ToggleGroup kinds = new ToggleGroup();
        HBox kindChoices = new HBox(12);
        for (SplitKind kind : SplitKind.values()) {
            RadioButton choice = new RadioButton(texts.get(switch (kind) {
                case AT_BIRTH_YEAR -> "split.kind.atYear";
                case BY_BIRTH_DAY_DIGIT -> "split.kind.byDigit";
                case EQUAL_PEOPLE -> "split.kind.equal";
            }));
            choice.setId(KIND_ID_PREFIX + kind.name());
            choice.setToggleGroup(kinds);
            choice.setUserData(kind);
            choice.setSelected(kind == model.kindProperty().get());
            kindChoices.getChildren().add(choice);
        }
        kinds.selectedToggleProperty().addListener((observable, before, after) -> {
            if (after != null) {
                model.kindProperty().set((SplitKind) after.getUserData());
            }
        });

        BirthCohortRange years = model.parent().birthYears();
        Spinner<Integer> boundary = spinner(BOUNDARY_ID, years.firstYear(), years.lastYear(),
                model.boundaryYearProperty());
        Spinner<Integer> groups = spinner(GROUPS_ID, 2, 100, model.groupsProperty());
        boundary.disableProperty().bind(model.kindProperty().isNotEqualTo(SplitKind.AT_BIRTH_YEAR));
        groups.disableProperty().bind(model.kindProperty().isEqualTo(SplitKind.AT_BIRTH_YEAR));

        WindowFields fields = new WindowFields(model.firstNight(), texts.locale());
        Label hint = new Label(texts.get("split.firstNight.hint") + " · "
                + texts.get("editor.zone", model.plan().zone().getId()));
        hint.getStyleClass().add("field-hint");
        HBox night = new HBox(6, fields.opensDate, fields.opensTime, new Label("–"), fields.closesDate,
                fields.closesTime);
        night.setAlignment(Pos.CENTER_LEFT);

        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText(texts.get("editor.reason.hint"));
        reason.textProperty().bindBidirectional(model.reasonProperty());

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label(texts.get("split.kind")), kindChoices);
        form.addRow(1, new Label(texts.get("split.boundary")), boundary);
        form.addRow(2, new Label(texts.get("split.groups")), groups);
        form.addRow(3, new Label(texts.get("split.firstNight")), new VBox(4, night, hint));
        form.addRow(4, new Label(texts.get("editor.reason")), reason);

        Label problem = new Label();
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("field-message");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        Label previewTitle = new Label(texts.get("split.preview"));
        previewTitle.getStyleClass().add("editor-title");
        return new VBox(12, form, previewTitle, previewTable(), problem);
    }

    private TableView<SplitPart> previewTable() {
        TableView<SplitPart> table = new TableView<>(model.parts());
        table.setId(PREVIEW_ID);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(240);
        int year = model.parent().vaccinationPeriod().firstDay().getYear();
        TableColumn<SplitPart, String> name = column("split.column.name", SplitPart::name, 110);
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        name.setOnEditCommit(edit -> model.rename(edit.getTablePosition().getRow(), edit.getNewValue()));
        table.setEditable(true);
        TableColumn<SplitPart, String> groups = column("split.column.groups",
                part -> model.groupsText(model.parts().indexOf(part)), 220);
        ColumnWidths.cutWithTooltip(groups);
        table.getColumns().setAll(List.of(
                name,
                column("split.column.who", part -> part.birthYears() + (part.allBirthDays() ? ""
                        : " · " + CohortDescriptions.digits(part.birthDayDigits(), texts)), 170),
                column("split.column.ages", part -> Formats.range(part.birthYears().youngestAgeIn(year),
                        part.birthYears().oldestAgeIn(year)), 60),
                column("split.column.people", part -> Formats.count(part.people(), texts.locale()), 90),
                column("split.column.opens", part -> Formats.shortDateTime(part.window().opens(), texts.locale()), 130),
                column("split.column.closes", part -> Formats.shortDateTime(part.window().closes(), texts.locale()),
                        130),
                column("split.column.period", part -> Formats.shortPeriod(part.vaccinationPeriod().firstDay(),
                        part.vaccinationPeriod().lastDay(), texts.locale()), 120),
                groups));
        ColumnWidths.fitToText(table);
        return table;
    }

    private TableColumn<SplitPart, String> column(String title, Function<SplitPart, String> text, double width) {
        TableColumn<SplitPart, String> column = new TableColumn<>(texts.get(title));
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(text.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private static Spinner<Integer> spinner(String id, int min, int max, ObjectProperty<Integer> value) {
        Spinner<Integer> spinner = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory values =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, value.get());
        spinner.setValueFactory(values);
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        spinner.setId(id);
        values.valueProperty().bindBidirectional(value);
        return spinner;
    }
}
