package org.cohortplanner.ui.supply;

import static org.cohortplanner.ui.supply.SupplyNodes.button;
import static org.cohortplanner.ui.supply.SupplyNodes.column;
import static org.cohortplanner.ui.supply.SupplyNodes.hideWhenEmpty;
import static org.cohortplanner.ui.supply.SupplyNodes.numeric;
import static org.cohortplanner.ui.supply.SupplyNodes.showWhenFilled;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.IntervalBasis;
import org.cohortplanner.domain.IntervalPolicy;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.domain.VaccineBrand;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.planning.slip.IntervalPreview;
import org.cohortplanner.planning.slip.SecondDoseMove;
import org.cohortplanner.ui.common.FieldMessages;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;

/**
 * The "Dose intervals" tab of the Supply screen: the plan's interval policies, the editor of one with the message of
 * what is wrong next to each field, and the preview of whose second doses move, with Save and the change list's
 * export. Enter on a policy changes it, Delete proposes removing it.
 */
final class IntervalPoliciesView {
    static final String POLICIES_ID = "intervals-policies";
    static final String ADD_ID = "intervals-add";
    static final String EDIT_ID = "intervals-edit";
    static final String REMOVE_ID = "intervals-remove";
    static final String EDITOR_ID = "intervals-editor";
    static final String POLICY_ID_ID = "policy-id";
    static final String FROM_ID = "policy-from";
    static final String BASIS_ID = "policy-basis";
    static final String DAYS_ID = "policy-days";
    static final String REASON_ID = "policy-reason";
    static final String SHOW_ID = "policy-show";
    static final String SAVE_ID = "policy-save";
    static final String CANCEL_ID = "policy-cancel";
    static final String EXPORT_ID = "policy-export";
    static final String PROBLEM_ID = "policy-problem";
    static final String SUMMARY_ID = "policy-preview-summary";
    static final String MOVES_ID = "policy-preview-moves";
    static final String DAYS_TABLE_ID = "policy-preview-days";
    private static final PseudoClass BEYOND = PseudoClass.getPseudoClass("invalid");

    static String brandId(String brand) {
        return "policy-brand-" + brand;
    }

    static String groupKindId(int line) {
        return "policy-group-kind-" + line;
    }

    static String groupDaysId(int line) {
        return "policy-group-days-" + line;
    }

    private final IntervalPoliciesViewModel model;
    private final Texts texts;
    private final VBox root = new VBox(8);
    private final VBox editorBox = new VBox(6);
    private final FieldMessages fields = new FieldMessages("policy-message-");

    IntervalPoliciesView(IntervalPoliciesViewModel model, Supplier<Plan> plan, ObservableList<String> brandNames,
            Texts texts) {
        this.model = model;
        this.texts = texts;
        Label hint = wrapped(texts.get("policy.hint"));
        hint.getStyleClass().add("field-hint");
        Label labels = wrapped(labelIntervals(plan.get()));
        labels.getStyleClass().add("field-hint");
        brandNames.addListener((ListChangeListener<String>) change -> labels.setText(labelIntervals(plan.get())));
        TableView<IntervalPolicy> table = policiesTable();
        Button add = button(ADD_ID, texts.get("policy.add"));
        add.setOnAction(event -> model.add());
        Button edit = button(EDIT_ID, texts.get("policy.edit"));
        edit.setOnAction(event -> model.change(table.getSelectionModel().getSelectedItem().id()));
        Button remove = button(REMOVE_ID, texts.get("policy.remove"));
        remove.setOnAction(event -> model.remove(table.getSelectionModel().getSelectedItem().id()));
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        table.setOnKeyPressed(event -> {
            IntervalPolicy chosen = table.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getCode() == KeyCode.ENTER) {
                model.change(chosen.id());
                event.consume();
            } else if (chosen != null && event.getCode() == KeyCode.DELETE) {
                model.remove(chosen.id());
                event.consume();
            }
        });
        HBox bar = new HBox(8, add, edit, remove);
        bar.setAlignment(Pos.CENTER_LEFT);

