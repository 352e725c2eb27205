package org.cohortplanner.ui.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.MouseEvent;
import org.cohortplanner.store.settings.TableStateFile;
import org.cohortplanner.store.settings.TableStateFile.SortKey;
import org.cohortplanner.store.settings.TableStateFile.TableState;

/**
 * Tables keep the column widths and the sort order the user gave them — across a language switch (which builds the
 * screens anew), an undo, and a restart. What is kept is what the user did with the mouse on a table's header (a
 * column dragged wider, a header clicked to sort), never the widths a window resize gives; the console's
 * {@link TableStateFile} holds it, set once at start ({@link #use}); without one (tests, a first start that could
 * not read it) tables simply start with their defaults.
 */
public final class TableMemory {
    private static volatile TableStateFile states;

    private TableMemory() {
    }

    /** Where the layouts are kept from now on (null: nowhere). */
    public static void use(TableStateFile file) {
        states = file;
    }

    /** Gives {@code table} its kept layout under {@code name} and keeps what the user does with it from now on. */
    public static void remember(TableView<?> table, String name) {
        attach(table, name, () -> new ArrayList<TableColumnBase<?, ?>>(table.getVisibleLeafColumns()),
                table.getSortOrder(), (column, descending) -> ((TableColumn<?, ?>) column).setSortType(descending
                        ? TableColumn.SortType.DESCENDING : TableColumn.SortType.ASCENDING),
                column -> ((TableColumn<?, ?>) column).getSortType() == TableColumn.SortType.DESCENDING);
    }

    /** As {@link #remember(TableView, String)}, for a tree table. */
    public static void remember(TreeTableView<?> table, String name) {
        attach(table, name, () -> new ArrayList<TableColumnBase<?, ?>>(table.getVisibleLeafColumns()),
                table.getSortOrder(), (column, descending) -> ((TreeTableColumn<?, ?>) column).setSortType(descending
                        ? TreeTableColumn.SortType.DESCENDING : TreeTableColumn.SortType.ASCENDING),
                column -> ((TreeTableColumn<?, ?>) column).getSortType() == TreeTableColumn.SortType.DESCENDING);
    }

    private interface SortSetter {
        void set(TableColumnBase<?, ?> column, boolean descending);
    }

    private interface SortGetter {
        boolean descending(TableColumnBase<?, ?> column);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void attach(Control table, String name, Supplier<List<TableColumnBase<?, ?>>> leaves,
                               ObservableList sortOrder, SortSetter setSort, SortGetter getSort) {
        TableStateFile file = states;
        if (file == null) {
            return;
        }
        file.get(name).ifPresent(state -> {
            List<TableColumnBase<?, ?>> columns = leaves.get();
            if (state.widths().size() != columns.size()) {
                return;
            }
            for (int i = 0; i < columns.size(); i++) {
                columns.get(i).setPrefWidth(state.widths().get(i));
            }
            List<TableColumnBase<?, ?>> sorted = new ArrayList<>();
            for (SortKey key : state.sort()) {
                TableColumnBase<?, ?> column = columns.get(key.column());
                if (column.isSortable()) {
                    setSort.set(column, key.descending());
                    sorted.add(column);
                }
            }
            sortOrder.setAll(sorted);
        });
        table.addEventFilter(MouseEvent.MOUSE_RELEASED, event -> {
            if (onHeader(event.getPickResult().getIntersectedNode(), table)) {
                // After the header has done its work (the resize, the sort).
                Platform.runLater(() -> keep(file, name, leaves.get(), sortOrder, getSort));
            }
        });
    }

    private static void keep(TableStateFile file, String name, List<TableColumnBase<?, ?>> columns,
                             List<? extends TableColumnBase<?, ?>> sortOrder, SortGetter getSort) {
        List<Double> widths = columns.stream().map(TableColumnBase::getWidth).toList();
        List<SortKey> sort = new ArrayList<>();
        for (TableColumnBase<?, ?> column : sortOrder) {
            int index = columns.indexOf(column);
            if (index >= 0) {
                sort.add(new SortKey(index, getSort.descending(column)));
            }
        }
        if (widths.stream().allMatch(width -> width > 0)) {
            file.put(name, new TableState(widths, sort));
        }
    }

    /** Whether a node is part of the header of {@code table} (its column headers, the filler beside them). */
    private static boolean onHeader(Node node, Control table) {
        for (Node at = node; at != null && at != table; at = at.getParent()) {
            if (at.getStyleClass().contains("column-header-background")) {
                return true;
            }
        }
        return false;
    }
}
