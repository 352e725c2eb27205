package org.cohortplanner.ui.cohorts;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
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
 * The Cohorts screen: the plan's cohorts in a sortable, filterable tree table that follows the shared cohort
 * selection (a split parent with its parts under it, unfolded until the planner folds it), the totals of the cohorts
 * that book under it, the actions on cohorts, the editor panel beside the table, and every problem of the plan under
 * them (clicking one selects its cohort).
 */
public final class CohortsView {
    public static final String TABLE_ID = "cohorts-table";
    public static final String SUMMARY_ID = "cohorts-summary";
    public static final String NAME_COLUMN_ID = "cohorts-column-name";
    public static final String ELIGIBLE_COLUMN_ID = "cohorts-column-eligible";
    public static final String FILTER_ID = "cohorts-filter";
    public static final String TOTALS_ID = "cohorts-totals";
    public static final String TOTAL_LABEL_ID = "cohorts-total-label";
    public static final String TOTAL_COHORTS_ID = "cohorts-total-cohorts";
    public static final String TOTAL_ELIGIBLE_ID = "cohorts-total-eligible";
    public static final String TOTAL_EXPECTED_ID = "cohorts-total-expected";
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

    /** Room the tree takes before a name: the fold arrow, and an indent for each level below the top. */
    private static final double TREE_EXTRA = 20;
    private static final double TREE_INDENT = 12;

    private final CohortsViewModel viewModel;
    private final Texts texts;
    private final ProblemTexts problemTexts;
    private final VBox root = new VBox(12);
    private final TreeTableView<CohortRow> table = new TreeTableView<>(new TreeItem<>());
    private final CohortTotalsBar totals;
    private final SplitPane body = new SplitPane();
    private final Map<TreeTableColumn<CohortRow, ?>, Function<CohortRow, String>> cellTexts = new LinkedHashMap<>();
    /** The tree's item of each row shown, by cohort id. */
    private final Map<String, TreeItem<CohortRow>> items = new HashMap<>();
    private boolean followingSelection;

