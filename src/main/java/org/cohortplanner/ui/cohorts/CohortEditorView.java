package org.cohortplanner.ui.cohorts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.cohortplanner.domain.AllocationRule;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.CohortGroup;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.Plan;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.ui.common.FieldMessages;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.Texts;
import org.controlsfx.control.CheckListView;
import org.controlsfx.control.RangeSlider;

/**
 * The cohort editor panel beside the table: every field of one cohort, each with the message of what is wrong with it
 * under it (and a red border) as the planner types. Enter saves, Escape closes without saving.
 */
final class CohortEditorView {
    static final String PANEL_ID = "cohort-editor";
    static final String NAME_ID = "cohort-editor-name";
    static final String FIRST_YEAR_ID = "cohort-editor-first-year";
    static final String LAST_YEAR_ID = "cohort-editor-last-year";
    static final String YEARS_SLIDER_ID = "cohort-editor-years";
    static final String RESERVATION_CAP_ID = "cohort-editor-reservation-cap";
    static final String SAVE_ID = "cohort-editor-save";
    static final String CANCEL_ID = "cohort-editor-cancel";
    static final String REASON_ID = "cohort-editor-reason";
    static final String RULES_ID = "cohort-editor-rules";
    static final String RULE_ADD_ID = "cohort-editor-rule-add";
    static final String RULE_EDIT_ID = "cohort-editor-rule-edit";
    static final String RULE_REMOVE_ID = "cohort-editor-rule-remove";
    static final String RULE_ID_ID = "rule-id";
    static final String RULE_REGIONS_ID = "rule-regions";
    static final String RULE_FIRST_DAY_ID = "rule-first-day";
    static final String RULE_LAST_DAY_ID = "rule-last-day";
    static final String RULE_EXCEPT_ID = "rule-except";
    static final String RULE_PROBLEMS_ID = "rule-problems";
    static final String GROUPS_ID = "cohort-editor-groups";
    static final String GROUP_ADD_ID = "cohort-editor-group-add";
    static final String GROUP_EDIT_ID = "cohort-editor-group-edit";
    static final String GROUP_REMOVE_ID = "cohort-editor-group-remove";
    static final String GROUP_NAME_ID = "group-name";
    static final String GROUP_PEOPLE_ID = "group-as-people";
    static final String GROUP_SHARE_ID = "group-as-share";
    static final String GROUP_SIZE_ID = "group-size";
    static final String GROUP_ESTIMATE_ID = "group-estimate";
    static final String GROUP_PROBLEMS_ID = "group-problems";
    private static final int YEARS_AROUND = 10;

    private final CohortEditor editor;
    private final Texts texts;
    private final VBox root = new VBox(10);
    private final GridPane grid = new GridPane();
    private final TextField nameField = new TextField();
    private final FieldMessages fields = new FieldMessages("cohort-editor-message-");
    private boolean syncing;

    CohortEditorView(CohortEditor editor, String zone, Texts texts, Runnable save, Runnable cancel) {
        this.editor = editor;
        this.texts = texts;
        Label title = new Label(editor.isAdding() ? texts.get("editor.titleNew")
                : texts.get("editor.titleEdit", editor.original().name()));
        title.getStyleClass().add("editor-title");

        grid.setHgap(8);
        grid.setVgap(2);
        nameField.setId(NAME_ID);
        nameField.textProperty().bindBidirectional(editor.nameProperty());
        field(texts.get("editor.name"), CohortEditor.FIELD_NAME, nameField, nameField);
        birthYears();
        TextField digits = new TextField();
        digits.setPromptText(texts.get("editor.digits.hint"));
        digits.textProperty().bindBidirectional(editor.digitsProperty());
        field(texts.get("editor.digits"), CohortEditor.FIELD_DIGITS, digits, digits);
        window(zone);
        DatePicker firstDay = datePicker(editor.firstDayProperty());
        DatePicker lastDay = datePicker(editor.lastDayProperty());
        field(texts.get("editor.period"), Problem.FIELD_VACCINATION_PERIOD, new HBox(6, firstDay, new Label("–"),
                lastDay), firstDay);
        peopleFields();
        brands();
        rules();
        groups();
        statusAndReason();

        Label cannotSave = new Label(texts.get("editor.cannotSave"));
        cannotSave.getStyleClass().add("field-message");
        cannotSave.visibleProperty().bind(editor.saveableProperty().not());
        cannotSave.managedProperty().bind(cannotSave.visibleProperty());

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        root.getChildren().addAll(title, scroll, cannotSave, buttons(save, cancel));
        root.setId(PANEL_ID);
        root.getStyleClass().add("cohort-editor");
        root.setMinWidth(360);
        root.setPrefWidth(420);

        editor.fieldProblems().addListener((MapChangeListener<String, String>) change -> showProblems());
        showProblems();
    }

