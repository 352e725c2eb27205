package org.cohortplanner.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.TreeTableView;

/** What a tree table shows, for tests that read it as they would read a table's items. */
public final class TreeRows {
    private TreeRows() {
    }

    /** The values of the rows the tree shows, top to bottom: the parts of a folded parent are not among them. */
    public static <T> List<T> shown(TreeTableView<T> tree) {
        List<T> rows = new ArrayList<>();
        for (int index = 0; index < tree.getExpandedItemCount(); index++) {
            rows.add(tree.getTreeItem(index).getValue());
        }
        return rows;
    }
}
