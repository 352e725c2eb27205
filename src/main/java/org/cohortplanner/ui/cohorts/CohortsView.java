package org.cohortplanner.ui.cohorts;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cohortplanner.domain.BirthCohortRange;
import org.cohortplanner.domain.CohortStatus;
import org.cohortplanner.domain.VaccinationPeriod;
import org.cohortplanner.planning.Problem;
import org.cohortplanner.ui.common.ColumnWidths;
import org.cohortplanner.ui.common.Formats;
import org.cohortplanner.ui.common.ProblemTexts;
import org.cohortplanner.ui.common.ScreenHeading;
import org.cohortplanner.ui.common.Texts;

/**
 * The Cohorts screen: the plan's cohorts in a sortable, filterable table that follows the shared cohort selection,
 * the actions on cohorts, the editor panel beside the table, and every problem of the plan under it (clicking one
 * selects its cohort).
 */
public final class CohortsView {
    public static final String TABLE_ID = "cohorts-table";
    public static final String SUMMARY_ID = "cohorts-summary";
    public static final String NAME_COLUMN_ID = "cohorts-column-name";
    public static final String ELIGIBLE_COLUMN_ID = "cohorts-column-eligible";
    public static final String FILTER_ID = "cohorts-filter";
    public static final String PROBLEMS_ID = "cohorts-problems";
    public static final String NEW_ID = "cohorts-new";
    public static final String EDIT_ID = "cohorts-edit";
    public static final String DUPLICATE_ID = "cohorts-duplicate";
    public static final String DELETE_ID = "cohorts-delete";
    public static final String SPLIT_ID = "cohorts-split";
    public static final String MERGE_ID = "cohorts-merge";
    public static final String EDITOR_ID = CohortEditorView.PANEL_ID;
    public static final String EDITOR_SAVE_ID = CohortEditorView.SAVE_ID;
    public static final String EDITOR_NAME_ID = CohortEditorView.NAME_ID;
    public static final String EDITOR_CANCEL_ID = CohortEditorView.CANCEL_ID;
    public static final String SPLIT_PREVIEW_ID = SplitDialog.PREVIEW_ID;
    public static final String SPLIT_BOUNDARY_ID = SplitDialog.BOUNDARY_ID;
    public static final KeyCombination NEW_KEYS = new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination DUPLICATE_KEYS = new KeyCodeCombination(KeyCode.D,
            KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination SPLIT_KEYS = new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination MERGE_KEYS = new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    public static final KeyCombination FILTER_KEYS = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final String STYLESHEET = "cohorts.css";


    private final CohortsViewModel viewModel;
    private final Texts texts;
    private final ProblemTexts problemTexts;
    private final VBox root = new VBox(12);
    private final TableView<CohortRow> table = new TableView<>();
    private final SplitPane body = new SplitPane();
    private final Map<TableColumn<CohortRow, ?>, Function<CohortRow, String>> cellTexts = new LinkedHashMap<>();
    private boolean followingSelection;

    public CohortsView(CohortsViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.problemTexts = ProblemTexts.of(texts.locale());
        HBox heading = ScreenHeading.of(texts.get("title"), SUMMARY_ID, viewModel.summaryProperty());

        buildTable();
        followSelection();
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox tableAndProblems = new VBox(10, table, problemsPane());
        body.getItems().setAll(tableAndProblems);
        VBox.setVgrow(body, Priority.ALWAYS);
        root.getChildren().addAll(heading, toolbar(), body);
        root.getStyleClass().addAll("screen", "cohorts-screen");
        root.getStylesheets().add(Objects.requireNonNull(CohortsView.class.getResource(STYLESHEET),
                STYLESHEET).toExternalForm());
        root.addEventHandler(KeyEvent.KEY_PRESSED, this::shortcut);
        viewModel.editorProperty().addListener((observable, before, after) -> showEditor(after));
    }

    private Node toolbar() {
        Button add = button(NEW_ID, "action.new", NEW_KEYS, viewModel::newCohort);
        Button edit = button(EDIT_ID, "action.edit", null, viewModel::editSelected);
        Button duplicate = button(DUPLICATE_ID, "action.duplicate", DUPLICATE_KEYS, viewModel::duplicateSelected);
        Button delete = button(DELETE_ID, "action.delete", new KeyCodeCombination(KeyCode.DELETE),
                viewModel::deleteSelected);
        Button split = button(SPLIT_ID, "action.split", SPLIT_KEYS, this::split);
        Button merge = button(MERGE_ID, "action.merge", MERGE_KEYS, viewModel::mergeSelected);
        for (Button needsSelection : List.of(edit, duplicate, delete)) {
            needsSelection.disableProperty().bind(viewModel.hasSelectionProperty().not());
        }
        split.disableProperty().bind(viewModel.canSplitProperty().not());
        merge.disableProperty().bind(viewModel.canMergeProperty().not());
        TextField filter = new TextField();
        filter.setId(FILTER_ID);
        filter.setPromptText(texts.get("filter.prompt"));
        filter.setPrefColumnCount(22);
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, add, edit, duplicate, delete, new Separator(Orientation.VERTICAL), split, merge, spacer,
                filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button button(String id, String textKey, KeyCombination keys, Runnable action) {
        Button button = new Button(texts.get(textKey));
        button.setId(id);
        button.setOnAction(event -> action.run());
        if (keys != null) {
            button.setTooltip(new Tooltip(keys.getDisplayText()));
        }
        return button;
    }

    private void shortcut(KeyEvent event) {
        Runnable action = null;
        if (NEW_KEYS.match(event)) {
            action = viewModel::newCohort;
        } else if (DUPLICATE_KEYS.match(event)) {
            action = viewModel::duplicateSelected;
        } else if (SPLIT_KEYS.match(event)) {
            action = this::split;
        } else if (MERGE_KEYS.match(event)) {
            action = viewModel::mergeSelected;
        } else if (FILTER_KEYS.match(event)) {
            action = () -> root.lookup("#" + FILTER_ID).requestFocus();
        }
        if (action != null) {
            event.consume();
            action.run();
        }
    }

    private void split() {
        viewModel.proposeSplit().ifPresent(model -> new SplitDialog(model, texts,
                root.getScene() == null ? null : root.getScene().getWindow()).showAndApply());
    }

    private Node problemsPane() {
        Label title = new Label(texts.get("problems.title"));
        title.getStyleClass().add("editor-title");
        Label count = new Label();
        count.textProperty().bind(viewModel.problemsSummaryProperty());
        count.getStyleClass().add("screen-summary");
        HBox heading = new HBox(12, title, count);
        heading.setAlignment(Pos.BASELINE_LEFT);
        ListView<Problem> problems = new ListView<>(viewModel.problems());
        problems.setId(PROBLEMS_ID);
        problems.setPrefHeight(96);
        problems.setMinHeight(60);
        problems.setCellFactory(list -> new ProblemCell());
        problems.getSelectionModel().selectedItemProperty().addListener((observable, before, after) ->
                viewModel.jumpTo(after));
        problems.setOnMouseClicked(event -> viewModel.jumpTo(problems.getSelectionModel().getSelectedItem()));
        return new VBox(4, heading, problems);
    }

    private void showEditor(CohortEditor editor) {
        if (body.getItems().size() > 1) {
            body.getItems().remove(1, body.getItems().size());
        }
        if (editor != null) {
            CohortEditorView view = new CohortEditorView(editor, viewModel.zoneProperty().get(), texts,
                    viewModel::saveEditor, () -> {
                        viewModel.closeEditor();
                        table.requestFocus();
                    });
            body.getItems().add(view.root());
            body.setDividerPositions(0.6);
            view.focusName();
        }
    }

    /** The table selects the shared selection's cohort, and selecting a row selects its cohort everywhere. */
    private void followSelection() {
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> {
            if (!followingSelection && after != null) {
                viewModel.selection().select(after.id());
            }
        });
        viewModel.selection().cohortIdProperty().addListener((observable, before, after) -> selectRow(after));
        table.getItems().addListener((ListChangeListener<CohortRow>) change ->
                selectRow(viewModel.selection().getCohortId()));
        table.setOnKeyPressed(event -> {
            if (event.getCode() == KeyCode.DELETE) {
                event.consume();
                viewModel.deleteSelected();
            } else if (event.getCode() == KeyCode.ENTER || event.getCode() == KeyCode.F2) {
                event.consume();
                viewModel.editSelected();
            }
        });
        table.setRowFactory(view -> {
            TableRow<CohortRow> row = new TableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.editSelected();
                }
            });
            return row;
        });
    }

    private void selectRow(String cohortId) {
        followingSelection = true;
        try {
            CohortRow current = table.getSelectionModel().getSelectedItem();
            if (cohortId == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            if (current != null && current.id().equals(cohortId)) {
                return;
            }
            table.getItems().stream().filter(row -> row.id().equals(cohortId)).findFirst().ifPresentOrElse(row -> {
                table.getSelectionModel().select(row);
                table.scrollTo(row);
            }, () -> table.getSelectionModel().clearSelection());
        } finally {
            followingSelection = false;
        }
    }

    public Parent root() {
        return root;
    }

    private void buildTable() {
        table.setId(TABLE_ID);
        // Columns take the width of their content (see fitColumnsToContent): planners must never read "3,52…".
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.filterProperty().map(text -> text.isBlank()
                ? texts.get("table.empty") : texts.get("table.noMatch")));
        table.setPlaceholder(placeholder);

        TableColumn<CohortRow, String> name = column(texts.get("column.name"), CohortRow::name, String::valueOf, 92);
        TableColumn<CohortRow, BirthCohortRange> birthYears = column(texts.get("column.birthYears"),
                CohortRow::birthYears, BirthCohortRange::toString, 88);
        birthYears.setComparator(CohortRow.BY_BIRTH_YEARS);
        TableColumn<CohortRow, CohortRow.Ages> ages = column(texts.get("column.ages"), CohortRow::ages,
                CohortRow.Ages::toString, 54);
        TableColumn<CohortRow, String> digits = column(texts.get("column.digits"),
                row -> CohortDescriptions.digits(row.birthDayDigits(), texts), String::valueOf, 84);
        TableColumn<CohortRow, Long> eligible = column(texts.get("column.eligible"), CohortRow::eligible,
                value -> Formats.count(value, texts.locale()), 86);
        TableColumn<CohortRow, Double> uptake = column(texts.get("column.uptake"), CohortRow::uptake,
                value -> Formats.percent(value, texts.locale()), 64);
        TableColumn<CohortRow, LocalDateTime> opens = column(texts.get("column.opens"), CohortRow::windowOpens,
                time -> Formats.shortDateTime(time, texts.locale()), 124);
        TableColumn<CohortRow, LocalDateTime> closes = column(texts.get("column.closes"), CohortRow::windowCloses,
                time -> Formats.shortDateTime(time, texts.locale()), 124);
        TableColumn<CohortRow, Void> window = new TableColumn<>();
        window.textProperty().bind(viewModel.zoneProperty().map(zone -> texts.get("column.window", zone)));
        window.getColumns().setAll(List.of(opens, closes));
        TableColumn<CohortRow, VaccinationPeriod> period = column(texts.get("column.period"),
                CohortRow::vaccinationPeriod,
                value -> Formats.shortPeriod(value.firstDay(), value.lastDay(), texts.locale()), 114);
        period.setComparator(CohortRow.BY_PERIOD);
        TableColumn<CohortRow, String> brands = column(texts.get("column.brands"), CohortRow::brands,
                String::valueOf, 164);
        TableColumn<CohortRow, CohortStatus> status = column(texts.get("column.status"), CohortRow::status,
                value -> texts.get("status." + value.name()), 74);
        for (TableColumn<CohortRow, ?> numeric : List.of(ages, eligible, uptake)) {
            numeric.getStyleClass().add("numeric");
        }
        name.setId(NAME_COLUMN_ID);
        eligible.setId(ELIGIBLE_COLUMN_ID);

        // Status comes next to the name: when the table is wider than the window it must not be the part cut off.
        table.getColumns().setAll(List.of(name, status, birthYears, ages, digits, eligible, uptake, window, period,
                brands));
        SortedList<CohortRow> sorted = new SortedList<>(viewModel.shownRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        viewModel.rows().addListener((ListChangeListener<CohortRow>) change -> fitColumnsToContent());
        fitColumnsToContent();
    }

    /** Sets each column's width to its widest text: header or any cell. */
    private void fitColumnsToContent() {
        cellTexts.forEach((column, text) -> column.setPrefWidth(ColumnWidths.of(column,
                viewModel.rows().stream().map(text))));
    }

    private final class ProblemCell extends ListCell<Problem> {
        ProblemCell() {
            setWrapText(true);
            // A cell asks for no width of its own, so that long problems wrap within the list instead of scrolling.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Problem problem, boolean empty) {
            super.updateItem(problem, empty);
            getStyleClass().removeAll("problem-error", "problem-warning");
            if (empty || problem == null) {
                setText(null);
                return;
            }
            getStyleClass().add(problem.isError() ? "problem-error" : "problem-warning");
            setText(texts.get(problem.isError() ? "problems.error" : "problems.warning") +  " · " + problemTexts.subject(problem)
                    + " · " + CohortDescriptions.fieldName(problem.field(), texts) + ": " + problemTexts.detail(problem));
        }
    }

    /** A column that sorts by {@code value} and shows {@code text}. */
    private <T> TableColumn<CohortRow, T> column(String title, Function<CohortRow, T> value,
                                                 Function<T, String> text, double width) {
        TableColumn<CohortRow, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(ignored -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : text.apply(item));
            }
        });
        column.setPrefWidth(width);
        cellTexts.put(column, row -> {
            T item = value.apply(row);
            return item == null ? "" : text.apply(item);
        });
        return column;
    }
}