    /** The people eligible, the reservation cap and the uptake. */
    private void peopleFields() {
        TextField eligible = new TextField();
        eligible.textProperty().bindBidirectional(editor.eligibleProperty());
        eligible.getStyleClass().add("numeric-input");
        field(texts.get("editor.eligible"), Problem.FIELD_ELIGIBLE, eligible, eligible);
        TextField cap = new TextField();
        cap.setId(RESERVATION_CAP_ID);
        cap.textProperty().bindBidirectional(editor.reservationCapProperty());
        cap.getStyleClass().add("numeric-input");
        cap.setPromptText(texts.get("editor.reservationCap.none"));
        cap.setTooltip(new javafx.scene.control.Tooltip(texts.get("editor.reservationCap.help")));
        field(texts.get("editor.reservationCap"), CohortEditor.FIELD_RESERVATION_CAP, cap, cap);
        TextField uptake = new TextField();
        uptake.textProperty().bindBidirectional(editor.uptakePercentProperty());
        uptake.setPrefColumnCount(5);
        field(texts.get("editor.uptake"), CohortEditor.FIELD_UPTAKE, uptake, uptake);
    }

    /** The cohort's status and the reason given for the change. */
    private void statusAndReason() {
        ComboBox<CohortStatus> status = new ComboBox<>();
        status.getItems().setAll(CohortStatus.values());
        status.setCellFactory(list -> new StatusCell());
        status.setButtonCell(new StatusCell());
        status.valueProperty().bindBidirectional(editor.statusProperty());
        field(texts.get("editor.status"), "status", status, status);
        TextField reason = new TextField();
        reason.setId(REASON_ID);
        reason.setPromptText(texts.get("editor.reason.hint"));
        reason.textProperty().bindBidirectional(editor.reasonProperty());
        field(texts.get("editor.reason"), "reason", reason, reason);
    }

    /** Save (only while the form can be saved) and cancel. */
    private HBox buttons(Runnable save, Runnable cancel) {
        Button saveButton = new Button(texts.get("editor.save"));
        saveButton.setId(SAVE_ID);
        saveButton.setDefaultButton(true);
        saveButton.setOnAction(event -> save.run());
        saveButton.disableProperty().bind(editor.saveableProperty().not());
        Button cancelButton = new Button(texts.get("editor.cancel"));
        cancelButton.setId(CANCEL_ID);
        cancelButton.setCancelButton(true);
        cancelButton.setOnAction(event -> cancel.run());
        HBox buttons = new HBox(8, saveButton, cancelButton);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        return buttons;
    }

    Parent root() {
        return root;
    }

    /** Puts the focus in the name field; it is inside a scroll pane, which a lookup does not see before layout. */
    void focusName() {
        nameField.requestFocus();
    }

