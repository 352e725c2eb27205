package org.cohortplanner.ui.cohorts;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Rectangle;

/**
 * The totals row under the cohort tree: one cell under each of the tree's columns, as wide as that column and
 * scrolled sideways with the tree, so that a total stands under the figures it adds up. Columns without a total get
 * an empty cell.
 */
final class CohortTotalsBar {
    static final String STYLE_CLASS = "cohort-totals";
    static final String CELL_STYLE_CLASS = "total-cell";

    private record Total(String id, Function<CohortTotals, String> text, String tooltip) {
    }

    private final TreeTableView<CohortRow> table;
    private final ObservableValue<CohortTotals> totals;
    private final Map<TreeTableColumn<CohortRow, ?>, Total> shown = new HashMap<>();
    private final HBox cells = new HBox();
    private final Pane root = new Pane(cells);

    CohortTotalsBar(TreeTableView<CohortRow> table, ObservableValue<CohortTotals> totals) {
        this.table = table;
        this.totals = totals;
        root.getStyleClass().add(STYLE_CLASS);
        root.minHeightProperty().bind(cells.heightProperty());
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(root.widthProperty());
        clip.heightProperty().bind(root.heightProperty());
        root.setClip(clip);
        table.getVisibleLeafColumns().addListener((ListChangeListener<TreeTableColumn<CohortRow, ?>>) change ->
                buildCells());
        table.skinProperty().addListener((observable, before, after) -> scrollWithTable());
    }

    /** Shows {@code text} of the totals under {@code column}, in a cell with {@code id} and {@code tooltip}. */
    void put(TreeTableColumn<CohortRow, ?> column, String id, Function<CohortTotals, String> text, String tooltip) {
        shown.put(column, new Total(id, text, tooltip));
        buildCells();
    }

    /** The text shown under {@code column} now; empty when it shows no total. */
    String textUnder(TreeTableColumn<CohortRow, ?> column) {
        Total total = shown.get(column);
        return total == null || totals.getValue() == null ? "" : total.text().apply(totals.getValue());
    }

    Node root() {
        return root;
    }

    private void buildCells() {
        cells.getChildren().clear();
        for (TreeTableColumn<CohortRow, ?> column : table.getVisibleLeafColumns()) {
            Label cell = new Label();
            cell.getStyleClass().add(CELL_STYLE_CLASS);
            if (column.getStyleClass().contains("numeric")) {
                cell.getStyleClass().add("numeric");
            }
            cell.minWidthProperty().bind(column.widthProperty());
            cell.prefWidthProperty().bind(column.widthProperty());
            cell.maxWidthProperty().bind(column.widthProperty());
            Total total = shown.get(column);
            if (total != null) {
                cell.setId(total.id());
                cell.textProperty().bind(Bindings.createStringBinding(() -> textUnder(column), totals));
                if (total.tooltip() != null) {
                    Tooltip tooltip = new Tooltip(total.tooltip());
                    tooltip.setWrapText(true);
                    tooltip.setMaxWidth(420);
                    cell.setTooltip(tooltip);
                }
            }
            cells.getChildren().add(cell);
        }
    }

    /** Follows the tree's horizontal scroll bar, which its skin makes. */
    private void scrollWithTable() {
        cells.translateXProperty().unbind();
        for (Node node : table.lookupAll(".scroll-bar")) {
            if (node instanceof ScrollBar bar && bar.getOrientation() == Orientation.HORIZONTAL) {
                cells.translateXProperty().bind(bar.valueProperty().negate());
                return;
            }
        }
    }
}
