package org.cohortplanner.ui.common;

import java.util.List;
import java.util.stream.Stream;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/**
 * Widths of table columns taken from what they show, so that a header or a cell is never cut ("3,52…"): the widest
 * of the header's text and every cell's text, measured in the table's font, with the padding of a cell and of a
 * header with its sort arrow.
 */
public final class ColumnWidths {
    /** Font size of the tables, as in console.css; padding of a cell and of a header (with its sort arrow). */
    private static final double CELL_FONT_SIZE = 12;
    private static final double CELL_EXTRA = 18;
    private static final double HEADER_EXTRA = 22;
    /** How wide a tooltip with a long text gets before it wraps. */
    private static final double TOOLTIP_WIDTH = 480;
    /** Marks a column of long texts: as wide as its header at least, and what it cuts shows in a tooltip. */
    private static final String WITH_TOOLTIP = ColumnWidths.class.getName() + ".tooltip";

    private ColumnWidths() {
    }

    /** The width that shows {@code column}'s header and each of {@code cells} whole. */
    public static double of(TableColumn<?, ?> column, Stream<String> cells) {
        return width(column.getText(), cells, column.getTableView() != null && isKorean(column.getTableView()));
    }

    /** The width that shows {@code text} whole in bold under {@code column} (a totals row), with a cell's padding. */
    public static double ofBold(TreeTableColumn<?, ?> column, String text) {
        boolean korean = column.getTreeTableView() != null && isKorean(column.getTreeTableView());
        return Math.ceil(textWidth(text, font(korean, FontWeight.BOLD)) + HEADER_EXTRA);
    }

    /** As {@link #of(TableColumn, Stream)}, for a column of a tree table (without the tree's indent). */
    public static double of(TreeTableColumn<?, ?> column, Stream<String> cells) {
        return width(column.getText(), cells, column.getTreeTableView() != null
                && isKorean(column.getTreeTableView()));
    }

    /**
     * Keeps every column of {@code table} at least as wide as its header and the texts of its cells (cells whose value
     * is a string), now and whenever its rows (the list it holds now), its columns or its window change: a column
     * narrower than that is widened to it, and it is never made narrower than that (a constrained table takes the room
     * from its last column). A column of {@link #cutWithTooltip long texts} fits its header only.
     */
    public static <S> void fitToText(TableView<S> table) {
        InvalidationListener refit = observable -> fit(table);
        table.getItems().addListener((ListChangeListener<S>) change -> fit(table));
        table.getColumns().addListener(refit);
        table.sceneProperty().addListener(refit);
        fit(table);
    }

    /**
     * Makes {@code column} a column of long texts (a note, a list of regions): its cells may be cut, and each carries
     * its whole text in a tooltip, so that a text cut short can still be read.
     */
    public static <S> void cutWithTooltip(TableColumn<S, String> column) {
        column.getProperties().put(WITH_TOOLTIP, Boolean.TRUE);
        column.setCellFactory(ignored -> new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            {
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(TOOLTIP_WIDTH);
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                boolean blank = empty || text == null || text.isEmpty();
                setText(empty ? null : text);
                tooltip.setText(blank ? "" : text);
                setTooltip(blank ? null : tooltip);
            }
        });
    }

    private static <S> void fit(TableView<S> table) {
        boolean korean = isKorean(table);
        List<S> rows = List.copyOf(table.getItems());
        for (TableColumn<S, ?> column : leaves(table.getColumns())) {
            // A column of long texts takes the width of its header only: its cells show the rest in a tooltip.
            Stream<String> cells = column.getProperties().containsKey(WITH_TOOLTIP) ? Stream.empty()
                    : rows.stream().map(row -> column.getCellObservableValue(row))
                    .filter(value -> value != null && value.getValue() instanceof String)
                    .map(value -> (String) value.getValue());
            double width = width(column.getText(), cells, korean);
            column.setMinWidth(width);
            // Only ever wider: a width the user gave the column (or TableMemory kept) stays while the text fits it.
            if (column.getPrefWidth() < width) {
                column.setPrefWidth(width);
            }
        }
    }

    private static double width(String header, Stream<String> cells, boolean korean) {
        double headerWidth = textWidth(header, font(korean, FontWeight.BOLD)) + HEADER_EXTRA;
        Font cellFont = font(korean, FontWeight.NORMAL);
        double widest = cells.mapToDouble(text -> textWidth(text, cellFont) + CELL_EXTRA).max().orElse(0);
        return Math.ceil(Math.max(headerWidth, widest));
    }

    private static <S> List<TableColumn<S, ?>> leaves(List<TableColumn<S, ?>> columns) {
        return columns.stream().flatMap(column -> column.getColumns().isEmpty() ? Stream.of(column)
                : leaves(column.getColumns()).stream()).toList();
    }

    /** Whether {@code node} is in a part of the console written in Korean (and so in the Hangul font). */
    private static boolean isKorean(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (at.getStyleClass().contains(HangulFont.STYLE_CLASS)) {
                return true;
            }
        }
        return false;
    }

    private static Font font(boolean korean, FontWeight weight) {
        String family = korean ? HangulFont.family().orElse(Font.getDefault().getFamily())
                : Font.getDefault().getFamily();
        return Font.font(family, weight, CELL_FONT_SIZE);
    }

    private static double textWidth(String text, Font font) {
        Text measured = new Text(text == null ? "" : text);
        measured.setFont(font);
        return measured.getLayoutBounds().getWidth();
    }
}