    public CohortsView(CohortsViewModel viewModel) {
        this.viewModel = viewModel;
        this.texts = viewModel.texts();
        this.problemTexts = ProblemTexts.of(texts.locale());
        HBox heading = ScreenHeading.of(texts.get("title"), SUMMARY_ID, viewModel.summaryProperty());

        totals = new CohortTotalsBar(table, viewModel.totalsProperty());
        buildTable();
        followSelection();
        VBox.setVgrow(table, Priority.ALWAYS);
        Node totalsRow = totals.root();
        totalsRow.setId(TOTALS_ID);
        VBox tableAndTotals = new VBox(table, totalsRow);
        VBox.setVgrow(tableAndTotals, Priority.ALWAYS);
        VBox tableAndProblems = new VBox(10, tableAndTotals, problemsPane());
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

    /** The table selects the shared selection's cohorts, and selecting rows selects their cohort everywhere. */
    private void followSelection() {
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().selectedItemProperty().addListener((observable, before, after) -> tellSelection());
        table.getSelectionModel().getSelectedItems().addListener(
                (ListChangeListener<TreeItem<CohortRow>>) change -> tellSelection());
        viewModel.selection().cohortIdProperty().addListener((observable, before, after) -> selectRows());
        viewModel.selectedRowIds().addListener((ListChangeListener<String>) change -> selectRows());
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
            TreeTableRow<CohortRow> row = new TreeTableRow<>();
            row.setOnMouseClicked(event -> {
                if (event.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.editSelected();
                }
            });
            return row;
        });
    }

    private void tellSelection() {
        TreeItem<CohortRow> lead = table.getSelectionModel().getSelectedItem();
        if (followingSelection || lead == null || lead.getValue() == null) {
            return;
        }
        viewModel.selectRows(lead.getValue().id(), selectedIds());
    }

    private List<String> selectedIds() {
        return table.getSelectionModel().getSelectedItems().stream()
                .filter(item -> item != null && item.getValue() != null).map(item -> item.getValue().id()).toList();
    }

    /** Selects the view model's rows, the shared selection's last, unfolding the parents they are under. */
    private void selectRows() {
        followingSelection = true;
        try {
            String lead = viewModel.selection().getCohortId();
            TreeItem<CohortRow> leadItem = lead == null ? null : items.get(lead);
            if (leadItem == null) {
                table.getSelectionModel().clearSelection();
                return;
            }
            TreeItem<CohortRow> current = table.getSelectionModel().getSelectedItem();
            List<String> wanted = new ArrayList<>(viewModel.selectedRowIds());
            wanted.remove(lead);
            wanted.add(lead);
            if (current == leadItem && selectedIds().size() == wanted.size() && selectedIds().containsAll(wanted)) {
                return;
            }
            table.getSelectionModel().clearSelection();
            for (String id : wanted) {
                TreeItem<CohortRow> item = items.get(id);
                if (item != null) {
                    reveal(item);
                    table.getSelectionModel().select(item);
                }
            }
            table.scrollTo(table.getRow(leadItem));
        } finally {
            followingSelection = false;
        }
    }

    private void reveal(TreeItem<CohortRow> item) {
        for (TreeItem<CohortRow> parent = item.getParent(); parent != null && parent != table.getRoot();
             parent = parent.getParent()) {
            parent.setExpanded(true);
        }
    }

    /**
     * Puts the rows shown in the tree: each part under its parent (or, when the filter hides the parent, under the
     * nearest cohort above it that is shown), in the plan's order until the planner sorts by a column.
     */
    private void showRows() {
        items.clear();
        for (CohortRow row : viewModel.shownRows()) {
            TreeItem<CohortRow> item = new TreeItem<>(row);
            item.setExpanded(viewModel.isExpanded(row.id()));
            item.expandedProperty().addListener((observable, before, after) ->
                    viewModel.setExpanded(row.id(), after));
            items.put(row.id(), item);
        }
        List<TreeItem<CohortRow>> top = new ArrayList<>();
        for (CohortRow row : viewModel.shownRows()) {
            String parentId = viewModel.parentIdOf(row.id()).orElse(null);
            while (parentId != null && !items.containsKey(parentId)) {
                parentId = viewModel.parentIdOf(parentId).orElse(null);
            }
            if (parentId == null) {
                top.add(items.get(row.id()));
            } else {
                items.get(parentId).getChildren().add(items.get(row.id()));
            }
        }
        followingSelection = true;
        try {
            table.getRoot().getChildren().setAll(top);
            table.sort();
        } finally {
            followingSelection = false;
        }
        selectRows();
    }

    public Parent root() {
        return root;
    }

    private void buildTable() {
        table.setId(TABLE_ID);
        table.setShowRoot(false);
        // Columns take the width of their content (see fitColumnsToContent): planners must never read "3,52…".
        table.setColumnResizePolicy(TreeTableView.UNCONSTRAINED_RESIZE_POLICY);
        Label placeholder = new Label();
        placeholder.textProperty().bind(viewModel.filterProperty().map(text -> text.isBlank()
                ? texts.get("table.empty") : texts.get("table.noMatch")));
        table.setPlaceholder(placeholder);

        TreeTableColumn<CohortRow, String> name = column(texts.get("column.name"), CohortRow::name, String::valueOf,
                92);
        TreeTableColumn<CohortRow, BirthCohortRange> birthYears = column(texts.get("column.birthYears"),
                CohortRow::birthYears, BirthCohortRange::toString, 88);
        birthYears.setComparator(CohortRow.BY_BIRTH_YEARS);
        TreeTableColumn<CohortRow, CohortRow.Ages> ages = column(texts.get("column.ages"), CohortRow::ages,
                CohortRow.Ages::toString, 54);
        TreeTableColumn<CohortRow, String> digits = column(texts.get("column.digits"),
                row -> CohortDescriptions.digits(row.birthDayDigits(), texts), String::valueOf, 84);
        TreeTableColumn<CohortRow, Long> eligible = column(texts.get("column.eligible"), CohortRow::eligible,
                value -> Formats.count(value, texts.locale()), 86);
        TreeTableColumn<CohortRow, Double> uptake = column(texts.get("column.uptake"), CohortRow::uptake,
                value -> Formats.percent(value, texts.locale()), 64);
        TreeTableColumn<CohortRow, LocalDateTime> opens = column(texts.get("column.opens"), CohortRow::windowOpens,
                time -> Formats.shortDateTime(time, texts.locale()), 124);
        TreeTableColumn<CohortRow, LocalDateTime> closes = column(texts.get("column.closes"),
                CohortRow::windowCloses, time -> Formats.shortDateTime(time, texts.locale()), 124);
        TreeTableColumn<CohortRow, Void> window = new TreeTableColumn<>();
        window.textProperty().bind(viewModel.zoneProperty().map(zone -> texts.get("column.window", zone)));
        window.getColumns().setAll(List.of(opens, closes));
        TreeTableColumn<CohortRow, VaccinationPeriod> period = column(texts.get("column.period"),
                CohortRow::vaccinationPeriod,
                value -> Formats.shortPeriod(value.firstDay(), value.lastDay(), texts.locale()), 114);
        period.setComparator(CohortRow.BY_PERIOD);
        TreeTableColumn<CohortRow, String> brands = column(texts.get("column.brands"), CohortRow::brands,
                String::valueOf, 164);
        TreeTableColumn<CohortRow, CohortStatus> status = column(texts.get("column.status"), CohortRow::status,
                value -> texts.get("status." + value.name()), 74);
        for (TreeTableColumn<CohortRow, ?> numeric : List.of(ages, eligible, uptake)) {
            numeric.getStyleClass().add("numeric");
        }
        name.setId(NAME_COLUMN_ID);
        eligible.setId(ELIGIBLE_COLUMN_ID);

        // Status comes next to the name: when the table is wider than the window it must not be the part cut off.
        table.getColumns().setAll(List.of(name, status, birthYears, ages, digits, eligible, uptake, window, period,
                brands));
        showTotals(name, status, eligible, uptake);
        viewModel.shownRows().addListener((ListChangeListener<CohortRow>) change -> showRows());
        // Sorted rows stay sorted; with no sort column left the plan's order comes back.
        table.getSortOrder().addListener((ListChangeListener<TreeTableColumn<CohortRow, ?>>) change -> {
            if (table.getSortOrder().isEmpty()) {
                showRows();
            }
        });
        viewModel.rows().addListener((ListChangeListener<CohortRow>) change -> fitColumnsToContent());
        viewModel.totalsProperty().addListener((observable, before, after) -> fitColumnsToContent());
        showRows();
        fitColumnsToContent();
    }

    private void showTotals(TreeTableColumn<CohortRow, ?> name, TreeTableColumn<CohortRow, ?> status,
                            TreeTableColumn<CohortRow, ?> eligible, TreeTableColumn<CohortRow, ?> uptake) {
        totals.put(name, TOTAL_LABEL_ID, sum -> texts.get(sum.filtered() ? "total.labelShown" : "total.label"), null);
        totals.put(status, TOTAL_COHORTS_ID, sum -> texts.get("total.cohorts",
                Formats.count(sum.bookingCohorts(), texts.locale()), sum.bookingCohorts()),
                texts.get("total.cohorts.tooltip"));
        totals.put(eligible, TOTAL_ELIGIBLE_ID, sum -> Formats.count(sum.eligible(), texts.locale()),
                texts.get("total.eligible.tooltip"));
        totals.put(uptake, TOTAL_EXPECTED_ID, sum -> texts.get("total.expected",
                Formats.count(sum.expectedBookings(), texts.locale())), texts.get("total.expected.tooltip"));
    }

    /** Sets each column's width to its widest text: header, any cell (a name with the tree's indent) or total. */
    private void fitColumnsToContent() {
        cellTexts.forEach((column, text) -> {
            boolean names = NAME_COLUMN_ID.equals(column.getId());
            double width = Math.max(ColumnWidths.of(column, Stream.empty()),
                    ColumnWidths.ofBold(column, totals.textUnder(column)));
            for (CohortRow row : viewModel.rows()) {
                double tree = names ? TREE_EXTRA + TREE_INDENT * depth(row.id()) : 0;
                width = Math.max(width, ColumnWidths.of(column, Stream.of(text.apply(row))) + tree);
            }
            column.setPrefWidth(Math.ceil(width));
        });
    }

    /** How many parents the tree shows a cohort under. */
    private int depth(String cohortId) {
        int depth = 0;
        for (String id = cohortId; viewModel.parentIdOf(id).isPresent(); id = viewModel.parentIdOf(id).get()) {
            depth++;
        }
        return depth;
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
    private <T> TreeTableColumn<CohortRow, T> column(String title, Function<CohortRow, T> value,
                                                     Function<T, String> text, double width) {
        TreeTableColumn<CohortRow, T> column = new TreeTableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue() == null
                || cell.getValue().getValue() == null ? null : value.apply(cell.getValue().getValue())));
        column.setCellFactory(ignored -> new TreeTableCell<>() {
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