        editorBox.setId(EDITOR_ID);
        editorBox.getStyleClass().add("slip-pane");
        model.formProperty().addListener((observable, before, after) -> showEditor(after));
        model.removingProperty().addListener((observable, before, after) -> showEditor(model.formProperty().get()));
        model.fieldProblems().addListener((MapChangeListener<String, String>) change ->
                fields.show(model.fieldProblems()));
        showEditor(model.formProperty().get());

        VBox content = new VBox(8, hint, labels, bar, table, editorBox, previewPane());
        content.setPadding(new Insets(8, 4, 8, 0));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().add(scroll);
    }

    Parent root() {
        return root;
    }

    private String labelIntervals(Plan plan) {
        List<String> parts = plan.brands().stream().filter(VaccineBrand::needsSecondDose)
                .map(brand -> texts.get("policy.label", brand.name(), brand.interval().days(),
                        brand.interval().minimumDays(), brand.interval().maximumDays())).toList();
        return texts.get("policy.labels", String.join(", ", parts));
    }

    private TableView<IntervalPolicy> policiesTable() {
        TableView<IntervalPolicy> table = new TableView<>(model.policies());
        table.setId(POLICIES_ID);
        table.setPrefHeight(110);
        table.setMinHeight(80);
        table.setPlaceholder(new Label(texts.get("policy.empty")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getColumns().setAll(List.of(
                column(texts.get("policy.column.id"), IntervalPolicy::id, 120),
                column(texts.get("policy.column.brands"), p -> String.join(", ", p.brands()), 130),
                column(texts.get("policy.column.from"), p -> Formats.date(p.from(), texts.locale()), 110),
                column(texts.get("policy.column.basis"), p -> texts.get("policy.basis." + p.appliesTo().name()), 220),
                numeric(column(texts.get("policy.column.days"), p -> Integer.toString(p.days()), 70)),
                column(texts.get("policy.column.exceptions"), model::exceptionsText, 260),
                column(texts.get("policy.column.note"), IntervalPolicy::note, 400)));
        return table;
    }

    // ------------------------------------------------------------------------------------------------- editor

    private void showEditor(IntervalPolicyForm form) {
        editorBox.getChildren().clear();
        fields.clear();
        String removing = model.removingProperty().get();
        if (form == null && removing.isEmpty()) {
            editorBox.setVisible(false);
            editorBox.setManaged(false);
            return;
        }
        editorBox.setVisible(true);
        editorBox.setManaged(true);
        if (form == null) {
            Label title = wrapped(texts.get("policy.titleRemove", removing));
            title.getStyleClass().add("section-title");
            editorBox.getChildren().addAll(title, reasonRow(), actions());
            return;
        }
        Label title = new Label(form.replacing() == null ? texts.get("policy.titleNew")
                : texts.get("policy.titleEdit", form.replacing()));
        title.getStyleClass().add("section-title");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(2);
        TextField id = new TextField();
        id.setId(POLICY_ID_ID);
        id.textProperty().bindBidirectional(form.idProperty());
        fields.field(grid, texts.get("policy.id"), IntervalPolicyForm.FIELD_ID, id, id);
        FlowPane brands = new FlowPane(10, 4);
        for (Map.Entry<String, BooleanProperty> brand : form.brands().entrySet()) {
            CheckBox box = new CheckBox(brand.getKey());
            box.setId(brandId(brand.getKey()));
            box.selectedProperty().bindBidirectional(brand.getValue());
            brands.getChildren().add(box);
        }
        fields.field(grid, texts.get("policy.brands"), IntervalPolicyForm.FIELD_BRANDS, brands, brands);
        DatePicker from = Formats.styled(new DatePicker(), texts.locale());
        from.setId(FROM_ID);
        from.valueProperty().bindBidirectional(form.fromProperty());
        fields.field(grid, texts.get("policy.from"), IntervalPolicyForm.FIELD_FROM, from, from);
        ComboBox<IntervalBasis> basis = new ComboBox<>();
        basis.setId(BASIS_ID);
        basis.getItems().setAll(IntervalBasis.values());
        basis.setCellFactory(list -> new TextCell<>(b -> texts.get("policy.basis." + b.name())));
        basis.setButtonCell(new TextCell<>(b -> texts.get("policy.basis." + b.name())));
        basis.valueProperty().bindBidirectional(form.basisProperty());
        fields.field(grid, texts.get("policy.basis"), "basis", basis, basis);
        TextField days = new TextField();
        days.setId(DAYS_ID);
        days.setPrefColumnCount(5);
        days.textProperty().bindBidirectional(form.daysProperty());
        Label weeks = new Label();
        weeks.textProperty().bind(model.weeksProperty());
        Label allowed = wrapped("");
        allowed.getStyleClass().add("field-hint");
        allowed.textProperty().bind(model.allowedProperty());
        HBox daysLine = new HBox(8, days, weeks);
        daysLine.setAlignment(Pos.CENTER_LEFT);
        fields.field(grid, texts.get("policy.days"), IntervalPolicyForm.FIELD_DAYS, new VBox(4, daysLine, allowed),
                days);
        fields.field(grid, texts.get("policy.groups"), IntervalPolicyForm.FIELD_EXCEPTIONS, groupsGrid(form));
        TextField note = new TextField();
        note.textProperty().bindBidirectional(form.noteProperty());
        fields.field(grid, texts.get("policy.note"), Problem.FIELD_INTERVAL_POLICIES, note, note);
        editorBox.getChildren().addAll(title, grid, reasonRow(), actions());
        fields.show(model.fieldProblems());
        id.requestFocus();
    }

    private Node groupsGrid(IntervalPolicyForm form) {
        if (form.groups().isEmpty()) {
            Label none = wrapped(texts.get("policy.groups.none"));
            none.getStyleClass().add("field-hint");
            return none;
        }
        GridPane lines = new GridPane();
        lines.setHgap(8);
        lines.setVgap(4);
        for (int i = 0; i < form.groups().size(); i++) {
            IntervalPolicyForm.GroupLine line = form.groups().get(i);
            ComboBox<IntervalPolicyForm.ExceptionKind> kind = new ComboBox<>();
            kind.setId(groupKindId(i));
            kind.getItems().setAll(IntervalPolicyForm.ExceptionKind.values());
            kind.setCellFactory(list -> new TextCell<>(k -> texts.get("policy.kind." + k.name())));
            kind.setButtonCell(new TextCell<>(k -> texts.get("policy.kind." + k.name())));
            kind.valueProperty().bindBidirectional(line.kindProperty());
            TextField days = new TextField();
            days.setId(groupDaysId(i));
            days.setPrefColumnCount(4);
            days.textProperty().bindBidirectional(line.daysProperty());
            days.disableProperty().bind(line.kindProperty().isNotEqualTo(IntervalPolicyForm.ExceptionKind.OWN_DAYS));
            lines.addRow(i, new Label(line.group()), kind, days);
        }
        return lines;
    }

    private Node reasonRow() {
        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText(texts.get("policy.reason.hint"));
        reason.textProperty().bindBidirectional(model.reasonProperty());
        HBox.setHgrow(reason, Priority.ALWAYS);
        HBox line = new HBox(8, new Label(texts.get("policy.reason")), reason);
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private Node actions() {
        Button show = button(SHOW_ID, texts.get("policy.show"));
        show.setOnAction(event -> model.preview());
        show.disableProperty().bind(model.busyProperty());
        Button save = button(SAVE_ID, texts.get("policy.save"));
        save.getStyleClass().add("accent");
        save.setOnAction(event -> model.save());
        save.disableProperty().bind(model.previewProperty().isNull().or(model.busyProperty()));
        Button cancel = button(CANCEL_ID, texts.get("policy.cancel"));
        cancel.setOnAction(event -> model.cancel());
        FlowPane buttons = new FlowPane(8, 8, show, save, cancel);
        return buttons;
    }

    // ------------------------------------------------------------------------------------------------ preview

    private Node previewPane() {
        Label problem = wrapped("");
        problem.setId(PROBLEM_ID);
        problem.getStyleClass().add("supply-problem");
        problem.textProperty().bind(model.problemProperty());
        hideWhenEmpty(problem);
        Label summary = wrapped("");
        summary.setId(SUMMARY_ID);
        summary.getStyleClass().add("impact-summary");
        summary.textProperty().bind(model.summaryProperty());
        hideWhenEmpty(summary);
        Label byGroup = wrapped("");
        byGroup.textProperty().bind(model.byGroupProperty());
        hideWhenEmpty(byGroup);

        Label movesTitle = new Label(texts.get("policy.preview.moves"));
        movesTitle.getStyleClass().add("section-title");
        TableView<SecondDoseMove> moves = new TableView<>(model.moves());
        moves.setId(MOVES_ID);
        moves.setPrefHeight(240);
        moves.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        moves.getColumns().setAll(List.of(
                column(texts.get("impact.cohort"), m -> model.cohortNames().getOrDefault(m.cohortId(), m.cohortId()),
                        110),
                column(texts.get("policy.move.group"), m -> m.group() == null ? "" : m.group(), 130),
                column(texts.get("impact.region"), SecondDoseMove::region, 90),
                numeric(column(texts.get("moves.people"), m -> count(m.people()), 80)),
                column(texts.get("moves.brandTold"), SecondDoseMove::brandBefore, 84),
                column(texts.get("moves.told"), m -> date(m.secondDoseBefore()), 120),
                column(texts.get("moves.now"), m -> m.secondDoseAfter() == null ? texts.get("moves.noDate")
                        : date(m.secondDoseAfter()), 120),
                numeric(column(texts.get("policy.move.daysMoved"),
                        m -> m.daysMoved() == null ? "" : signed(m.daysMoved()), 80))));
        Button export = button(EXPORT_ID, texts.get("policy.export"));
        export.setOnAction(event -> model.exportMoves());
        export.disableProperty().bind(model.busyProperty());
        VBox movesBox = new VBox(6, movesTitle, moves, export);
        showWhenFilled(movesBox, model.moves());

        Label daysTitle = new Label(texts.get("policy.preview.days"));
        daysTitle.getStyleClass().add("section-title");
        TableView<IntervalPreview.Dose2Day> days = new TableView<>(model.days());
        days.setId(DAYS_TABLE_ID);
        days.setPrefHeight(200);
        days.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        days.getColumns().setAll(List.of(
                column(texts.get("policy.day.day"), d -> date(d.day()), 120),
                column(texts.get("impact.brand"), IntervalPreview.Dose2Day::brand, 84),
                numeric(column(texts.get("policy.day.before"), d -> count(d.dueBefore()), 90)),
                numeric(column(texts.get("policy.day.after"), d -> count(d.dueAfter()), 90)),
                numeric(column(texts.get("policy.day.freed"), d -> signed(d.freed()), 120)),
                numeric(column(texts.get("policy.day.capacity"), d -> count(d.capacity()), 90)),
                numeric(column(texts.get("policy.day.stockBefore"), d -> count(d.stockBefore()), 100)),
                numeric(column(texts.get("policy.day.stockAfter"), d -> count(d.stockAfter()), 100)),
                column(texts.get("policy.day.beyond"), d -> d.beyondCapacity() ? "\u26a0 "
                        + texts.get("policy.day.beyond") : "", 120)));
        days.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(IntervalPreview.Dose2Day item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(BEYOND, !empty && item != null && item.beyondCapacity());
            }
        });
        VBox daysBox = new VBox(6, daysTitle, days);
        showWhenFilled(daysBox, model.days());
        return new VBox(8, problem, summary, byGroup, movesBox, daysBox);
    }

    // -------------------------------------------------------------------------------------------------- parts

    private String count(long value) {
        return Formats.count(value, texts.locale());
    }

    private String signed(long value) {
        return (value > 0 ? "+" : "") + count(value);
    }

    private String date(LocalDate day) {
        return Formats.date(day, texts.locale());
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    /** A list cell that shows a value in words. */
    private static final class TextCell<T> extends ListCell<T> {
        private final Function<T, String> text;

        TextCell(Function<T, String> text) {
            this.text = text;
        }

        @Override
        protected void updateItem(T item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : text.apply(item));
        }
    }
}