    /** The birth years as a range slider and two exact spinners, all three kept in step. */
    private void birthYears() {
        Plan plan = editor.plan();
        int first = editor.firstYearProperty().get();
        int last = editor.lastYearProperty().get();
        int min = Math.max(BirthCohortRange.EARLIEST_YEAR, plan.population().isEmpty() ? first - YEARS_AROUND
                : Math.min(first, plan.population().peoplePerBirthYear().firstKey()));
        int max = Math.min(BirthCohortRange.LATEST_YEAR, plan.population().isEmpty() ? last + YEARS_AROUND
                : Math.max(last, plan.population().peoplePerBirthYear().lastKey()));
        RangeSlider slider = new RangeSlider(min, max, first, last);
        slider.setId(YEARS_SLIDER_ID);
        slider.setMajorTickUnit(10);
        slider.setMinorTickCount(9);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(true);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return String.valueOf(value.intValue());
            }

            @Override
            public Number fromString(String text) {
                return Integer.valueOf(text);
            }
        });
        Spinner<Integer> firstSpinner = yearSpinner(FIRST_YEAR_ID, editor.firstYearProperty());
        Spinner<Integer> lastSpinner = yearSpinner(LAST_YEAR_ID, editor.lastYearProperty());
        slider.lowValueProperty().addListener((observable, before, after) -> fromSlider(
                () -> editor.firstYearProperty().set((int) Math.round(after.doubleValue()))));
        slider.highValueProperty().addListener((observable, before, after) -> fromSlider(
                () -> editor.lastYearProperty().set((int) Math.round(after.doubleValue()))));
        Consumer<Object> toSlider = ignored -> {
            if (syncing || editor.firstYearProperty().get() == null || editor.lastYearProperty().get() == null) {
                return;
            }
            syncing = true;
            double low = editor.firstYearProperty().get();
            double high = editor.lastYearProperty().get();
            slider.setMin(Math.min(slider.getMin(), low));
            slider.setMax(Math.max(slider.getMax(), high));
            // Moving the high end first keeps the low end from being pushed by the old high end, and back.
            if (low > slider.getHighValue()) {
                slider.setHighValue(high);
                slider.setLowValue(low);
            } else {
                slider.setLowValue(low);
                slider.setHighValue(high);
            }
            syncing = false;
        };
        editor.firstYearProperty().addListener((observable, before, after) -> toSlider.accept(after));
        editor.lastYearProperty().addListener((observable, before, after) -> toSlider.accept(after));
        Label ages = new Label();
        ages.getStyleClass().add("field-hint");
        Runnable showAges = () -> {
            Integer firstYear = editor.firstYearProperty().get();
            Integer lastYear = editor.lastYearProperty().get();
            LocalDate firstDay = editor.firstDayProperty().get();
            ages.setText(firstYear == null || lastYear == null || firstDay == null ? ""
                    : texts.get("editor.ages", Formats.range(firstDay.getYear() - lastYear,
                            firstDay.getYear() - firstYear), String.valueOf(firstDay.getYear())));
        };
        editor.firstYearProperty().addListener(changed -> showAges.run());
        editor.lastYearProperty().addListener(changed -> showAges.run());
        editor.firstDayProperty().addListener(changed -> showAges.run());
        showAges.run();
        HBox exact = new HBox(6, firstSpinner, new Label("–"), lastSpinner);
        exact.setAlignment(Pos.CENTER_LEFT);
        // Room on the right for the last tick label, which the slider centres on its end.
        slider.setPadding(new Insets(0, 14, 0, 4));
        field(texts.get("editor.birthYears"), Problem.FIELD_BIRTH_YEARS, new VBox(4, slider, exact, ages),
                firstSpinner);
    }

    private void fromSlider(Runnable change) {
        if (!syncing) {
            syncing = true;
            change.run();
            syncing = false;
        }
    }

    private static Spinner<Integer> yearSpinner(String id, ObjectProperty<Integer> year) {
        Spinner<Integer> spinner = new Spinner<>();
        SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                BirthCohortRange.EARLIEST_YEAR, BirthCohortRange.LATEST_YEAR, year.get());
        spinner.setValueFactory(values);
        spinner.setEditable(true);
        spinner.setPrefWidth(88);
        spinner.setId(id);
        values.valueProperty().bindBidirectional(year);
        return spinner;
    }

    private void window(String zone) {
        WindowFields fields = new WindowFields(editor.window(), texts.locale());
        Label zoneLabel = new Label(texts.get("editor.zone", zone));
        zoneLabel.getStyleClass().add("field-hint");
        GridPane times = new GridPane();
        times.setHgap(6);
        times.setVgap(4);
        times.addRow(0, new Label(texts.get("editor.opens")), fields.opensDate, fields.opensTime);
        times.addRow(1, new Label(texts.get("editor.closes")), fields.closesDate, fields.closesTime);
        field(texts.get("editor.window"), Problem.FIELD_WINDOW, new VBox(4, times, zoneLabel), fields.opensDate,
                fields.closesDate, fields.opensTime, fields.closesTime);
    }

    private void brands() {
        ComboBox<String> oneBrand = new ComboBox<>();
        oneBrand.getItems().setAll(editor.sharePercents().keySet());
        editor.original().brands().shares().keySet().stream().filter(brand -> editor.original().brands()
                .isSingleBrand()).findFirst().ifPresent(oneBrand::setValue);
        oneBrand.setOnAction(event -> {
            if (oneBrand.getValue() != null) {
                editor.useOnly(oneBrand.getValue());
            }
        });
        GridPane shares = new GridPane();
        shares.setHgap(6);
        shares.setVgap(4);
        int line = 0;
        Node[] marked = new Node[editor.sharePercents().size()];
        for (Map.Entry<String, StringProperty> share : editor.sharePercents().entrySet()) {
            TextField percent = new TextField();
            percent.setPrefColumnCount(5);
            percent.textProperty().bindBidirectional(share.getValue());
            percent.setId("cohort-editor-share-" + share.getKey());
            shares.addRow(line, new Label(share.getKey()), percent, new Label("%"));
            marked[line] = percent;
            line++;
        }
        Label total = new Label();
        total.textProperty().bind(editor.sharesTotalProperty());
        total.getStyleClass().add("field-hint");
        HBox choice = new HBox(8, new Label(texts.get("editor.oneBrand")), oneBrand);
        choice.setAlignment(Pos.CENTER_LEFT);
        field(texts.get("editor.brands"), Problem.FIELD_BRANDS, new VBox(4, choice, new Label(
                texts.get("editor.shares")), shares, total), marked);
    }

    /** The cohort's allocation rules: a list, and a dialog to add or change one. Enter edits, Delete removes. */
    private void rules() {
        Node list = editableList(editor.rules(), 96, new String[] {RULES_ID, RULE_ADD_ID, RULE_EDIT_ID,
            RULE_REMOVE_ID}, new String[] {"rules.empty", "rules.add", "rules.edit", "rules.remove", "rules.hint"},
                rule -> CohortDescriptions.rule(rule, texts), this::editRule, rule -> editor.removeRule(rule.id()));
        field(texts.get("editor.rules"), Problem.FIELD_ALLOCATION_RULES, list, list.lookup("#" + RULES_ID));
    }

    /** The cohort's named groups: a list, and a dialog to add or change one. Enter edits, Delete removes. */
    private void groups() {
        Node list = editableList(editor.groups(), 80, new String[] {GROUPS_ID, GROUP_ADD_ID, GROUP_EDIT_ID,
            GROUP_REMOVE_ID}, new String[] {"groups.empty", "groups.add", "groups.edit", "groups.remove",
            "groups.hint"}, group -> CohortDescriptions.group(group, eligibleShown(), texts), this::editGroup,
                group -> editor.removeGroup(group.name()));
        field(texts.get("editor.groups"), Problem.FIELD_GROUPS, list, list.lookup("#" + GROUPS_ID));
    }

    /**
     * A hint, a list of {@code items} and buttons to add (edit with null), edit and remove one; Enter edits the
     * selected item, Delete removes it, a double click edits it.
     *
     * @param ids  of the list and of the add, edit and remove buttons
     * @param keys of the texts: empty list, add, edit, remove, hint
     */
    private <T> Node editableList(ObservableList<T> items, double height, String[] ids, String[] keys,
            Function<T, String> text, Consumer<T> edit, Consumer<T> remove) {
        ListView<T> list = new ListView<>(items);
        list.setId(ids[0]);
        list.setPrefHeight(height);
        list.setPlaceholder(wrapped(texts.get(keys[0])));
        list.setCellFactory(ignored -> new ListCell<>() {
            {
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        Button add = new Button(texts.get(keys[1]));
        add.setId(ids[1]);
        add.setOnAction(event -> edit.accept(null));
        Button change = new Button(texts.get(keys[2]));
        change.setId(ids[2]);
        change.setOnAction(event -> edit.accept(list.getSelectionModel().getSelectedItem()));
        Button delete = new Button(texts.get(keys[3]));
        delete.setId(ids[3]);
        delete.setOnAction(event -> remove.accept(list.getSelectionModel().getSelectedItem()));
        change.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        list.setOnKeyPressed(event -> {
            T chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null && event.getCode() == KeyCode.ENTER) {
                edit.accept(chosen);
                event.consume();
            } else if (chosen != null && event.getCode() == KeyCode.DELETE) {
                remove.accept(chosen);
                event.consume();
            }
        });
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2 && list.getSelectionModel().getSelectedItem() != null) {
                edit.accept(list.getSelectionModel().getSelectedItem());
            }
        });
        Label hint = wrapped(texts.get(keys[4]));
        hint.getStyleClass().add("field-hint");
        return new VBox(4, hint, list, new FlowPane(6, 6, add, change, delete));
    }

    /** The eligible people as typed, for the people a share stands for; the cohort's own while it cannot be read. */
    private long eligibleShown() {
        try {
            return Long.parseLong(editor.eligibleProperty().get().replaceAll("[,\\s_]", ""));
        } catch (RuntimeException unreadable) {
            return editor.original().eligible();
        }
    }

    /** The dialog of one named group; it stays open while the group cannot be taken. */
    private void editGroup(CohortGroup editing) {
        GroupForm form = editing == null ? editor.newGroup() : editor.editGroup(editing);
        String replacing = editing == null ? null : editing.name();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(editing == null ? texts.get("group.titleNew", editor.nameProperty().get())
                : texts.get("group.titleEdit", editing.name()));
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        dialog.setResizable(true);
        TextField name = new TextField();
        name.setId(GROUP_NAME_ID);
        name.setPromptText(texts.get("group.name.hint"));
        name.textProperty().bindBidirectional(form.nameProperty());
        ToggleGroup kind = new ToggleGroup();
        RadioButton people = new RadioButton(texts.get("group.asPeople"));
        people.setId(GROUP_PEOPLE_ID);
        people.setToggleGroup(kind);
        RadioButton share = new RadioButton(texts.get("group.asShare"));
        share.setId(GROUP_SHARE_ID);
        share.setToggleGroup(kind);
        (form.asShareProperty().get() ? share : people).setSelected(true);
        kind.selectedToggleProperty().addListener((observable, before, after) ->
                form.asShareProperty().set(after == share));
        TextField size = new TextField();
        size.setId(GROUP_SIZE_ID);
        size.setPrefColumnCount(10);
        size.textProperty().bindBidirectional(form.sizeProperty());
        Label unit = new Label();
        unit.textProperty().bind(Bindings.when(form.asShareProperty())
                .then(texts.get("group.unit.share")).otherwise(texts.get("group.unit.people")));
        CheckBox estimate = new CheckBox(texts.get("group.estimate"));
        estimate.setId(GROUP_ESTIMATE_ID);
        estimate.selectedProperty().bindBidirectional(form.estimateProperty());
        TextField note = new TextField();
        note.setPromptText(texts.get("group.note.hint"));
        note.textProperty().bindBidirectional(form.noteProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(texts.get("group.name")), name);
        grid.addRow(1, new Label(texts.get("group.size")), new VBox(6, new HBox(12, people, share),
                new HBox(6, size, unit)));
        grid.addRow(2, new Label(""), estimate);
        grid.addRow(3, new Label(texts.get("group.note")), note);
        GridPane.setHgrow(note, Priority.ALWAYS);
        Label problems = wrapped("");
        problems.setId(GROUP_PROBLEMS_ID);
        problems.getStyleClass().add("field-message");
        problems.setMaxWidth(520);
        Runnable check = () -> problems.setText(String.join("\n", editor.groupProblems(form, replacing)));
        List.<Observable>of(form.nameProperty(), form.asShareProperty(), form.sizeProperty())
                .forEach(input -> input.addListener(changed -> check.run()));
        check.run();
        Label saved = wrapped(texts.get("group.savedHint"));
        saved.getStyleClass().add("field-hint");
        saved.setMaxWidth(520);
        VBox content = new VBox(10, grid, problems, saved);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().addAll(root.getStylesheets());
        ButtonType keep = new ButtonType(texts.get("group.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(keep, new ButtonType(texts.get("editor.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(keep).addEventFilter(ActionEvent.ACTION, event -> {
            List<String> unreadable = editor.saveGroup(form, replacing);
            if (!unreadable.isEmpty()) {
                problems.setText(String.join("\n", unreadable));
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                event.consume();
            }
        });
        dialog.setOnShown(event -> name.requestFocus());
        dialog.showAndWait();
    }

    /** The dialog of one rule; it stays open while the rule cannot be read, and shows the validator's findings. */
    private void editRule(AllocationRule editing) {
        AllocationRuleForm form = editing == null ? editor.newRule() : editor.editRule(editing);
        String replacing = editing == null ? null : editing.id();
        Plan plan = editor.plan();
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.setTitle(editing == null ? texts.get("rule.titleNew", editor.nameProperty().get())
                : texts.get("rule.titleEdit", editing.id()));
        dialog.initOwner(root.getScene() == null ? null : root.getScene().getWindow());
        dialog.setResizable(true);
        TextField id = new TextField();
        id.setId(RULE_ID_ID);
        id.textProperty().bindBidirectional(form.idProperty());
        CheckListView<String> regions = new CheckListView<>();
        CheckListView<String> except = new CheckListView<>();
        ruleRegions(form, plan, regions, except);
        DatePicker firstDay = datePicker(form.firstDayProperty());
        firstDay.setId(RULE_FIRST_DAY_ID);
        DatePicker lastDay = datePicker(form.lastDayProperty());
        lastDay.setId(RULE_LAST_DAY_ID);
        GridPane shares = shareFields(form);
        TextField note = new TextField();
        note.textProperty().bindBidirectional(form.noteProperty());
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.addRow(0, new Label(texts.get("rule.id")), id);
        grid.addRow(1, new Label(texts.get("rule.regions")), regions);
        grid.addRow(2, new Label(texts.get("rule.days")), new HBox(6, firstDay, new Label("–"), lastDay));
        grid.addRow(3, new Label(texts.get("rule.brands")), shares);
        grid.addRow(4, wrapped(texts.get("rule.except")), except);
        grid.addRow(5, new Label(texts.get("rule.note")), note);
        grid.getChildren().stream().filter(Label.class::isInstance).forEach(label -> {
            GridPane.setValignment(label, VPos.TOP);
            ((Label) label).setMaxWidth(170);
        });
        Label problems = ruleProblems(form, replacing);
        Label saved = wrapped(texts.get("rule.savedHint"));
        saved.getStyleClass().add("field-hint");
        saved.setMaxWidth(560);
        VBox content = new VBox(10, grid, problems, saved);
        content.setPadding(new Insets(8));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getStylesheets().addAll(root.getStylesheets());
        ButtonType keep = new ButtonType(texts.get("rule.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(keep, new ButtonType(texts.get("editor.cancel"),
                ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getDialogPane().lookupButton(keep).addEventFilter(ActionEvent.ACTION, event -> {
            List<String> unreadable = editor.saveRule(form, replacing);
            if (!unreadable.isEmpty()) {
                problems.setText(String.join("\n", unreadable));
                dialog.getDialogPane().getScene().getWindow().sizeToScene();
                event.consume();
            }
        });
        dialog.showAndWait();
    }

    /** The regions of a rule and the site groups of those regions it leaves out, kept in step with the form. */
    private void ruleRegions(AllocationRuleForm form, Plan plan, CheckListView<String> regions,
                             CheckListView<String> except) {
        regions.setId(RULE_REGIONS_ID);
        regions.getItems().setAll(AllocationRuleForm.regionChoices(plan));
        regions.setPrefHeight(170);
        form.regions().forEach(region -> regions.getCheckModel().check(region));
        except.setId(RULE_EXCEPT_ID);
        except.setPrefHeight(110);
        except.setPlaceholder(wrapped(texts.get("rule.exceptNone")));
        Runnable showSiteGroups = () -> {
            List<String> kept = List.copyOf(form.exceptSiteGroups());
            except.getItems().setAll(AllocationRuleForm.siteGroupChoices(plan, Set.copyOf(form.regions())));
            kept.stream().filter(except.getItems()::contains).forEach(name -> except.getCheckModel().check(name));
            form.exceptSiteGroups().setAll(except.getCheckModel().getCheckedItems());
        };
        showSiteGroups.run();
        regions.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change -> {
            form.regions().setAll(regions.getItems().stream().filter(regions.getCheckModel()::isChecked).toList());
            showSiteGroups.run();
        });
        except.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) change ->
                form.exceptSiteGroups().setAll(except.getItems().stream().filter(except.getCheckModel()::isChecked)
                        .toList()));
    }

    /** A percent field per brand of the rule. */
    private static GridPane shareFields(AllocationRuleForm form) {
        GridPane shares = new GridPane();
        shares.setHgap(6);
        shares.setVgap(4);
        int line = 0;
        for (Map.Entry<String, StringProperty> share : form.sharePercents().entrySet()) {
            TextField percent = new TextField();
            percent.setPrefColumnCount(5);
            percent.setId("rule-share-" + share.getKey());
            percent.textProperty().bindBidirectional(share.getValue());
            shares.addRow(line++, new Label(share.getKey()), percent, new Label("%"));
        }
        return shares;
    }

    /** What is wrong with the rule as typed, checked again at every change. */
    private Label ruleProblems(AllocationRuleForm form, String replacing) {
        Label problems = wrapped("");
        problems.setId(RULE_PROBLEMS_ID);
        problems.getStyleClass().add("field-message");
        problems.setMaxWidth(560);
        Runnable check = () -> problems.setText(String.join("\n", editor.ruleProblems(form, replacing)));
        List<Observable> inputs = new ArrayList<>(List.of(form.idProperty(), form.regions(), form.firstDayProperty(),
                form.lastDayProperty(), form.exceptSiteGroups()));
        inputs.addAll(form.sharePercents().values());
        inputs.forEach(input -> input.addListener(changed -> check.run()));
        check.run();
        return problems;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private DatePicker datePicker(ObjectProperty<LocalDate> day) {
        DatePicker picker = Formats.styled(new DatePicker(), texts.locale());
        picker.valueProperty().bindBidirectional(day);
        picker.setPrefWidth(130);
        return picker;
    }

    /** One labelled row, its message row under it; {@code marked} get the red border when the field is wrong. */
    private void field(String label, String field, Node content, Node... marked) {
        fields.field(grid, label, field, content, marked);
    }

    private void showProblems() {
        fields.show(editor.fieldProblems());
    }

    private final class StatusCell extends ListCell<CohortStatus> {
        @Override
        protected void updateItem(CohortStatus status, boolean empty) {
            super.updateItem(status, empty);
            setText(empty || status == null ? null : texts.get("status." + status.name()));
        }
    }
}
